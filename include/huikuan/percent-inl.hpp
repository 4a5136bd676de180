// Definitions for percent.hpp.
#pragma once

#include "huikuan/money.hpp"
#include "huikuan/percent.hpp"

namespace huikuan {

HUIKUAN_FUNC basis_points parse_percent(std::string_view text) {
  const std::string original(text);
  const auto malformed = [&] {
    return input_error("huikuan.percent.1", "\"" + original + "\" is not a percentage such as 20% or 16.5%");
  };
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty() || text.back() != '%') throw malformed();
  text.remove_suffix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  // A percentage with two decimals is a count of basis points, exactly as an
  // amount with two decimals is a count of minor units: the money parser
  // does the digit work (and rejects a third decimal instead of rounding).
  money parsed;
  try {
    parsed = parse_money(text, 2);
  } catch (const input_error& error) {
    if (error.id() == "huikuan.money.3")
      throw input_error("huikuan.percent.2", "\"" + original + "\" has more than two decimals; a basis point (0.01%) is the finest share");
    if (error.id() == "huikuan.money.4") throw input_error("huikuan.percent.3", "\"" + original + "\" is beyond +-1,000,000%");
    throw malformed();
  }
  constexpr std::int64_t largest = 1'000'000LL * 100;
  if (parsed.minor_units() > largest || parsed.minor_units() < -largest)
    throw input_error("huikuan.percent.3", "\"" + original + "\" is beyond +-1,000,000%");
  return basis_points(static_cast<std::int32_t>(parsed.minor_units()));
}

HUIKUAN_FUNC std::string format_percent(basis_points share) {
  return format_money(money::from_minor_units(share.count()), 2) + "%";
}

}  // namespace huikuan
