// Definitions for date.hpp.
#pragma once

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>

#include "huikuan/date.hpp"

namespace huikuan {

namespace detail {
// Julian day number of 1970-01-01 in Boost's day_number().
inline constexpr std::int64_t unix_epoch_day_number = 2'440'588;

inline std::string quoted_text(std::string_view text) {
  std::string result;
  result.reserve(text.size() + 2);
  result.append("\"").append(text).append("\"");
  return result;
}
}  // namespace detail

HUIKUAN_FUNC day day::from_ymd(int year, int month, int day_of_month) {
  const auto invalid = [&] {
    char text[48];
    std::snprintf(text, sizeof text, "date %04d-%02d-%02d is not a valid date", year, month, day_of_month);
    return input_error("huikuan.date.2", text);
  };
  // Range checks first: Boost takes unsigned short fields, which would wrap.
  if (year < 1400 || year > 9999 || month < 1 || month > 12 || day_of_month < 1 || day_of_month > 31) throw invalid();
  try {
    return from_date(boost::gregorian::date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                                            static_cast<unsigned short>(day_of_month)));
  } catch (const std::out_of_range&) {
    throw invalid();
  }
}

HUIKUAN_FUNC day day::from_date(const boost::gregorian::date& date) {
  if (date.is_special()) throw input_error("huikuan.date.2", "the date is not a calendar date");
  return day(static_cast<std::int32_t>(static_cast<std::int64_t>(date.day_number()) -
                                       detail::unix_epoch_day_number));
}

HUIKUAN_FUNC boost::gregorian::date day::to_date() const {
  if (*this < min_supported_day || *this > max_supported_day)
    throw input_error("huikuan.date.3", "day number " + std::to_string(serial_) +
                                            " is outside 1400-01-01 .. 9999-12-31");
  const auto jdn = static_cast<std::uint32_t>(serial_ + detail::unix_epoch_day_number);
  return boost::gregorian::date(boost::gregorian::gregorian_calendar::from_day_number(jdn));
}

HUIKUAN_FUNC day parse_date(std::string_view text) {
  const std::string_view original = text;
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' && digit(0) &&
                      digit(1) && digit(2) && digit(3) && digit(5) && digit(6) && digit(8) &&
                      digit(9);
  if (!shaped)
    throw input_error("huikuan.date.1",
                      "date " + detail::quoted_text(original) + " is not in YYYY-MM-DD form");
  const auto number = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  return day::from_ymd(number(0, 4), number(5, 2), number(8, 2));
}

HUIKUAN_FUNC std::string format_date(day d) {
  const auto ymd = d.to_date().year_month_day();
  char buffer[16];
  const int y = ymd.year, m = ymd.month, dd = ymd.day;
  buffer[0] = static_cast<char>('0' + y / 1000);
  buffer[1] = static_cast<char>('0' + y / 100 % 10);
  buffer[2] = static_cast<char>('0' + y / 10 % 10);
  buffer[3] = static_cast<char>('0' + y % 10);
  buffer[4] = '-';
  buffer[5] = static_cast<char>('0' + m / 10);
  buffer[6] = static_cast<char>('0' + m % 10);
  buffer[7] = '-';
  buffer[8] = static_cast<char>('0' + dd / 10);
  buffer[9] = static_cast<char>('0' + dd % 10);
  return std::string(buffer, 10);
}

HUIKUAN_FUNC day end_of_month(day d) { return day::from_date(d.to_date().end_of_month()); }

HUIKUAN_FUNC day start_of_month(day d) {
  const auto ymd = d.to_date().year_month_day();
  return day::from_date(boost::gregorian::date(ymd.year, ymd.month, 1));
}

HUIKUAN_FUNC day day_of_following_month(day d, int day_of_month) {
  if (day_of_month < 1 || day_of_month > 31)
    throw input_error("huikuan.date.4", "day of month " + std::to_string(day_of_month) + " is outside 1..31");
  const auto ymd = d.to_date().year_month_day();
  if (ymd.year == 9999 && ymd.month == 12)
    throw input_error("huikuan.date.3", "the month after " + format_date(d) + " is beyond 9999-12-31");
  const boost::gregorian::date first_next = d.to_date().end_of_month() + boost::gregorian::date_duration(1);
  const auto last = first_next.end_of_month().day();
  const auto dom = static_cast<unsigned short>(day_of_month) < last ? static_cast<unsigned short>(day_of_month)
                                                                    : static_cast<unsigned short>(last);
  return day::from_date(boost::gregorian::date(first_next.year(), first_next.month(), dom));
}

}  // namespace huikuan
