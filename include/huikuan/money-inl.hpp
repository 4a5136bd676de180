// Definitions for money.hpp (compiled into huikuan::huikuan, or inline when
// HUIKUAN_HEADER_ONLY is defined).
#pragma once

#include <cstdlib>
#include <limits>

#include "huikuan/money.hpp"

namespace huikuan {

namespace detail {
HUIKUAN_FUNC void throw_money_overflow(const char* operation, std::int64_t a, std::int64_t b) {
  throw overflow_error("huikuan.money.5", std::to_string(a) + " " + operation + " " +
                                              std::to_string(b) +
                                              " minor units leaves the int64 range");
}

inline std::string quoted(std::string_view text) {
  std::string result;
  result.reserve(text.size() + 2);
  result.append("\"").append(text).append("\"");
  return result;
}
}  // namespace detail

namespace detail {
inline void check_decimals(int decimals) {
  if (decimals < 0 || decimals > 6)
    throw input_error("huikuan.money.6", "decimals " + std::to_string(decimals) + " is outside 0..6");
}
}  // namespace detail

HUIKUAN_FUNC money parse_money(std::string_view text, int decimals) {
  detail::check_decimals(decimals);
  const std::string_view original = text;
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) throw input_error("huikuan.money.1", "amount is empty");

  const auto malformed = [&] {
    return input_error("huikuan.money.2",
                       "amount " + detail::quoted(original) + " is not a decimal number");
  };
  const bool negative = text.front() == '-';
  if (negative) text.remove_prefix(1);

  const auto point = text.find('.');
  std::string_view whole = text.substr(0, point);
  std::string_view fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  if (whole.empty() || (point != std::string_view::npos && fraction.empty())) throw malformed();

  // Thousands separators are accepted only in well-formed groups of three
  // ("1,234,567"), so "12,34" (a European decimal comma) or "1,2,4,678" is
  // rejected rather than misread.
  if (const std::size_t first = whole.find(','); first != std::string_view::npos) {
    if (first == 0 || first > 3 || (whole.size() - first) % 4 != 0) throw malformed();
    for (std::size_t i = first; i < whole.size(); ++i)
      if ((whole[i] == ',') != ((i - first) % 4 == 0)) throw malformed();
  }
  // Accumulate in 128 bits; once far beyond int64 stop growing (but keep
  // validating characters) so the 128-bit value itself cannot overflow.
  detail::int128 value = 0;
  const detail::int128 saturation = static_cast<detail::int128>(std::numeric_limits<std::int64_t>::max()) * 1000000;
  const auto push_digit = [&](int digit) {
    if (value < saturation) value = value * 10 + digit;
  };
  for (char c : whole) {
    if (c == ',') continue;
    if (c < '0' || c > '9') throw malformed();
    push_digit(c - '0');
  }
  for (char c : fraction)
    if (c < '0' || c > '9') throw malformed();
  if (fraction.size() > static_cast<std::size_t>(decimals))
    throw input_error("huikuan.money.3", "amount " + detail::quoted(original) + " has " +
                                             std::to_string(fraction.size()) + " decimal places; at most " +
                                             std::to_string(decimals) + (decimals == 1 ? " is" : " are") +
                                             " allowed");
  for (int i = 0; i < decimals; ++i) {
    const auto digit = static_cast<std::size_t>(i) < fraction.size() ? fraction[static_cast<std::size_t>(i)] - '0' : 0;
    push_digit(digit);
  }
  if (negative) value = -value;
  if (value > std::numeric_limits<std::int64_t>::max() || value < std::numeric_limits<std::int64_t>::min())
    throw input_error("huikuan.money.4", "amount " + detail::quoted(original) +
                                             " is beyond the int64 range of minor units");
  return money::from_minor_units(static_cast<std::int64_t>(value));
}

namespace detail {
// Decimal text of a 128-bit count of minor units.
inline std::string format_minor_units(int128 minor, int decimals, bool grouped) {
  check_decimals(decimals);
  uint128 magnitude = minor < 0 ? uint128(0) - static_cast<uint128>(minor) : static_cast<uint128>(minor);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  const auto places = static_cast<std::size_t>(decimals);
  if (digits.size() <= places) digits.insert(0, places + 1 - digits.size(), '0');
  std::string whole = digits.substr(0, digits.size() - places);
  if (grouped) {
    for (auto i = static_cast<std::ptrdiff_t>(whole.size()) - 3; i > 0; i -= 3)
      whole.insert(static_cast<std::size_t>(i), 1, ',');
  }
  std::string result = minor < 0 ? "-" : "";
  result += whole;
  if (places > 0) result.append(".").append(digits.substr(digits.size() - places));
  return result;
}
}  // namespace detail

HUIKUAN_FUNC std::string format_money(money amount, int decimals) {
  return detail::format_minor_units(amount.minor_units(), decimals, false);
}

HUIKUAN_FUNC std::string format_money_grouped(money amount, int decimals) {
  return detail::format_minor_units(amount.minor_units(), decimals, true);
}

HUIKUAN_FUNC std::string format_money(const money_total& total, int decimals) {
  return detail::format_minor_units(total.minor_units(), decimals, false);
}

HUIKUAN_FUNC bool money_total::fits() const noexcept {
  return minor_ >= std::numeric_limits<std::int64_t>::min() && minor_ <= std::numeric_limits<std::int64_t>::max();
}

HUIKUAN_FUNC money money_total::to_money() const {
  if (!fits())
    throw overflow_error("huikuan.money.5", "total " + format_money(*this) + " leaves the int64 range of minor units");
  return money::from_minor_units(static_cast<std::int64_t>(minor_));
}

HUIKUAN_FUNC money sum_minor_units(std::span<const std::int64_t> amounts) {
  // A 128-bit accumulator cannot overflow for any realistic count, so only
  // the final sum is range-checked.
  detail::int128 total = 0;
  for (std::int64_t a : amounts) total += a;
  if (total > std::numeric_limits<std::int64_t>::max() || total < std::numeric_limits<std::int64_t>::min())
    throw overflow_error("huikuan.money.5", "sum of " + std::to_string(amounts.size()) +
                                                " amounts leaves the int64 range of minor units");
  return money::from_minor_units(static_cast<std::int64_t>(total));
}

}  // namespace huikuan
