#include "ingest/reader.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <iterator>
#include <string_view>
#include <system_error>

#include "common/error.hpp"
#include "ingest/boilerplate.hpp"
#include "ingest/detail/formats.hpp"
#include "ingest/detail/text.hpp"
#include "ingest/detail/utf8.hpp"

namespace frontline {

namespace {

namespace fs = std::filesystem;
using ingest::detail::ArticleDraft;

enum class Format { txt, json, ndjson, html };

std::string ascii_lower(std::string text) {
    std::ranges::transform(text, text.begin(),
                           [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return text;
}

std::optional<Format> format_of(const fs::path& path) {
    const std::string extension = ascii_lower(path.extension().string());
    if (extension == ".txt") return Format::txt;
    if (extension == ".json") return Format::json;
    if (extension == ".ndjson" || extension == ".jsonl") return Format::ndjson;
    if (extension == ".html" || extension == ".htm") return Format::html;
    return std::nullopt;
}

/// STEM.meta.json and STEM.gold.json describe the article STEM.txt beside them.
bool is_sidecar(const fs::path& path) {
    const std::string name = ascii_lower(path.filename().string());
    return name.ends_with(".meta.json") || name.ends_with(".gold.json");
}

fs::path sidecar_of(const fs::path& article) {
    return article.parent_path() / (article.stem().string() + ".meta.json");
}

std::string at(const SourceLocation& where, std::string_view message) {
    return where.str() + ": " + std::string(message);
}

std::string cannot_read(const std::string& reason) { return "cannot read: " + reason; }

std::string too_large(std::size_t size, std::size_t limit) {
    return "too large: " + std::to_string(size) + " bytes, over the limit of " + std::to_string(limit) +
           " bytes for one article";
}

/// The bytes of `path`, at most `limit` of them.
/// @throws InputError when the file cannot be read or is larger than `limit`.
std::string load(const fs::path& path, std::size_t limit) {
    const SourceLocation where(path.string());
    std::error_code error;
    const std::uintmax_t size = fs::file_size(path, error);
    if (error) throw InputError(where, cannot_read(error.message()));
    if (size > limit) throw InputError(where, too_large(static_cast<std::size_t>(size), limit));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(where, cannot_read(std::strerror(errno)));
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (in.bad()) throw InputError(where, cannot_read("input/output error"));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

Date today() {
    return Date(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

/// The letters of a word of at most eight, one per byte: a whole word compared in one go.
constexpr std::uint64_t packed_word(std::string_view word) {
    std::uint64_t key = 0;
    for (const char c : word) key = key << 8 | static_cast<unsigned char>(c);
    return key;
}

/// Whether `text` is long enough to judge (40 words) and reads as something other than English: fewer than one
/// word in twenty is a common English function word. English news runs at a third or more, so
/// only another language (or another script, whose words never match) falls under the bar. One
/// linear pass over ASCII letters: cheap enough for every article, unlike a language model.
bool reads_as_another_language(std::string_view text) {
    // Packed words in an open-addressed table: every word of every article is asked (a list
    // compared word by word cost 3 % of extraction, a binary search over sorted keys still 2 %).
    static constexpr std::size_t table_size = 128;  // a power of two, under a third full
    static constexpr auto slot_of = [](std::uint64_t key) {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 57) & (table_size - 1);
    };
    static constexpr auto function_words = [] {
        constexpr std::string_view words[] = {
            "a",    "an",   "and",  "are",  "as",   "at",  "be",    "by",  "for",  "from", "had",  "has",
            "have", "he",   "in",   "is",   "it",   "its", "not",   "of",  "on",   "or",   "said", "she",
            "that", "the",  "their", "they", "this", "to",  "was",  "were", "which", "who", "will", "with"};
        std::array<std::uint64_t, table_size> table{};  // 0 marks a free slot: no word packs to 0
        for (const std::string_view word : words) {
            const std::uint64_t key = packed_word(word);
            std::size_t slot = slot_of(key);
            while (table[slot] != 0) slot = (slot + 1) & (table_size - 1);
            table[slot] = key;
        }
        return table;
    }();
    static constexpr auto is_function_word = [](std::uint64_t key) {
        for (std::size_t slot = slot_of(key);; slot = (slot + 1) & (table_size - 1)) {
            if (function_words[slot] == key) return true;
            if (function_words[slot] == 0) return false;
        }
    };
    // What each byte adds to a word: its lower-case letter, '#' for a byte of another script or
    // an accented letter (which makes the word no function word), 0 for a byte between words.
    static constexpr auto letter_of = [] {
        std::array<unsigned char, 256> letters{};
        for (unsigned c = 'a'; c <= 'z'; ++c) letters[c] = static_cast<unsigned char>(c);
        for (unsigned c = 'A'; c <= 'Z'; ++c) letters[c] = static_cast<unsigned char>(c - 'A' + 'a');
        for (unsigned c = 0x80; c < 256; ++c) letters[c] = '#';
        return letters;
    }();
    constexpr std::size_t longest = 5;  // "their", "which"
    constexpr std::size_t min_words = 40;
    std::size_t words = 0, common = 0;
    // Only a word's first six letters are kept (no function word is longer than five), so no
    // word of the article is copied into a string of its own.
    std::uint64_t key = 0;
    std::size_t length = 0;
    const auto end_word = [&] {
        if (length == 0) return;
        ++words;
        if (length <= longest && is_function_word(key)) ++common;
        length = 0;
        key = 0;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char letter = letter_of[static_cast<unsigned char>(text[i])];
        if (letter != 0) {
            if (length <= longest) key = key << 8 | letter;
            ++length;
            continue;
        }
        if (length == 0) continue;
        end_word();
        // Decided once no rest of the text could bring the share under the bar: the bytes after
        // this one hold at most one word in two. English text is decided a third of the way in.
        const std::size_t most_words_left = (text.size() - i) / 2;
        if (common * 20 >= words + most_words_left) return false;
    }
    end_word();
    return words >= min_words && common * 20 < words;
}

/// Every article file under `folder`, recursively; folders that cannot be listed go to `skipped`.
void collect_articles(const fs::path& folder, std::vector<fs::path>& files, std::vector<std::string>& skipped) {
    std::error_code error;
    for (fs::directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error)) {
        std::error_code ignored;  // an entry that vanished or cannot be examined is simply not an article
        const fs::file_status status = entry->symlink_status(ignored);
        if (fs::is_directory(status)) {
            collect_articles(entry->path(), files, skipped);
        } else if (entry->is_regular_file(ignored) && format_of(entry->path()) && !is_sidecar(entry->path())) {
            files.push_back(entry->path());
        }
    }
    if (error) skipped.push_back(at(SourceLocation(folder.string()), cannot_read(error.message())));
}

/// One call of `read_articles`: the options, where articles go and what to tell the user.
class Reader {
public:
    Reader(const IngestOptions& options, const ArticleHandler& handler, IngestReport& report)
        : options_(options), handler_(handler), report_(report) {}

    void read_folder(const fs::path& folder) {
        std::vector<fs::path> files;
        collect_articles(folder, files, report_.skipped);
        std::ranges::sort(files);
        for (const fs::path& file : files) read_file(file);
    }

    void read_file(const fs::path& path) {
        const auto format = format_of(path);
        if (!format) {
            skip(at(SourceLocation(path.string()),
                    "unknown format: expected .txt, .json, .ndjson, .jsonl, .html or .htm"));
        } else if (*format == Format::ndjson) {
            std::ifstream in(path, std::ios::binary);
            if (in) {
                read_ndjson(in, path.string(), path.stem().string());
            } else {
                skip(at(SourceLocation(path.string()), cannot_read(std::strerror(errno))));
            }
        } else {
            std::optional<Article> article;
            try {
                article = parse_file(path, *format);
            } catch (const InputError& error) {
                skip(error.what());
                return;
            }
            deliver(std::move(*article));
        }
    }

    /// One article per line; `id_prefix` + "-LINE" names those without an id.
    void read_ndjson(std::istream& in, const std::string& name, const std::string& id_prefix) {
        std::string line;
        std::size_t line_offset = 0;
        for (std::size_t number = 1; std::getline(in, line); ++number, line_offset += line.size() + 1) {
            if (ingest::detail::trim(line).empty()) continue;
            const SourceLocation where(name, number);
            std::optional<Article> article;
            try {
                if (line.size() > options_.max_article_bytes)
                    throw InputError(where, too_large(line.size(), options_.max_article_bytes));
                ArticleDraft draft = ingest::detail::parse_json_article(decode(line, name, line_offset), where);
                article = finish(std::move(draft), where, id_prefix + "-" + std::to_string(number));
            } catch (const InputError& error) {
                skip(error.what());
                continue;
            }
            deliver(std::move(*article));
        }
        if (in.bad()) skip(at(SourceLocation::at_byte(name, line_offset), cannot_read("input/output error")));
    }

    void skip(std::string message) { report_.skipped.push_back(std::move(message)); }

private:
    Article parse_file(const fs::path& path, Format format) {
        const SourceLocation where(path.string());
        std::string text = decode(load(path, options_.max_article_bytes), where.file, 0);
        ArticleDraft draft;
        std::error_code unused_error;  // a sidecar that cannot be looked at counts as absent
        switch (format) {
        case Format::txt:
            draft = ingest::detail::parse_txt_article(std::move(text));
            if (const fs::path sidecar = sidecar_of(path); fs::exists(sidecar, unused_error)) {
                const std::string name = sidecar.string();
                const std::string json = decode(load(sidecar, options_.max_article_bytes), name, 0);
                ingest::detail::apply_sidecar(draft, json, SourceLocation(name));
            }
            break;
        case Format::json: draft = ingest::detail::parse_json_article(text, where); break;
        case Format::html: draft = ingest::detail::parse_html_article(text); break;
        case Format::ndjson: break;  // never here: read_ndjson streams them
        }
        return finish(std::move(draft), where, path.stem().string());
    }

    /// `bytes` (found at `offset` in `file`) as valid UTF-8 without a byte order mark.
    /// @throws InputError for a NUL byte: no article text has one, binary files do.
    std::string decode(std::string_view bytes, const std::string& file, std::size_t offset) {
        constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
        if (offset == 0 && bytes.starts_with(byte_order_mark)) {
            bytes.remove_prefix(byte_order_mark.size());
            offset = byte_order_mark.size();
        }
        if (const auto nul = bytes.find('\0'); nul != std::string_view::npos)
            throw InputError(SourceLocation::at_byte(file, offset + nul), "NUL byte: binary data, not an article");
        auto repaired = ingest::detail::repair_utf8(bytes);
        if (repaired.replaced > 0) {
            warn(SourceLocation::at_byte(file, offset + repaired.first_invalid),
                 "invalid UTF-8 replaced with U+FFFD (" + std::to_string(repaired.replaced) +
                     (repaired.replaced == 1 ? " sequence)" : " sequences)"));
        }
        return std::move(repaired.text);
    }

    /// The checks every format shares.
    /// @throws InputError for an article without body text.
    Article finish(ArticleDraft draft, const SourceLocation& where, std::string fallback_id) {
        Article article = std::move(draft.article);
        if (article.paragraphs.size() < 2) throw InputError(where, "empty article");
        // The lexicon and the extraction rules are English: another language yields no events
        // at best and false ones at worst, so such an article is skipped, not read.
        if (!article.language.empty() && !ascii_lower(article.language).starts_with("en"))
            throw InputError(where, "language \"" + article.language + "\" is not English; skipped");
        if (reads_as_another_language(article.text))
            throw InputError(where, "not English (too few common English words); skipped");
        if (article.id.empty()) article.id = std::move(fallback_id);
        article.source = where.str();
        if (options_.published_override) {
            article.published = options_.published_override;
        } else if (draft.published.empty()) {
            warn(where,
                 "no publication date, so relative dates (\"on Friday\") stay unresolved; give "
                 "\"published\" in the metadata or --published");
        } else {
            article.published = Date::parse_iso(ingest::detail::trim(draft.published));
            if (!article.published) {
                warn(where, "published \"" + draft.published + "\" is not an ISO 8601 date; ignored");
            } else if (*article.published > today().plus_days(1)) {
                // A scraper's placeholder or a wrong field: relative dates counted from it would
                // put events in the future, so they are left unresolved instead.
                warn(where, "published " + article.published->iso() + " is in the future; ignored");
                article.published.reset();
            }
        }
        flag_boilerplate(article);
        return article;
    }

    void warn(const SourceLocation& where, std::string_view message) { report_.warnings.push_back(at(where, message)); }

    void deliver(Article&& article) {
        handler_(std::move(article));
        ++report_.articles_read;
    }

    const IngestOptions& options_;
    const ArticleHandler& handler_;
    IngestReport& report_;
};

}  // namespace

void read_articles(const std::string& input, const IngestOptions& options, const ArticleHandler& handler,
                   IngestReport& report, std::istream& stdin_stream) {
    Reader reader(options, handler, report);
    if (input == "-") {
        reader.read_ndjson(stdin_stream, "<stdin>", "stdin");
        return;
    }
    std::error_code error;
    const fs::file_status status = fs::status(input, error);
    if (error) {
        reader.skip(at(SourceLocation(input), cannot_read(error.message())));
    } else if (fs::is_directory(status)) {
        reader.read_folder(input);
    } else if (is_sidecar(input)) {
        // Named by a shell glob such as dev/2014-10-*: it is read with the article it describes.
    } else {
        reader.read_file(input);
    }
}

}  // namespace frontline
