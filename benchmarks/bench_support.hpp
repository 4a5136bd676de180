// Shared by the benchmark programs: a deterministic generator whose output
// is the same with every standard library (std:: distributions differ).
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace huikuan_bench {

class splitmix64 {
public:
  explicit splitmix64(std::uint64_t seed) noexcept : state_(seed) {}
  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9E37'79B9'7F4A'7C15u);
    z = (z ^ (z >> 30)) * 0xBF58'476D'1CE4'E5B9u;
    z = (z ^ (z >> 27)) * 0x94D0'49BB'1331'11EBu;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, bound); the modulo bias is below 2^-40 for our bounds.
  std::uint64_t below(std::uint64_t bound) noexcept { return next() % bound; }
  std::int32_t days_below(std::int32_t bound) noexcept {
    return static_cast<std::int32_t>(below(static_cast<std::uint64_t>(bound)));
  }

private:
  std::uint64_t state_;
};

/// Where each row goes when rows are ordered by customer, keeping their
/// order within a customer (a counting sort): row i moves to position[i].
inline std::vector<std::size_t> positions_by_customer(std::span<const std::uint32_t> customer,
                                                      std::size_t customers) {
  std::vector<std::size_t> start(customers + 1, 0);
  for (const std::uint32_t c : customer) ++start[std::size_t{c} + 1];
  for (std::size_t c = 0; c < customers; ++c) start[c + 1] += start[c];
  std::vector<std::size_t> position(customer.size());
  for (std::size_t i = 0; i < customer.size(); ++i) position[i] = start[customer[i]]++;
  return position;
}

/// Moves row i of `column` to position[i] (see positions_by_customer).
template <class T>
void move_rows(std::vector<T>& column, const std::vector<std::size_t>& position) {
  std::vector<T> moved(column.size());
  for (std::size_t i = 0; i < column.size(); ++i) moved[position[i]] = column[i];
  column = std::move(moved);
}

}  // namespace huikuan_bench
