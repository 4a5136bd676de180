// Basis points: exact shares and rates for the checks and costs that must
// never be misjudged by rounding (the receivables-to-assets ceiling, limit
// warning lines, concentration caps, annual interest rates). One basis point
// is 0.01%; 20% is 2000 basis points. Comparisons against a share in basis
// points are done on integers (amount x 10000 against total x basis points,
// in 128 bits), never in floating point.
//
// Errors (input_error):
//   [huikuan.percent.1] text that is not a percentage such as "20%" or "16.5%"
//   [huikuan.percent.2] a percentage with more than two decimals (finer than a basis point)
//   [huikuan.percent.3] a percentage beyond +-1,000,000%
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "huikuan/config.hpp"
#include "huikuan/error.hpp"

namespace huikuan {

/// A share or rate in basis points (1/10000). A distinct type, so a share
/// cannot be mixed up with an amount or a day count. Value type, 4 bytes.
class basis_points {
public:
  constexpr basis_points() noexcept = default;
  constexpr explicit basis_points(std::int32_t count) noexcept : count_(count) {}
  /// The count of basis points (2000 for 20%).
  [[nodiscard]] constexpr std::int32_t count() const noexcept { return count_; }
  friend constexpr auto operator<=>(basis_points, basis_points) noexcept = default;

  /// 100%, the whole.
  static constexpr std::int32_t whole = 10000;

private:
  std::int32_t count_ = 0;
};

/// Parses a percentage with its sign: "20%", "16.5%", "0.25 %", "-1%".
/// Spaces around the text and before the "%" are ignored; at most two
/// decimals (a basis point) are allowed, so "12.345%" is an error rather than
/// a rounded 12.35%. The "%" is required: "0.2" could mean 0.2% or 20%.
/// Throws input_error [huikuan.percent.1] for anything else,
/// [huikuan.percent.2] for more than two decimals, [huikuan.percent.3]
/// beyond +-1,000,000%. O(length).
HUIKUAN_FUNC basis_points parse_percent(std::string_view text);

/// "20.00%", "16.50%", "0.01%", "-1.25%": two decimals, the exact value.
HUIKUAN_FUNC std::string format_percent(basis_points share);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/percent-inl.hpp"
#endif
