#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace frontline {

/// A map keyed by a word's hash (Token::folded_hash), open-addressed and at most half full. The
/// key is a hash already, so its low bits pick the slot: std::unordered_map divided it by a prime
/// bucket count and followed a node pointer on every lookup (profiled: a third of
/// PhraseIndex::matches_at, which runs for most tokens of every sentence). Values are kept in the
/// order their keys were first inserted.
template <class Value>
class WordHashMap {
public:
    /// The value for `hash`, default-constructed if it is new. The reference is valid until the
    /// next insertion.
    Value& operator[](std::size_t hash) {
        if (2 * (values_.size() + 1) > slots_.size()) grow();
        Slot& slot = slots_[probe(hash)];
        if (slot.value == 0) {
            keys_.push_back(hash);
            values_.emplace_back();
            slot = Slot{hash, static_cast<std::uint32_t>(values_.size())};
        }
        return values_[slot.value - 1];
    }

    /// The value for `hash`, or nullptr.
    [[nodiscard]] const Value* find(std::size_t hash) const noexcept {
        if (slots_.empty()) return nullptr;
        const Slot& slot = slots_[probe(hash)];
        return slot.value == 0 ? nullptr : &values_[slot.value - 1];
    }

    void clear() noexcept {
        slots_.clear();
        keys_.clear();
        values_.clear();
    }

    [[nodiscard]] std::size_t size() const noexcept { return values_.size(); }
    /// The `i`-th key in the order of first insertion.
    [[nodiscard]] std::size_t key(std::size_t i) const noexcept { return keys_[i]; }

private:
    struct Slot {
        std::size_t hash = 0;
        std::uint32_t value = 0;  ///< 1 + the index into values_; 0 in a free slot
    };

    /// The slot holding `hash`, else the free slot where the probe for it ends.
    [[nodiscard]] std::size_t probe(std::size_t hash) const noexcept {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (slot.value == 0 || slot.hash == hash) return i;
        }
    }

    void grow() {
        slots_.assign(slots_.empty() ? 16 : 2 * slots_.size(), Slot{});
        for (std::size_t i = 0; i < keys_.size(); ++i) slots_[probe(keys_[i])] = Slot{keys_[i], static_cast<std::uint32_t>(i + 1)};
    }

    std::vector<Slot> slots_;  ///< a power of two long, at least half free
    std::vector<std::size_t> keys_;
    std::vector<Value> values_;
};

}  // namespace frontline
