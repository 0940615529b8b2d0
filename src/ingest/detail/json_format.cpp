#include <algorithm>
#include <nlohmann/json.hpp>
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

void read_metadata(const json& object, const SourceLocation& where, ArticleDraft& draft) {
    const auto replace = [&](const std::string& name, std::string& field) {
        if (std::string value = collapse_whitespace(string_field(object, name, where)); !value.empty())
            field = std::move(value);
    };
    Article& article = draft.article;
    replace("id", article.id);
    replace("title", article.title);
    replace("published", draft.published);
    replace("outlet", article.outlet);
    replace("author", article.author);
    replace("url", article.url);
    replace("language", article.language);
}

}  // namespace

void apply_sidecar(ArticleDraft& draft, std::string_view json_text, const SourceLocation& sidecar) {
    read_metadata(parse_object(json_text, sidecar), sidecar, draft);
}

ArticleDraft parse_json_article(std::string_view json_text, const SourceLocation& where) {
    const json object = parse_object(json_text, where);
    if (!object.contains("text")) throw InputError(where, "no \"text\" field: an article object needs its text");
    ArticleDraft draft;
    read_metadata(object, where, draft);
    compose_text(draft.article, {string_field(object, "text", where)});
    return draft;
}

}  // namespace frontline::ingest::detail
