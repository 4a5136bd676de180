// Calendar days. `day` is a serial day number counted from 1970-01-01 (the
// layout of numpy datetime64[D]), so bulk columns of int32 day numbers pass
// between ERP buffers, numpy and huikuan without conversion. Boost.Date_Time
// is the calendar for input, output and month arithmetic. `days` is a
// signed count of days; day + day does not compile.
//
// Supported range: 1400-01-01 .. 9999-12-31 (Boost's Gregorian range).
// Converting a day outside it to a calendar date throws input_error.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "huikuan/config.hpp"
#include "huikuan/error.hpp"

namespace huikuan {

/// A signed number of days (a duration, not a date).
class days {
public:
  constexpr days() noexcept = default;
  constexpr explicit days(std::int32_t count) noexcept : count_(count) {}
  [[nodiscard]] constexpr std::int32_t count() const noexcept { return count_; }
  friend constexpr auto operator<=>(days, days) noexcept = default;
  friend constexpr days operator+(days a, days b) noexcept { return days(a.count_ + b.count_); }
  friend constexpr days operator-(days a, days b) noexcept { return days(a.count_ - b.count_); }

private:
  std::int32_t count_ = 0;
};

/// A calendar day as a serial number: 0 is 1970-01-01, 1 is 1970-01-02.
class day {
public:
  constexpr day() noexcept = default;
  /// The day `days_since_epoch` days after 1970-01-01 (negative: before).
  constexpr explicit day(std::int32_t days_since_epoch) noexcept : serial_(days_since_epoch) {}
  /// The day y-m-d. Throws input_error [huikuan.date.2] ("date 2023-02-29
  /// is not a valid date") if it is not a valid date in the supported range.
  HUIKUAN_FUNC static day from_ymd(int year, int month, int day_of_month);
  /// The day of a Boost Gregorian date. Throws input_error [huikuan.date.2]
  /// for not-a-date or infinity.
  HUIKUAN_FUNC static day from_date(const boost::gregorian::date& date);
  /// This day as a Boost Gregorian date. Throws input_error [huikuan.date.3]
  /// outside 1400-01-01 .. 9999-12-31.
  [[nodiscard]] HUIKUAN_FUNC boost::gregorian::date to_date() const;

  /// Days since 1970-01-01.
  [[nodiscard]] constexpr std::int32_t serial() const noexcept { return serial_; }

  friend constexpr auto operator<=>(day, day) noexcept = default;
  friend constexpr day operator+(day d, days n) noexcept { return day(d.serial_ + n.count()); }
  friend constexpr day operator-(day d, days n) noexcept { return day(d.serial_ - n.count()); }
  /// The signed number of days from b to a (a - b).
  friend constexpr days operator-(day a, day b) noexcept { return days(a.serial_ - b.serial_); }

private:
  std::int32_t serial_ = 0;
};

/// First and last supported days.
inline constexpr day min_supported_day{-208'188};  // 1400-01-01
inline constexpr day max_supported_day{2'932'896};  // 9999-12-31

/// Parses an ISO date "YYYY-MM-DD" (exactly that shape; spaces around it
/// are ignored). Throws input_error [huikuan.date.1] for a malformed text
/// and [huikuan.date.2] for an impossible date such as 2024-02-30.
HUIKUAN_FUNC day parse_date(std::string_view text);

/// Formats as ISO "YYYY-MM-DD". Throws input_error [huikuan.date.3] outside
/// the supported range.
HUIKUAN_FUNC std::string format_date(day d);

/// The last day of d's month.
HUIKUAN_FUNC day end_of_month(day d);

/// The first day of d's month.
HUIKUAN_FUNC day start_of_month(day d);

/// Day `day_of_month` (1..31) of the month after d's month; a day beyond
/// that month's length falls on its last day (DAY 31 after January is
/// 28 or 29 February). Throws input_error [huikuan.date.4] for a day
/// outside 1..31, [huikuan.date.3] when the month after is beyond 9999-12.
HUIKUAN_FUNC day day_of_following_month(day d, int day_of_month);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/date-inl.hpp"
#endif
