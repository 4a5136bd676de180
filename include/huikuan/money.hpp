// Exact money: a signed count of currency minor units (fen, cents) in an
// int64. Arithmetic is checked: a result that would leave the int64 range
// throws overflow_error instead of wrapping. There is no conversion from
// double; amounts enter as integers or as decimal text.
#pragma once

#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "huikuan/config.hpp"
#include "huikuan/error.hpp"

namespace huikuan {

namespace detail {
/// 128-bit integers for exact intermediates (a GCC/Clang extension).
__extension__ typedef __int128 int128;
__extension__ typedef unsigned __int128 uint128;

[[noreturn]] void throw_money_overflow(const char* operation, std::int64_t a, std::int64_t b);

/// a + b, throwing overflow_error if it leaves the int64 range.
inline std::int64_t checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t result;
  if (__builtin_add_overflow(a, b, &result)) throw_money_overflow("+", a, b);
  return result;
}
/// a - b, throwing overflow_error if it leaves the int64 range.
inline std::int64_t checked_sub(std::int64_t a, std::int64_t b) {
  std::int64_t result;
  if (__builtin_sub_overflow(a, b, &result)) throw_money_overflow("-", a, b);
  return result;
}
/// a * b, throwing overflow_error if it leaves the int64 range.
inline std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t result;
  if (__builtin_mul_overflow(a, b, &result)) throw_money_overflow("*", a, b);
  return result;
}
}  // namespace detail

/// An exact amount of money in integer minor units (e.g. 1234.50 CNY is
/// 123450 fen). Value type, trivially copyable, 8 bytes.
class money {
public:
  constexpr money() noexcept = default;
  /// The amount `minor` minor units (fen, cents).
  static constexpr money from_minor_units(std::int64_t minor) noexcept { return money(minor); }
  /// The amount as a count of minor units.
  [[nodiscard]] constexpr std::int64_t minor_units() const noexcept { return minor_; }
  [[nodiscard]] constexpr bool is_zero() const noexcept { return minor_ == 0; }
  [[nodiscard]] constexpr bool is_negative() const noexcept { return minor_ < 0; }
  [[nodiscard]] constexpr bool is_positive() const noexcept { return minor_ > 0; }

  friend constexpr auto operator<=>(money, money) noexcept = default;

  /// Checked sum; throws overflow_error ([huikuan.money.5]) on int64 overflow.
  money& operator+=(money other) {
    minor_ = detail::checked_add(minor_, other.minor_);
    return *this;
  }
  /// Checked difference; throws overflow_error on int64 overflow.
  money& operator-=(money other) {
    minor_ = detail::checked_sub(minor_, other.minor_);
    return *this;
  }
  friend money operator+(money a, money b) { return a += b; }
  friend money operator-(money a, money b) { return a -= b; }
  /// Negation; throws overflow_error for the most negative amount.
  friend money operator-(money a) { return money(detail::checked_sub(0, a.minor_)); }
  /// Checked scaling by an integer count; throws overflow_error.
  friend money operator*(money a, std::int64_t factor) {
    return money(detail::checked_mul(a.minor_, factor));
  }

private:
  constexpr explicit money(std::int64_t minor) noexcept : minor_(minor) {}
  std::int64_t minor_ = 0;
};

/// The smaller / larger of two amounts.
constexpr money min(money a, money b) noexcept { return b < a ? b : a; }
constexpr money max(money a, money b) noexcept { return a < b ? b : a; }

/// An exact total of any number of amounts, in 128-bit minor units, for
/// sums that must never overflow (what a whole file contributed, say).
class money_total {
public:
  constexpr money_total() noexcept = default;
  constexpr explicit money_total(money amount) noexcept : minor_(amount.minor_units()) {}
  money_total& operator+=(money amount) noexcept {
    minor_ += amount.minor_units();
    return *this;
  }
  money_total& operator+=(const money_total& other) noexcept {
    minor_ += other.minor_;
    return *this;
  }
  friend money_total operator+(money_total a, const money_total& b) noexcept { return a += b; }
  friend constexpr bool operator==(const money_total& a, const money_total& b) noexcept { return a.minor_ == b.minor_; }
  friend constexpr bool operator==(const money_total& a, money b) noexcept { return a.minor_ == b.minor_units(); }
  /// The total in minor units.
  [[nodiscard]] constexpr detail::int128 minor_units() const noexcept { return minor_; }
  /// Whether the total fits a money (int64 minor units).
  [[nodiscard]] HUIKUAN_FUNC bool fits() const noexcept;
  /// The total as money; throws overflow_error [huikuan.money.5] if it does not fit.
  [[nodiscard]] HUIKUAN_FUNC money to_money() const;

private:
  detail::int128 minor_ = 0;
};

/// Parses a decimal amount such as "12500", "980.5", "-3.25" or
/// "1,234,567.89" (thousands separators must group by three) into minor
/// units with `decimals` fractional digits (0..6, default 2). Leading and
/// trailing spaces are ignored.
/// Throws input_error: [huikuan.money.1] empty, [huikuan.money.2] not a
/// decimal number, [huikuan.money.3] more fractional digits than the
/// currency has, [huikuan.money.4] beyond the int64 range of minor units.
HUIKUAN_FUNC money parse_money(std::string_view text, int decimals = 2);

/// Formats an amount as plain decimal text with `decimals` fractional
/// digits (0..6) and no thousands separators: 123450 minor units ->
/// "1234.50". Throws input_error [huikuan.money.6] for decimals outside 0..6.
HUIKUAN_FUNC std::string format_money(money amount, int decimals = 2);

/// Formats with thousands separators for reports: "1,234,567.89".
HUIKUAN_FUNC std::string format_money_grouped(money amount, int decimals = 2);

/// Formats an exact total like format_money (any size).
HUIKUAN_FUNC std::string format_money(const money_total& total, int decimals = 2);

/// Checked sum of a column of minor units; throws overflow_error.
HUIKUAN_FUNC money sum_minor_units(std::span<const std::int64_t> amounts);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/money-inl.hpp"
#endif
