// Shared by the benchmark programs: a deterministic generator whose output
// is the same with every standard library (std:: distributions differ).
#pragma once

#include <cstdint>

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

}  // namespace huikuan_bench
