#include "ingest/article.hpp"

namespace frontline {

const char* to_string(Boilerplate kind) noexcept {
    switch (kind) {
    case Boilerplate::none: return "none";
    case Boilerplate::byline: return "byline";
    case Boilerplate::caption: return "caption";
    case Boilerplate::teaser: return "teaser";
    case Boilerplate::related_link: return "related_link";
    case Boilerplate::timestamp: return "timestamp";
    }
    return "unknown";
}

}  // namespace frontline
