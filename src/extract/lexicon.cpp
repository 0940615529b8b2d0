#include "extract/lexicon.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/error.hpp"
#include "text/fold.hpp"
#include "text/tokenizer.hpp"

namespace frontline {

namespace {

using nlohmann::json;

json read_json(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw DataError(SourceLocation(path.string()), "cannot open lexicon file");
    try {
        return json::parse(in);
    } catch (const json::parse_error& e) {
        throw DataError(SourceLocation(path.string()), std::string("invalid JSON: ") + e.what());
    }
}

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, sep)) parts.push_back(part);
    return parts;
}

CaseRule case_rule_of(std::string_view surface) {
    const bool has_lower = std::any_of(surface.begin(), surface.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    const bool has_upper = std::any_of(surface.begin(), surface.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (has_upper && !has_lower && surface.size() >= 2) return CaseRule::upper;
    if (!surface.empty() && surface.front() >= 'A' && surface.front() <= 'Z') return CaseRule::capitalized;
    return CaseRule::any;
}

std::string regular_third_person(const std::string& base) {
    if (base.ends_with("s") || base.ends_with("sh") || base.ends_with("ch") || base.ends_with("x") || base.ends_with("z"))
        return base + "es";
    if (base.size() > 1 && base.back() == 'y' && std::string("aeiou").find(base[base.size() - 2]) == std::string::npos)
        return base.substr(0, base.size() - 1) + "ies";
    return base + "s";
}

std::string regular_past(const std::string& base) {
    if (base.ends_with("e")) return base + "d";
    if (base.size() > 1 && base.back() == 'y' && std::string("aeiou").find(base[base.size() - 2]) == std::string::npos)
        return base.substr(0, base.size() - 1) + "ied";
    return base + "ed";
}

std::string regular_gerund(const std::string& base) {
    if (base.ends_with("ee") || base.ends_with("ye") || base.ends_with("oe")) return base + "ing";
    if (base.ends_with("ie")) return base.substr(0, base.size() - 2) + "ying";
    if (base.ends_with("e") && base.size() > 2) return base.substr(0, base.size() - 1) + "ing";
    return base + "ing";
}

}  // namespace

std::vector<std::string> expand_token(const std::string& token) {
    if (token.size() > 1 && token.front() == '~') {
        const std::vector<std::string> parts = split(token.substr(1), ':');
        const std::string& base = parts.at(0);
        std::vector<std::string> forms{base, regular_third_person(base)};
        const std::string past = parts.size() > 1 ? parts[1] : regular_past(base);
        const std::string participle = parts.size() > 2 ? parts[2] : past;
        forms.push_back(past);
        forms.push_back(participle);
        forms.push_back(parts.size() > 3 ? parts[3] : regular_gerund(base));
        std::sort(forms.begin(), forms.end());
        forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
        return forms;
    }
    std::vector<std::string> alternatives;
    for (const std::string& alt : split(token, '|'))
        if (!alt.empty()) alternatives.push_back(alt);
    return alternatives;
}

void PhraseIndex::add(const std::string& surface, std::size_t payload) {
    // Alternatives may span several words ("air strike|airstrike"): expand those into phrases first.
    if (surface.find('|') != std::string::npos && surface.find(' ') != std::string::npos) {
        // A '|' between multi-word alternatives at the top level: "a b|c d" means "a b" or "c d"
        // only when no slot contains a gap or inflection marker; otherwise it is per slot.
        const bool per_slot = surface.find('*') != std::string::npos || surface.find('~') != std::string::npos;
        if (!per_slot) {
            for (const std::string& alt : split(surface, '|')) add(alt, payload);
            return;
        }
    }
    std::vector<std::vector<std::string>> slots;  // folded alternatives of each slot; {"*"} for a gap
    std::vector<CaseRule> case_rules;
    std::istringstream words(surface);
    std::string word;
    while (words >> word) {
        if (word == "*") {
            if (slots.empty()) throw DataError("lexicon phrase starts with a gap: '" + surface + "'");
            slots.push_back({"*"});
            case_rules.push_back(CaseRule::any);
            continue;
        }
        // A word may itself be several tokens ("al-Arab", "U.S.-led", "People's"): split it the way
        // the text is split, so that lexicon and text meet token by token.
        const std::vector<std::string> alternatives = expand_token(word);
        std::vector<std::vector<std::string>> token_slots;
        std::vector<CaseRule> token_rules;
        for (const std::string& alt : alternatives) {
            std::string spaced = alt;
            std::replace(spaced.begin(), spaced.end(), '_', ' ');
            const std::vector<Token> pieces = tokenize(spaced);
            if (token_slots.empty()) {
                token_slots.resize(pieces.size());
                for (const Token& piece : pieces)
                    token_rules.push_back(case_rule_of(std::string_view(spaced).substr(piece.begin, piece.end - piece.begin)));
            }
            if (pieces.size() != token_slots.size()) {
                // Alternatives of different token counts become separate phrases.
                std::string rest = surface;
                const auto at = rest.find(word);
                for (const std::string& other : alternatives) add(rest.substr(0, at) + other + rest.substr(at + word.size()), payload);
                return;
            }
            for (std::size_t i = 0; i < pieces.size(); ++i) token_slots[i].push_back(pieces[i].folded);
        }
        for (std::size_t i = 0; i < token_slots.size(); ++i) {
            slots.push_back(std::move(token_slots[i]));
            case_rules.push_back(token_rules[i]);
        }
    }
    if (slots.empty()) throw DataError("empty lexicon phrase");
    if (slots.back().front() == "*") throw DataError("lexicon phrase ends with a gap: '" + surface + "'");
    Phrase phrase;
    phrase.first_slot = static_cast<std::uint32_t>(slots_.size());
    phrase.slot_count = static_cast<std::uint32_t>(slots.size());
    phrase.payload = payload;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        Slot& slot = slots_.emplace_back();
        slot.case_rule = case_rules[i];
        slot.gap = slots[i].front() == "*";
        slot.first = static_cast<std::uint32_t>(alternatives_.size());
        if (slot.gap) continue;
        slot.count = static_cast<std::uint32_t>(slots[i].size());
        for (const std::string& alternative : slots[i]) {
            alternatives_.push_back({word_hash(alternative), static_cast<std::uint32_t>(words_.size()), static_cast<std::uint32_t>(alternative.size())});
            words_ += alternative;
        }
    }
    if (slots.size() > 1 && !slots_[phrase.first_slot + 1].gap) {
        const Slot& second = slots_[phrase.first_slot + 1];
        phrase.second_words = 0;
        for (std::uint32_t k = second.first; k < second.first + second.count; ++k) phrase.second_words |= second_word_bit(alternatives_[k].hash);
    }
    const Slot& first = slots_[phrase.first_slot];
    for (std::uint32_t k = first.first; k < first.first + first.count; ++k) by_first_[alternatives_[k].hash].push_back(phrase);
}

bool PhraseIndex::slot_matches(const Slot& slot, const Token& token) const noexcept {
    if (slot.case_rule == CaseRule::capitalized && !token.capitalized) return false;
    if (slot.case_rule == CaseRule::upper && !token.all_caps) return false;
    for (std::uint32_t k = slot.first; k < slot.first + slot.count; ++k) {
        const Alternative& alternative = alternatives_[k];
        if (alternative.hash == token.folded_hash && std::string_view(words_).substr(alternative.offset, alternative.size) == token.folded)
            return true;
    }
    return false;
}

std::size_t PhraseIndex::match_end(const std::vector<Token>& tokens, std::size_t slot, std::size_t end, std::size_t pos) const {
    for (; slot < end; ++slot) {
        if (slots_[slot].gap) {
            // A gap never spans the end of a clause.
            for (std::size_t gap = 0; gap <= max_gap && pos + gap <= tokens.size(); ++gap) {
                if (gap > 0) {
                    const std::string& skipped = tokens[pos + gap - 1].folded;
                    if (skipped.size() == 1 && (skipped[0] == ';' || skipped[0] == '.' || skipped[0] == ':')) break;
                }
                const std::size_t matched = match_end(tokens, slot + 1, end, pos + gap);
                if (matched != no_match) return matched;
            }
            return no_match;
        }
        if (pos >= tokens.size() || !slot_matches(slots_[slot], tokens[pos])) return no_match;
        ++pos;
    }
    return pos;
}

std::vector<PhraseMatch> PhraseIndex::matches_at(const std::vector<Token>& tokens, std::size_t at) const {
    std::vector<PhraseMatch> found;
    if (starts_none(tokens[at])) return found;
    const std::vector<Phrase>* starting = by_first_.find(tokens[at].folded_hash);
    if (starting == nullptr) return found;
    // Past the last token no second word exists, and only phrases that need none pass.
    const std::uint64_t next_word = at + 1 < tokens.size() ? second_word_bit(tokens[at + 1].folded_hash) : 0;
    for (const Phrase& phrase : *starting) {
        if (phrase.second_words != ~std::uint64_t{0} && (phrase.second_words & next_word) == 0) continue;
        const std::size_t end = match_end(tokens, phrase.first_slot, phrase.first_slot + phrase.slot_count, at);
        if (end == no_match) continue;
        // Longest first; of equal length, the phrase added first (an insertion sort: matches are few).
        std::size_t i = found.size();
        found.push_back({at, end, phrase.payload});
        for (; i > 0 && found[i - 1].last < end; --i) std::swap(found[i - 1], found[i]);
    }
    return found;
}

std::vector<PhraseMatch> PhraseIndex::scan(const std::vector<Token>& tokens) const {
    std::vector<PhraseMatch> out;
    for (std::size_t i = 0; i < tokens.size();) {
        if (starts_none(tokens[i])) {
            ++i;
            continue;
        }
        const auto here = matches_at(tokens, i);
        if (here.empty()) {
            ++i;
            continue;
        }
        out.push_back(here.front());
        i = here.front().last;
    }
    return out;
}

bool is_armed(ActorKind kind) noexcept {
    return kind == ActorKind::state || kind == ActorKind::armed_group || kind == ActorKind::regional_forces;
}

const ActorInfo* Lexicon::actor(const std::string& id) const {
    const auto it = actors_.find(id);
    return it == actors_.end() ? nullptr : &it->second;
}

void Lexicon::index_phrase_starts() {
    std::vector<PhraseIndex*> indexes = {&actor_phrases_, &head_phrases_, &trigger_phrases_, &stop_phrases_, &source_phrases_};
    for (PhraseIndex& index : cues_) indexes.push_back(&index);
    if (indexes.size() > 64) throw DataError("more than 64 phrase tables in the lexicon: Token::phrase_starts has 64 bits");
    phrase_starts_.clear();
    for (std::size_t i = 0; i < indexes.size(); ++i) {
        indexes[i]->start_bit_ = std::uint64_t{1} << i;
        const auto& by_first = indexes[i]->by_first_;
        for (std::size_t k = 0; k < by_first.size(); ++k) phrase_starts_[by_first.key(k)] |= indexes[i]->start_bit_;
    }
}

void Lexicon::mark_phrase_starts(std::vector<Token>& tokens) const {
    for (Token& token : tokens) {
        const std::uint64_t* starts = phrase_starts_.find(token.folded_hash);
        token.phrase_starts = starts == nullptr ? 0 : *starts;
    }
}

std::string_view cue_family_name(CueFamily family) noexcept {
    switch (family) {
        case CueFamily::negation: return "negation";
        case CueFamily::hypothetical: return "hypothetical";
        case CueFamily::implicative: return "implicative";
        case CueFamily::reported: return "reported";
        case CueFamily::claimed: return "claimed";
        case CueFamily::reporting_verbs: return "reporting_verbs";
        case CueFamily::clause_openers: return "clause_openers";
        case CueFamily::relative_pronouns: return "relative_pronouns";
        case CueFamily::air: return "air";
        case CueFamily::reinforce: return "reinforce";
        case CueFamily::person_objects: return "person_objects";
        case CueFamily::facility_objects: return "facility_objects";
    }
    return {};
}

std::string Lexicon::armed_force_of(const std::string& people) const {
    const auto it = armed_of_people_.find(people);
    return it == armed_of_people_.end() ? std::string() : it->second;
}

bool Lexicon::is_generic_noun(const std::string& folded) const { return generic_nouns_.contains(folded); }

std::vector<std::string> Lexicon::groups_called(const std::string& folded) const {
    const auto it = generic_to_groups_.find(folded);
    return it == generic_to_groups_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace frontline

namespace frontline {

namespace {

ActorKind kind_from(const std::string& name, const std::string& where) {
    static const std::map<std::string, ActorKind> kinds = {
        {"state", ActorKind::state},
        {"armed_group", ActorKind::armed_group},
        {"regional_forces", ActorKind::regional_forces},
        {"regional_government", ActorKind::regional_government},
        {"political_party", ActorKind::political_party},
        {"international", ActorKind::international},
        {"civilians", ActorKind::civilians}};
    const auto it = kinds.find(name);
    if (it == kinds.end()) throw DataError(SourceLocation(where), "unknown actor kind '" + name + "'");
    return it->second;
}

std::vector<std::string> string_list(const json& value) {
    std::vector<std::string> out;
    if (value.is_array())
        for (const auto& item : value)
            if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
}

/// Reads a tab-separated file with a header row into maps from column name to value.
std::vector<std::map<std::string, std::string>> read_tsv(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw DataError(SourceLocation(path.string()), "cannot open data file");
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = split(line, '\t');
    std::vector<std::map<std::string, std::string>> rows;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') continue;
        const std::vector<std::string> cells = split(line, '\t');
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

Lexicon Lexicon::load(const std::filesystem::path& data_root) {
    try {
        return load_unchecked(data_root);
    } catch (const json::exception& e) {
        throw DataError(SourceLocation((data_root / "assets" / "lexicon").string()), std::string("malformed lexicon: ") + e.what());
    }
}

Lexicon Lexicon::load_unchecked(const std::filesystem::path& data_root) {
    Lexicon lex;
    const std::filesystem::path dir = data_root / "assets" / "lexicon";
    const std::string actors_file = (dir / "actors.json").string();
    const json actors = read_json(dir / "actors.json");

    auto add_actor_form = [&](const std::string& form, ActorEntry entry) {
        lex.actor_entries_.push_back(std::move(entry));
        lex.actor_phrases_.add(form, lex.actor_entries_.size() - 1);
    };

    for (const json& group : actors.at("named")) {
        ActorInfo info;
        info.id = group.at("id").get<std::string>();
        info.kind = kind_from(group.at("kind").get<std::string>(), actors_file);
        info.state = group.value("state", std::string());
        for (const std::string& noun : string_list(group.value("generic", json::array()))) {
            info.generic_nouns.push_back(fold(noun));
            lex.generic_to_groups_[fold(noun)].push_back(info.id);
            lex.generic_nouns_.insert(fold(noun));
        }
        for (const std::string& form : string_list(group.at("forms")))
            add_actor_form(form, ActorEntry{ActorEntry::Role::named, info.id, "", ""});
        lex.actors_[info.id] = std::move(info);
    }
    for (const json& person : actors.at("persons")) {
        const std::string id = person.at("actor").get<std::string>();
        for (const std::string& name : string_list(person.at("names")))
            add_actor_form(name, ActorEntry{ActorEntry::Role::person, id, "", ""});
    }
    for (const json& group : actors.at("ethnic")) {
        const ActorEntry entry{ActorEntry::Role::ethnic, group.at("civilian").get<std::string>(),
                               group.at("armed").get<std::string>(), group.at("political").get<std::string>()};
        for (const std::string& form : string_list(group.at("forms"))) add_actor_form(form, entry);
        lex.actors_.try_emplace(entry.actor, ActorInfo{entry.actor, ActorKind::civilians, {}, ""});
        lex.actors_.try_emplace(entry.armed, ActorInfo{entry.armed, ActorKind::armed_group, {}, ""});
        lex.armed_of_people_[entry.actor] = entry.armed;
    }
    const json& heads = actors.at("heads");
    const std::vector<std::pair<std::string, HeadKind>> head_families = {
        {"armed", HeadKind::armed}, {"security", HeadKind::security}, {"political", HeadKind::political}, {"civilian", HeadKind::civilian}};
    for (const auto& [family, kind] : head_families)
        for (const std::string& noun : string_list(heads.at(family))) {
            lex.head_kinds_.push_back(kind);
            lex.head_phrases_.add(noun, lex.head_kinds_.size() - 1);
        }

    // States: names, demonyms and capitals from the geodata country table, one source for geo and text.
    const std::filesystem::path countries = data_root / "geodata" / "countries.tsv";
    for (const auto& row : read_tsv(countries)) {
        const auto get = [&](const char* key) { const auto it = row.find(key); return it == row.end() ? std::string() : it->second; };
        const std::string iso3 = get("iso3");
        if (iso3.empty()) continue;
        lex.actors_.try_emplace(iso3, ActorInfo{iso3, ActorKind::state, {}, ""});
        std::vector<std::string> names = split(get("other_names") + "|" + get("abbreviations"), '|');
        for (const char* column : {"name", "ne_name", "official_name"}) names.push_back(get(column));
        for (const std::string& name : names)
            if (!name.empty()) add_actor_form(name, ActorEntry{ActorEntry::Role::state_name, iso3, "", ""});
        for (const std::string& demonym : split(get("demonyms"), '|'))
            if (!demonym.empty()) add_actor_form(demonym, ActorEntry{ActorEntry::Role::demonym, iso3, "", ""});
        for (const std::string& capital : split(get("capital_name"), '|'))
            if (!capital.empty()) add_actor_form(capital, ActorEntry{ActorEntry::Role::capital, iso3, "", ""});
    }

    if (const auto spellings = actors.find("capital_spellings"); spellings != actors.end())
        for (const auto& [iso3, forms] : spellings->items())
            for (const std::string& form : string_list(forms)) add_actor_form(form, ActorEntry{ActorEntry::Role::capital, iso3, "", ""});

    const json triggers = read_json(dir / "triggers.json");
    for (const json& entry : triggers.at("triggers")) {
        TriggerInfo info;
        info.type = entry.at("type").get<std::string>();
        info.noun = entry.value("pos", std::string("verb")) == "noun";
        info.inverse = entry.value("inverse", false);
        info.movement = entry.value("movement", false);
        info.needs = entry.value("needs", std::string());
        info.person_object = entry.value("person_object", std::string());
        info.facility_object = entry.value("facility_object", std::string());
        info.by_speaker = entry.value("by_speaker", false);
        lex.triggers_.push_back(info);
        for (const std::string& pattern : string_list(entry.at("patterns"))) lex.trigger_phrases_.add(pattern, lex.triggers_.size() - 1);
    }
    for (const std::string& stop : string_list(triggers.at("stop"))) lex.stop_phrases_.add(stop, 0);
    // The air-war and object families live with the triggers, the others in cues.json; each
    // family must be in one of them.
    const json cues = read_json(dir / "cues.json");
    const json& trigger_cues = triggers.at("cues");
    for (std::size_t f = 0; f < cue_family_count; ++f) {
        const std::string family(cue_family_name(static_cast<CueFamily>(f)));
        const json* words = trigger_cues.contains(family) ? &trigger_cues.at(family) : cues.contains(family) ? &cues.at(family) : nullptr;
        if (!words) throw DataError("no cue family '" + family + "' in triggers.json or cues.json");
        for (const std::string& word : string_list(*words)) lex.cues_[f].add(word, 0);
    }
    for (const json& source : cues.at("sources")) {
        lex.sources_.push_back(SourceInfo{source.at("name").get<std::string>()});
        for (const std::string& form : string_list(source.at("forms"))) lex.source_phrases_.add(form, lex.sources_.size() - 1);
    }
    lex.index_phrase_starts();
    return lex;
}

}  // namespace frontline
