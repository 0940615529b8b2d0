#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <simdjson.h>
#include <string>
#include <utility>

#include "ingest/detail/formats.hpp"
#include "ingest/detail/text.hpp"

namespace frontline::ingest::detail {

namespace {

using nlohmann::json;

/// The place in `text` where nlohmann stopped, given the count of bytes it had read (1-based).
SourceLocation location_in(std::string_view text, std::size_t bytes_read, const SourceLocation& origin) {
    const std::size_t offset = std::min(bytes_read == 0 ? 0 : bytes_read - 1, text.size());
    const std::string_view before = text.substr(0, offset);
    const auto last_newline = before.rfind('\n');
    const std::size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
    const auto line = origin.line.value_or(1) + static_cast<std::size_t>(std::ranges::count(before, '\n'));
    return SourceLocation(origin.file, line, offset - line_start + 1);
}

/// nlohmann's message without its id, position (given separately) and echo of the input.
std::string short_reason(const json::parse_error& error) {
    std::string_view reason = error.what();
    if (const auto colon = reason.find(": "); colon != std::string_view::npos) reason.remove_prefix(colon + 2);
    return std::string(reason.substr(0, reason.find("; last read")));
}

json parse_object(std::string_view text, const SourceLocation& where) {
    json value;
    try {
        value = json::parse(text);
    } catch (const json::parse_error& error) {
        throw InputError(location_in(text, error.byte, where), "invalid JSON: " + short_reason(error));
    } catch (const json::out_of_range& error) {
        // A number beyond double's range ("1e400") is out_of_range, not a parse_error (fuzzing,
        // tests/data/fuzz-regressions/fuzz_ingest_ndjson).
        throw InputError(where, std::string("invalid JSON: ") + error.what());
    }
    if (!value.is_object()) {
        throw InputError(where, std::string("expected a JSON object (one article), not ") + value.type_name() +
                                    "; several articles go in a .ndjson file, one per line");
    }
    return value;
}

/// The string value of `object[name]`; empty when the field is missing or null.
std::string string_field(const json& object, const std::string& name, const SourceLocation& where) {
    const auto found = object.find(name);
    if (found == object.end() || found->is_null()) return {};
    if (!found->is_string())
        throw InputError(where, "field \"" + name + "\" must be a string, not " + found->type_name());
    return found->get<std::string>();
}

/// The fields Frontline reads from an article object, in the order of `field`.
constexpr std::array<const char*, 8> field_names = {"id", "title", "published", "outlet", "author", "url", "language", "text"};
namespace field {
enum : std::size_t { id, title, published, outlet, author, url, language, text };
}
using Fields = std::array<std::string, field_names.size()>;

Fields fields_of(const json& object, const SourceLocation& where) {
    Fields fields;
    for (std::size_t f = 0; f < field_names.size(); ++f) fields[f] = string_field(object, field_names[f], where);
    return fields;
}

/// The fields of an article object read by simdjson (ten times nlohmann's speed; NDJSON parsing
/// was 7 % of extraction), or nothing when anything is unusual: text simdjson refuses, not an
/// object, a field that is not a string, no "text". nlohmann then reads the text again and
/// either accepts it or names the place and the reason of the error, as for every input.
std::optional<Fields> fast_fields_of(std::string_view json_text) {
    thread_local simdjson::dom::parser parser;
    simdjson::dom::object object;
    if (parser.parse(json_text.data(), json_text.size()).get_object().get(object) != simdjson::SUCCESS) return std::nullopt;
    Fields fields;
    bool has_text = false;
    for (const simdjson::dom::key_value_pair member : object) {
        const auto known = std::find(field_names.begin(), field_names.end(), member.key);
        if (known == field_names.end()) continue;
        const auto f = static_cast<std::size_t>(known - field_names.begin());
        if (f == field::text) has_text = true;
        // A repeated key counts with its last value, as nlohmann reads it.
        if (member.value.is_null()) {
            fields[f].clear();
            continue;
        }
        std::string_view value;
        if (member.value.get_string().get(value) != simdjson::SUCCESS) return std::nullopt;
        fields[f].assign(value);
    }
    if (!has_text) return std::nullopt;
    return fields;
}

void read_metadata(const Fields& fields, ArticleDraft& draft) {
    const auto replace = [&](std::size_t f, std::string& target) {
        if (std::string value = collapse_whitespace(fields[f]); !value.empty()) target = std::move(value);
    };
    Article& article = draft.article;
    replace(field::id, article.id);
    replace(field::title, article.title);
    replace(field::published, draft.published);
    replace(field::outlet, article.outlet);
    replace(field::author, article.author);
    replace(field::url, article.url);
    replace(field::language, article.language);
}

}  // namespace

void apply_sidecar(ArticleDraft& draft, std::string_view json_text, const SourceLocation& sidecar) {
    read_metadata(fields_of(parse_object(json_text, sidecar), sidecar), draft);
}

ArticleDraft parse_json_article(std::string_view json_text, const SourceLocation& where) {
    std::optional<Fields> fields = fast_fields_of(json_text);
    if (!fields) {
        const json object = parse_object(json_text, where);
        if (!object.contains("text")) throw InputError(where, "no \"text\" field: an article object needs its text");
        fields = fields_of(object, where);
    }
    ArticleDraft draft;
    read_metadata(*fields, draft);
    compose_text(draft.article, {std::move((*fields)[field::text])});
    return draft;
}

}  // namespace frontline::ingest::detail
