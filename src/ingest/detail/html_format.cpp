#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdlib>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <utility>
#include <vector>

#include "ingest/detail/formats.hpp"
#include "ingest/detail/text.hpp"

namespace frontline::ingest::detail {

namespace {

/// Owns every block gumbo allocates while parsing and frees what is left in one sweep: gumbo's own
/// gumbo_destroy_output recurses down the tree and overflows the stack on pages nested a few
/// hundred thousand elements deep.
class GumboArena {
public:
    GumboArena() = default;
    GumboArena(const GumboArena&) = delete;
    GumboArena& operator=(const GumboArena&) = delete;
    ~GumboArena() {
        while (newest_ != nullptr) std::free(std::exchange(newest_, newest_->older));
    }

    /// Parses `html` into a tree that lives as long as the arena.
    const GumboOutput& parse(std::string_view html) {
        GumboOptions options = kGumboDefaultOptions;
        options.allocator = &allocate;
        options.deallocator = &deallocate;
        options.userdata = this;
        options.max_errors = 0;  // parse errors are of no use here, and garbage would record one per byte
        return *gumbo_parse_with_options(&options, html.data(), html.size());
    }

private:
    struct alignas(std::max_align_t) Block {
        Block* older;
        Block* newer;
    };

    static void* allocate(void* userdata, std::size_t size) {
        auto& arena = *static_cast<GumboArena*>(userdata);
        auto* block = static_cast<Block*>(std::malloc(sizeof(Block) + size));
        if (block == nullptr) return nullptr;
        *block = {arena.newest_, nullptr};
        if (arena.newest_ != nullptr) arena.newest_->newer = block;
        arena.newest_ = block;
        return block + 1;
    }

    static void deallocate(void* userdata, void* pointer) {
        if (pointer == nullptr) return;
        auto& arena = *static_cast<GumboArena*>(userdata);
        Block* block = static_cast<Block*>(pointer) - 1;
        if (block->newer != nullptr) block->newer->older = block->older;
        if (block->older != nullptr) block->older->newer = block->newer;
        if (arena.newest_ == block) arena.newest_ = block->older;
        std::free(block);
    }

    Block* newest_ = nullptr;
};

bool is_element(const GumboNode& node) { return node.type == GUMBO_NODE_ELEMENT || node.type == GUMBO_NODE_TEMPLATE; }

bool is_text(const GumboNode& node) {
    return node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE || node.type == GUMBO_NODE_CDATA;
}

GumboTag tag_of(const GumboNode& node) { return is_element(node) ? node.v.element.tag : GUMBO_TAG_UNKNOWN; }

std::string_view attribute(const GumboNode& node, const char* name) {
    if (!is_element(node)) return {};
    const GumboAttribute* found = gumbo_get_attribute(&node.v.element.attributes, name);
    return found == nullptr ? std::string_view() : std::string_view(found->value);
}

std::string ascii_lower(std::string_view text) {
    std::string lower(text);
    std::ranges::transform(lower, lower.begin(),
                           [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return lower;
}

/// Visits `root` and its descendants in document order. `enter(node)` says whether to go into the
/// node's children; `leave(node)` follows them. Iterative, because scraped pages can nest
/// deeper than the call stack allows.
template <class Enter, class Leave>
void walk(const GumboNode& root, Enter&& enter, Leave&& leave) {
    struct Step {
        const GumboNode* node;
        bool leaving;
    };
    std::vector<Step> steps{{&root, false}};
    while (!steps.empty()) {
        const Step step = steps.back();
        steps.pop_back();
        if (step.leaving) {
            leave(*step.node);
            continue;
        }
        if (!enter(*step.node)) continue;
        steps.push_back({step.node, true});
        const GumboVector& children =
            step.node->type == GUMBO_NODE_DOCUMENT ? step.node->v.document.children : step.node->v.element.children;
        for (unsigned index = children.length; index-- > 0;)
            steps.push_back({static_cast<const GumboNode*>(children.data[index]), false});
    }
}

std::string text_content(const GumboNode& node) {
    std::string text;
    walk(
        node,
        [&](const GumboNode& inner) {
            if (is_text(inner)) text += inner.v.text.text;
            return is_element(inner);
        },
        [](const GumboNode&) {});
    return text;
}

/// Elements whose text is never article text.
bool is_excluded(GumboTag tag) {
    constexpr std::array excluded{GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,    GUMBO_TAG_NAV,
                                  GUMBO_TAG_HEADER, GUMBO_TAG_FOOTER,   GUMBO_TAG_ASIDE,
                                  GUMBO_TAG_FORM,   GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE};
    return std::ranges::find(excluded, tag) != excluded.end();
}

/// Elements whose text makes one paragraph.
bool is_block(GumboTag tag) {
    constexpr std::array blocks{GUMBO_TAG_P,  GUMBO_TAG_H1, GUMBO_TAG_H2,
                                GUMBO_TAG_H3, GUMBO_TAG_LI, GUMBO_TAG_BLOCKQUOTE};
    return std::ranges::find(blocks, tag) != blocks.end();
}

/// The paragraphs of `root` in document order, whitespace collapsed. A block nested in another
/// (a <p> in a <blockquote>) ends the text before it and starts its own paragraph.
std::vector<std::string> text_blocks(const GumboNode& root) {
    std::vector<std::string> blocks;
    std::string current;
    int open_blocks = 0;
    const auto flush = [&] {
        if (std::string block = collapse_whitespace(current); !block.empty()) blocks.push_back(std::move(block));
        current.clear();
    };
    walk(
        root,
        [&](const GumboNode& node) {
            if (is_text(node)) {
                if (open_blocks > 0) current += node.v.text.text;
                return false;
            }
            if (!is_element(node) || is_excluded(node.v.element.tag)) return false;
            if (node.v.element.tag == GUMBO_TAG_BR) current += ' ';
            if (is_block(node.v.element.tag)) {
                flush();
                ++open_blocks;
            }
            return true;
        },
        [&](const GumboNode& node) {
            if (!is_block(tag_of(node))) return;
            flush();
            --open_blocks;
        });
    return blocks;
}

/// `datePublished` of a JSON-LD block: a top-level object, an array of them, or an `@graph`.
std::string json_ld_date_published(std::string_view script) {
    const auto data = nlohmann::json::parse(script, nullptr, /*allow_exceptions=*/false);
    std::vector<const nlohmann::json*> candidates{&data};
    const auto add_items = [&](const nlohmann::json& list) {
        if (list.is_array())
            for (const auto& item : list) candidates.push_back(&item);
    };
    add_items(data);
    if (data.is_object() && data.contains("@graph")) add_items(data["@graph"]);
    for (const nlohmann::json* candidate : candidates) {
        if (!candidate->is_object()) continue;
        const auto found = candidate->find("datePublished");
        if (found != candidate->end() && found->is_string()) return found->get<std::string>();
    }
    return {};
}

/// What one pass over the page finds besides the text.
struct PageOutline {
    std::map<std::string, std::string> meta;  ///< lower-cased property/name/itemprop -> content; first wins
    std::string title;
    std::string canonical_url;
    std::string json_ld_published;
    const GumboNode* body = nullptr;
    const GumboNode* main = nullptr;
    std::vector<const GumboNode*> articles;  ///< outside navigation, asides and the like
};

PageOutline outline(const GumboNode& document) {
    PageOutline page;
    walk(
        document,
        [&](const GumboNode& node) {
            if (!is_element(node) && node.type != GUMBO_NODE_DOCUMENT) return false;
            switch (tag_of(node)) {
            case GUMBO_TAG_META:
                for (const char* key : {"property", "name", "itemprop"}) {
                    if (const auto name = attribute(node, key); !name.empty())
                        page.meta.try_emplace(ascii_lower(name), attribute(node, "content"));
                }
                break;
            case GUMBO_TAG_TITLE:
                if (page.title.empty()) page.title = text_content(node);
                return false;
            case GUMBO_TAG_LINK:
                if (ascii_lower(attribute(node, "rel")) == "canonical" && page.canonical_url.empty())
                    page.canonical_url = attribute(node, "href");
                break;
            case GUMBO_TAG_SCRIPT:
                if (ascii_lower(attribute(node, "type")) == "application/ld+json" && page.json_ld_published.empty())
                    page.json_ld_published = json_ld_date_published(text_content(node));
                return false;
            case GUMBO_TAG_BODY: page.body = &node; break;
            case GUMBO_TAG_MAIN:
                if (page.main == nullptr) page.main = &node;
                break;
            case GUMBO_TAG_ARTICLE: page.articles.push_back(&node); break;
            default: break;
            }
            return !is_excluded(tag_of(node));
        },
        [](const GumboNode&) {});
    return page;
}

std::size_t total_size(const std::vector<std::string>& blocks) {
    return std::accumulate(blocks.begin(), blocks.end(), std::size_t{0},
                           [](std::size_t sum, const std::string& block) { return sum + block.size(); });
}

/// The text of the largest <article>, else of <main>, else of the whole body: pages put teasers
/// for other stories in <article>s of their own.
std::vector<std::string> main_text(const PageOutline& page, const GumboNode& root) {
    std::vector<std::string> best;
    for (const GumboNode* article : page.articles) {
        if (auto blocks = text_blocks(*article); total_size(blocks) > total_size(best)) best = std::move(blocks);
    }
    if (best.empty() && page.main != nullptr) best = text_blocks(*page.main);
    if (best.empty()) best = text_blocks(page.body != nullptr ? *page.body : root);
    return best;
}

/// The first of `keys` that `meta` has with a non-blank value.
std::string first_meta(const PageOutline& page, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        if (const auto found = page.meta.find(key); found != page.meta.end() && !trim(found->second).empty())
            return found->second;
    }
    return {};
}

std::string page_language(const PageOutline& page, const GumboNode& root) {
    if (const auto lang = trim(attribute(root, "lang")); !lang.empty()) return std::string(lang);
    std::string locale = first_meta(page, {"og:locale"});  // "en_GB" in Open Graph, "en-GB" in BCP 47
    std::ranges::replace(locale, '_', '-');
    return locale;
}

}  // namespace

ArticleDraft parse_html_article(std::string_view html) {
    GumboArena arena;
    const GumboOutput& output = arena.parse(html);
    const GumboNode& root = *output.root;
    const PageOutline page = outline(*output.document);

    ArticleDraft draft;
    Article& article = draft.article;
    article.title = first_meta(page, {"og:title"});
    if (article.title.empty()) article.title = page.title;
    article.outlet = collapse_whitespace(first_meta(page, {"og:site_name"}));
    article.author = collapse_whitespace(first_meta(page, {"author"}));
    article.url = trim(first_meta(page, {"og:url"}));
    if (article.url.empty()) article.url = trim(page.canonical_url);
    article.language = page_language(page, root);
    draft.published = first_meta(page, {"article:published_time", "datepublished"});
    if (draft.published.empty()) draft.published = page.json_ld_published;
    if (draft.published.empty()) draft.published = first_meta(page, {"date", "pubdate", "dc.date", "dc.date.issued"});
    compose_text(article, main_text(page, root));
    return draft;
}

}  // namespace frontline::ingest::detail
