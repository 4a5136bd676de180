// A business-day calendar: weekends and a holiday list, for next-contact
// dates and follow-up cadences. Boost.Date_Time supplies the weekday.
//
//   business_calendar calendar({parse_date("2026-10-01"), parse_date("2026-10-02")});
//   calendar.add_business_days(parse_date("2026-09-30"), 1);  // 2026-10-05 (Mon)
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "huikuan/config.hpp"
#include "huikuan/date.hpp"
#include "huikuan/load.hpp"

namespace huikuan {

class business_calendar {
public:
  /// Weekday bits of a weekend mask: bit w is weekday w, 0 Sunday .. 6 Saturday.
  static constexpr std::uint8_t saturday_and_sunday = (1u << 6) | (1u << 0);

  /// Saturday and Sunday off, no holidays.
  business_calendar() = default;
  /// Holidays in any order (duplicates are harmless), a weekend mask, and
  /// weekend days that are worked (China's 调休 make-up days). Throws
  /// input_error [huikuan.calendar.1] when the mask makes every weekday a
  /// weekend day (no business day would exist), [huikuan.calendar.3] for a
  /// day that is both a holiday and a worked day.
  HUIKUAN_FUNC explicit business_calendar(std::vector<day> holidays, std::uint8_t weekend_mask = saturday_and_sunday,
                                          std::vector<day> worked_weekend_days = {});

  /// True unless the day is a weekend day or a holiday. Throws what
  /// day::to_date throws for a day outside 1400..9999.
  [[nodiscard]] HUIKUAN_FUNC bool is_business_day(day d) const;
  /// The first business day on or after d.
  [[nodiscard]] HUIKUAN_FUNC day on_or_after(day d) const;
  /// The last business day strictly before d.
  [[nodiscard]] HUIKUAN_FUNC day before(day d) const;
  /// The n-th business day after d (n >= 0; n == 0 gives on_or_after(d)).
  /// Throws input_error [huikuan.calendar.2] for negative n.
  [[nodiscard]] HUIKUAN_FUNC day add_business_days(day d, std::int32_t n) const;
  /// The holidays, sorted and without duplicates.
  [[nodiscard]] std::span<const day> holidays() const noexcept { return holidays_; }
  [[nodiscard]] std::uint8_t weekend_mask() const noexcept { return weekend_mask_; }
  /// The worked weekend days, sorted and without duplicates.
  [[nodiscard]] std::span<const day> worked_weekend_days() const noexcept { return worked_; }

private:
  std::vector<day> holidays_;
  std::vector<day> worked_;
  std::uint8_t weekend_mask_ = saturday_and_sunday;
};

/// A holiday list with what was left out of it.
struct holidays_load_result {
  std::vector<day> holidays;
  std::vector<day> worked_weekend_days;
  std::vector<load_problem> problems;
  file_summary summary;
};

/// Reads holidays.csv text: a `date` column (YYYY-MM-DD), an optional
/// `kind` (holiday [default] or workday, a weekend day that is worked) and
/// an optional `name`. Bad rows are reported with line and reason and left
/// out.
/// Throws input_error [huikuan.load.2] without a date column.
HUIKUAN_FUNC holidays_load_result load_holidays(std::string_view text);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/business_calendar-inl.hpp"
#endif
