#include "eval/gold.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>

#include "common/error.hpp"
#include "eval/detail/actor_id.hpp"
#include "events/taxonomy.hpp"

namespace frontline {

bool ActorSet::accepts(std::string_view actor) const {
    const std::string id = eval::detail::normalize_actor_id(actor);
    return id.empty() ? accepts_absent : ids.contains(id);
}

namespace {

using nlohmann::json;

/// Where in the gold file a value sits, for error messages: the file and the event id (or
/// `forbidden[N]`, `control[N]`), plus the field being read.
struct Context {
    const std::string& file;
    std::string item;

    [[noreturn]] void fail(const std::string& field, const std::string& message) const {
        const std::string what = field.empty() ? message : "'" + field + "' " + message;
        throw InputError(item.empty() ? SourceLocation(file) : SourceLocation::at_feature(file, item), what);
    }
};

/// The value of `key`, or nullptr when it is absent or `null` (the Python scorer treats both as
/// "not given").
const json* given(const json& object, const char* key) {
    const auto found = object.find(key);
    return found == object.end() || found->is_null() ? nullptr : &*found;
}

std::string read_string(const json& value, const Context& at, const std::string& field) {
    if (!value.is_string()) at.fail(field, "must be a string");
    return value.get<std::string>();
}

std::string optional_string(const json& object, const char* key, const Context& at) {
    const json* value = given(object, key);
    return value ? read_string(*value, at, key) : std::string();
}

double read_number(const json& object, const char* key, const Context& at) {
    const json* value = given(object, key);
    if (!value || !value->is_number()) at.fail(key, "must be a number");
    const double number = value->get<double>();
    if (!std::isfinite(number)) at.fail(key, "must be finite");
    return number;
}

Date read_date(const json& value, const Context& at, const std::string& field) {
    const std::optional<Date> date = Date::parse_iso(read_string(value, at, field));
    if (!date) at.fail(field, "must be a date, YYYY-MM-DD");
    return *date;
}

std::optional<Date> optional_date(const json& object, const char* key, const Context& at) {
    const json* value = given(object, key);
    return value ? std::optional<Date>(read_date(*value, at, key)) : std::nullopt;
}

Tier read_tier(const json& value, const Context& at) {
    const std::string name = read_string(value, at, "tier");
    if (name == "physical") return Tier::physical;
    if (name == "statement") return Tier::statement;
    at.fail("tier", "must be \"physical\" or \"statement\", not \"" + name + "\"");
}

/// A string or a non-empty list of strings, each a code of taxonomy.md.
std::vector<std::string> read_event_types(const json& value, const Context& at) {
    std::vector<std::string> types;
    if (value.is_array()) {
        for (const json& item : value) types.push_back(read_string(item, at, "event_type"));
    } else {
        types.push_back(read_string(value, at, "event_type"));
    }
    if (types.empty()) at.fail("event_type", "must name at least one event type");
    for (const std::string& type : types)
        if (!find_event_type(type)) at.fail("event_type", "\"" + type + "\" is not an event type of taxonomy.md");
    return types;
}

/// A string, or a list of strings and nulls.
ActorSet read_actors(const json& value, const Context& at, const char* field) {
    ActorSet actors;
    const auto add = [&](const json& item) {
        if (item.is_null()) {
            actors.accepts_absent = true;
            return;
        }
        std::string id = eval::detail::normalize_actor_id(read_string(item, at, field));
        if (id.empty()) {
            actors.accepts_absent = true;
        } else {
            actors.ids.insert(std::move(id));
        }
    };
    if (value.is_array()) {
        for (const json& item : value) add(item);
    } else {
        add(value);
    }
    return actors;
}

std::optional<ActorSet> optional_actors(const json& object, const char* key, const Context& at) {
    const json* value = given(object, key);
    return value ? std::optional<ActorSet>(read_actors(*value, at, key)) : std::nullopt;
}

std::optional<GoldWhere> optional_where(const json& object, const Context& at) {
    const json* where = given(object, "where");
    if (!where) return std::nullopt;
    if (!where->is_object()) at.fail("where", "must be {\"lat\", \"lon\", \"km\"} or {\"country\"}");
    if (const json* country = given(*where, "country")) return InCountry{read_string(*country, at, "where.country")};
    const double lat = read_number(*where, "lat", at);
    const double lon = read_number(*where, "lon", at);
    const double km = read_number(*where, "km", at);
    if (km < 0.0) at.fail("where.km", "must not be negative");
    try {
        return WithinKm{LonLat(lon, lat), km};
    } catch (const GeoError& e) {
        at.fail("where", e.what());
    }
}

GoldEvent read_event(const json& row, const std::string& file, std::size_t index) {
    Context at{file, "events[" + std::to_string(index) + "]"};
    if (!row.is_object()) at.fail("", "must be an object");
    GoldEvent event;
    const json* id = given(row, "id");
    if (!id) at.fail("id", "is missing");
    event.id = read_string(*id, at, "id");
    at.item = event.id;

    if (const json* tier = given(row, "tier")) event.tier = read_tier(*tier, at);
    if (const json* required = given(row, "required")) {
        if (!required->is_boolean()) at.fail("required", "must be true or false");
        event.required = required->get<bool>();
    }
    const json* types = given(row, "event_type");
    if (!types) at.fail("event_type", "is missing");
    event.event_types = read_event_types(*types, at);
    for (const std::string& type : event.event_types)
        if (find_event_type(type)->tier != event.tier)
            at.fail("event_type", "\"" + type + "\" is no " + to_string(event.tier) + " event (taxonomy.md)");

    event.actor1 = optional_actors(row, "actor1", at);
    event.actor2 = optional_actors(row, "actor2", at);
    event.where = optional_where(row, at);
    event.date = optional_date(row, "date", at);
    if (const json* tolerance = given(row, "date_tolerance_days")) {
        if (!tolerance->is_number_integer() || tolerance->get<long long>() < 0 ||
            tolerance->get<long long>() > std::numeric_limits<int>::max())
            at.fail("date_tolerance_days", "must be a whole number of days, 0 or more");
        event.date_tolerance_days = tolerance->get<int>();
    }
    if (const json* magnitude = given(row, "magnitude")) {
        if (!magnitude->is_object()) at.fail("magnitude", "must be {\"value\", \"tolerance\"}");
        event.magnitude = GoldMagnitude{read_number(*magnitude, "value", at), read_number(*magnitude, "tolerance", at)};
    }
    if (const json* certainty = given(row, "certainty")) {
        if (!certainty->is_array()) at.fail("certainty", "must be a list");
        for (const json& name : *certainty) {
            const std::string text = read_string(name, at, "certainty");
            try {
                event.certainty.push_back(certainty_from_string(text));
            } catch (const Error& e) {
                at.fail("certainty", e.what());
            }
        }
    }
    event.source = optional_string(row, "source", at);
    event.evidence = optional_string(row, "evidence", at);
    return event;
}

ForbiddenRule read_forbidden(const json& row, const std::string& file, std::size_t index) {
    const Context at{file, "forbidden[" + std::to_string(index) + "]"};
    if (!row.is_object()) at.fail("", "must be an object");
    ForbiddenRule rule;
    if (const json* tier = given(row, "tier")) rule.tier = read_tier(*tier, at);
    if (const json* types = given(row, "event_type")) rule.event_types = read_event_types(*types, at);
    rule.actor1 = optional_actors(row, "actor1", at);
    rule.actor2 = optional_actors(row, "actor2", at);
    rule.date_after = optional_date(row, "date_after", at);
    rule.date_before = optional_date(row, "date_before", at);
    rule.where = optional_where(row, at);
    rule.why = optional_string(row, "why", at);
    return rule;
}

ControlExpectation read_control(const json& row, const std::string& file, std::size_t index) {
    const Context at{file, "control[" + std::to_string(index) + "]"};
    if (!row.is_object()) at.fail("", "must be an object");
    ControlExpectation control;
    control.place = optional_string(row, "place", at);
    control.holder = optional_string(row, "holder", at);
    control.at = optional_string(row, "at", at);
    if (control.place.empty() || control.holder.empty()) at.fail("", "needs a 'place' and a 'holder'");
    if (!Date::parse_iso(control.at)) at.fail("at", "must be an ISO 8601 date or instant");
    control.share = read_number(row, "share", at);
    control.tolerance = read_number(row, "tolerance", at);
    if (control.share < 0.0 || control.share > 1.0) at.fail("share", "must lie between 0 and 1");
    control.why = optional_string(row, "why", at);
    return control;
}

/// The rows of an optional list field, read one by one with their index.
template <class Read>
auto read_rows(const json& document, const char* key, const std::string& file, Read read) {
    std::vector<decltype(read(document, file, std::size_t{}))> rows;
    const json* list = given(document, key);
    if (!list) return rows;
    if (!list->is_array()) Context{file, {}}.fail(key, "must be a list");
    for (std::size_t i = 0; i < list->size(); ++i) rows.push_back(read((*list)[i], file, i));
    return rows;
}

std::string stem_of(const std::filesystem::path& path) {
    std::string name = path.filename().string();
    constexpr std::string_view suffix = ".gold.json";
    if (name.size() > suffix.size() && name.ends_with(suffix)) name.resize(name.size() - suffix.size());
    return name;
}

}  // namespace

Gold load_gold(const std::filesystem::path& path) {
    const std::string file = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(SourceLocation(file), "cannot open the gold file");
    json document;
    try {
        document = json::parse(in);
    } catch (const json::parse_error& e) {
        throw InputError(SourceLocation::at_byte(file, e.byte), std::string("not valid JSON: ") + e.what());
    }
    const Context at{file, {}};
    if (!document.is_object()) at.fail("", "must hold a JSON object");
    if (!given(document, "events")) at.fail("events", "is missing");

    Gold gold;
    gold.article = optional_string(document, "article", at);
    if (gold.article.empty()) gold.article = stem_of(path);
    gold.published = optional_date(document, "published", at);
    gold.events = read_rows(document, "events", file, read_event);
    gold.forbidden = read_rows(document, "forbidden", file, read_forbidden);
    gold.control = read_rows(document, "control", file, read_control);

    std::set<std::string> ids;
    for (const GoldEvent& event : gold.events)
        if (!ids.insert(event.id).second) Context{file, event.id}.fail("id", "is used twice");
    return gold;
}

}  // namespace frontline
