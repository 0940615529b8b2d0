#include "extract/time_expressions.hpp"

#include <charconv>
#include <iterator>
#include <string_view>
#include <utility>

#include "text/word_map.hpp"

namespace frontline {

namespace {

/// What a word can open: a weekday or a month (with its number), or one of the words that start
/// a relative expression. Every token is looked up once, by the hash the tokenizer stored with it,
/// so a word that opens nothing (nearly all of them) costs one probe.
struct TimeWord {
    enum class Kind { weekday, month, yesterday, today, overnight, last, past, this_ } kind;
    unsigned value = 0;  ///< the weekday (0 Sunday) or the month (1 January)
};

const WordMap<TimeWord> time_words = [] {
    using K = TimeWord::Kind;
    WordMap<TimeWord> words;
    const std::string_view weekdays[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
    for (unsigned day = 0; day < std::size(weekdays); ++day) words.insert(weekdays[day], {K::weekday, day});
    const std::pair<std::string_view, unsigned> months[] = {
        {"january", 1}, {"jan", 1}, {"jan.", 1}, {"february", 2}, {"feb", 2}, {"feb.", 2}, {"march", 3}, {"mar.", 3},
        {"april", 4}, {"apr", 4}, {"apr.", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"jun.", 6},
        {"july", 7}, {"jul", 7}, {"jul.", 7}, {"august", 8}, {"aug", 8}, {"aug.", 8}, {"september", 9}, {"sept", 9},
        {"sep", 9}, {"october", 10}, {"oct", 10}, {"oct.", 10}, {"november", 11}, {"nov", 11}, {"nov.", 11},
        {"december", 12}, {"dec", 12}, {"dec.", 12}};
    for (const auto& [name, month] : months) words.insert(name, {K::month, month});
    words.insert("yesterday", {K::yesterday});
    words.insert("today", {K::today});
    words.insert("overnight", {K::overnight});
    words.insert("last", {K::last});
    words.insert("past", {K::past});
    words.insert("this", {K::this_});
    return words;
}();

std::optional<unsigned> weekday_of(const Token& token) {
    const TimeWord* word = time_words.find(token);
    return word && word->kind == TimeWord::Kind::weekday ? std::optional<unsigned>(word->value) : std::nullopt;
}

std::optional<unsigned> month_of(const Token& token) {
    const TimeWord* word = time_words.find(token);
    return word && word->kind == TimeWord::Kind::month ? std::optional<unsigned>(word->value) : std::nullopt;
}

std::optional<unsigned> day_number(const Token& token) {
    if (token.kind != TokenKind::number) return std::nullopt;
    unsigned value = 0;
    const auto [ptr, ec] = std::from_chars(token.folded.data(), token.folded.data() + token.folded.size(), value);
    // "19th" is fine; "45,000" is not a day.
    if (ec != std::errc{} || value < 1 || value > 31) return std::nullopt;
    if (ptr != token.folded.data() + token.folded.size()) {
        const std::string_view suffix(ptr, static_cast<std::size_t>(token.folded.data() + token.folded.size() - ptr));
        if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return std::nullopt;
    }
    return value;
}

/// The most recent day with this weekday on or before `anchor`.
Date last_weekday(const Date& anchor, unsigned weekday) {
    const long back = (static_cast<long>(anchor.weekday()) - static_cast<long>(weekday) + 7) % 7;
    return anchor.plus_days(-back);
}

std::optional<Date> month_day(const Date& published, unsigned month, unsigned day) {
    for (int year : {published.year(), published.year() - 1}) {
        try {
            const Date d(year, month, day);
            if (d <= published.plus_days(7)) return d;  // a few days of slack for announced dates
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

bool is(const std::vector<Token>& t, std::size_t i, const RuleWord& word) { return i < t.size() && t[i].is(word); }

}  // namespace

std::vector<TimeExpression> find_time_expressions(const std::vector<Token>& tokens, const std::optional<Date>& published) {
    std::vector<TimeExpression> found;
    if (!published) return found;
    const Date pub = *published;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& w = tokens[i];
        const TimeWord* word = time_words.find(w);
        if (!word) {
            // "19 January" (a month after its day) is caught at the number.
            if (const auto day = day_number(w))
                if (i + 1 < tokens.size())
                    if (const auto month = month_of(tokens[i + 1]))
                        if (const auto date = month_day(pub, *month, *day)) {
                            found.push_back({i, i + 2, *date, *date, 1});
                            ++i;
                        }
            continue;
        }
        using K = TimeWord::Kind;
        if (word->kind == K::weekday) {
            const Date day = last_weekday(pub, word->value);
            TimeExpression expr{i, i + 1, day, day, 1};
            // "Monday and Tuesday", "Saturday and Sunday": one range.
            if ((is(tokens, i + 1, "and") || is(tokens, i + 1, "or") || is(tokens, i + 1, "-")) && i + 2 < tokens.size())
                if (const auto second = weekday_of(tokens[i + 2])) {
                    const Date other = last_weekday(pub, *second);
                    expr.start = std::min(day, other);
                    expr.end = std::max(day, other);
                    expr.last_token = i + 3;
                }
            // "Monday night" reaches into the next morning.
            if (is(tokens, expr.last_token, "night") && expr.end < pub) expr.end = expr.end.plus_days(1);
            found.push_back(expr);
            i = expr.last_token - 1;
            continue;
        }
        if (word->kind == K::yesterday) { found.push_back({i, i + 1, pub.plus_days(-1), pub.plus_days(-1), 1}); continue; }
        if (word->kind == K::today) { found.push_back({i, i + 1, pub, pub, 1}); continue; }
        const bool last_night = word->kind == K::last && is(tokens, i + 1, "night");
        if (word->kind == K::overnight || last_night) {
            found.push_back({i, i + (last_night ? 2u : 1u), pub.plus_days(-1), pub, 1});
            continue;
        }
        if (word->kind == K::last || word->kind == K::past || word->kind == K::this_) {
            if (is(tokens, i + 1, "week") || is(tokens, i + 1, "weekend")) {
                const bool weekend = is(tokens, i + 1, "weekend");
                const bool current = word->kind == K::this_;
                const Date start = current ? pub.plus_days(-6) : pub.plus_days(weekend ? -8 : -10);
                found.push_back({i, i + 2, start, current ? pub : pub.plus_days(weekend ? -5 : -1), 2});
            }
            continue;
        }
        // What is left is a month.
        const unsigned month = word->value;
        // "Oct. 8", "October 8th", "Jan. 19"
        std::size_t next = i + 1;
        if (is(tokens, next, ".")) ++next;
        if (next < tokens.size())
            if (const auto day = day_number(tokens[next]))
                if (const auto date = month_day(pub, month, *day)) {
                    found.push_back({i, next + 1, *date, *date, 1});
                    i = next;
                    continue;
                }
        // "19 January" is caught at the number; here: "earlier in January", "in mid-September", "since September".
        // A month on its own needs a frame ("in May", "since September", "mid-October", "May 2014"):
        // "May God protect the city" is a wish, not a date.
        static const WordSet month_frames = {"in", "since", "early", "late", "-", "of", "until", "by", "last", "this",
                                             "during", "from", "through"};
        const bool framed = (i > 0 && month_frames.contains(tokens[i - 1])) ||
                            (i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::number && tokens[i + 1].folded.size() == 4);
        if (!framed || (w.is("may") && !w.capitalized)) continue;
        const bool mid = i >= 2 && tokens[i - 1].is("-") && tokens[i - 2].is("mid");
        int year = pub.year();
        if (month > pub.month()) --year;
        std::size_t last = i + 1;
        if (i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::number && tokens[i + 1].folded.size() == 4) {
            int given = 0;
            std::from_chars(tokens[i + 1].folded.data(), tokens[i + 1].folded.data() + 4, given);
            if (given > 1900 && given <= pub.year()) { year = given; last = i + 2; }  // "March 2013"
        }
        const Date first(year, month, 1);
        const Date last_day = Date(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1).plus_days(-1);
        const Date start = mid ? first.plus_days(9) : first;
        const Date end = mid ? first.plus_days(20) : std::min(last_day, pub);
        found.push_back({mid ? i - 2 : i, last, start, std::max(start, end), mid ? 2 : 3});
        i = last - 1;
    }
    return found;
}

}  // namespace frontline
