// Definitions for business_calendar.hpp.
#pragma once

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>

#include "huikuan/business_calendar.hpp"
#include "huikuan/detail/table_reader.hpp"

namespace huikuan {

HUIKUAN_FUNC business_calendar::business_calendar(std::vector<day> holidays, std::uint8_t weekend_mask,
                                                  std::vector<day> worked_weekend_days)
    : holidays_(std::move(holidays)), worked_(std::move(worked_weekend_days)), weekend_mask_(weekend_mask) {
  if ((weekend_mask_ & 0x7Fu) == 0x7Fu)
    throw input_error("huikuan.calendar.1", "a weekend of all seven weekdays leaves no business day");
  for (std::vector<day>* list : {&holidays_, &worked_}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  for (day d : worked_)
    if (std::binary_search(holidays_.begin(), holidays_.end(), d))
      throw input_error("huikuan.calendar.3", format_date(d) + " is both a holiday and a worked day");
}

HUIKUAN_FUNC bool business_calendar::is_business_day(day d) const {
  const unsigned weekday = d.to_date().day_of_week().as_number();
  if ((weekend_mask_ >> weekday) & 1u) return std::binary_search(worked_.begin(), worked_.end(), d);
  return !std::binary_search(holidays_.begin(), holidays_.end(), d);
}

HUIKUAN_FUNC day business_calendar::on_or_after(day d) const {
  while (!is_business_day(d)) d = d + days(1);
  return d;
}

HUIKUAN_FUNC day business_calendar::before(day d) const {
  d = d - days(1);
  while (!is_business_day(d)) d = d - days(1);
  return d;
}

HUIKUAN_FUNC day business_calendar::add_business_days(day d, std::int32_t n) const {
  if (n < 0)
    throw input_error("huikuan.calendar.2", "cannot add " + std::to_string(n) + " business days: the count is negative");
  if (n == 0) return on_or_after(d);
  for (std::int32_t k = 0; k < n; ++k) {
    d = d + days(1);
    while (!is_business_day(d)) d = d + days(1);
  }
  return d;
}

HUIKUAN_FUNC holidays_load_result load_holidays(std::string_view text) {
  holidays_load_result result;
  result.summary.file = "holidays.csv";
  result.summary.present = true;
  detail::table_reader table("holidays.csv", text, {"date"}, {"kind", "name"});
  while (table.next()) {
    ++result.summary.rows_read;
    detail::row_checker row(table, result.problems);
    if (detail::record_is_well_formed(table, row)) {
      const auto date = row.parsed(0, "date", [](std::string_view t) { return parse_date(t); });
      const std::string kind = row.text(1, "kind", false);
      if (!kind.empty() && kind != "holiday" && kind != "workday")
        row.report("kind", "huikuan.calendar.4", "kind \"" + kind + "\" is not holiday or workday");
      if (row.ok()) {
        (kind == "workday" ? result.worked_weekend_days : result.holidays).push_back(*date);
        ++result.summary.rows_loaded;
        continue;
      }
    }
    detail::count_left_out(result.summary, std::nullopt);
  }
  return result;
}

}  // namespace huikuan
