// The business-day calendar: weekends, holidays, worked weekend days (调休),
// business-day arithmetic and the holidays.csv loader.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "huikuan/business_calendar.hpp"
#include "huikuan/error.hpp"
#include "ledger_generator.hpp"

using huikuan::business_calendar;
using huikuan::day;
using huikuan::format_date;
using huikuan::input_error;
using huikuan::load_holidays;
using huikuan_test::on;
using Catch::Message;

namespace {

// The days from..to inclusive.
std::vector<day> days_from(const char* from, const char* to) {
  std::vector<day> result;
  for (day d = on(from); d <= on(to); d = d + huikuan::days(1)) result.push_back(d);
  return result;
}

// China's National Day week as this test configures it: 1..7 October 2026
// off, Saturday 10 October worked in exchange.
business_calendar national_day_week() {
  return business_calendar(days_from("2026-10-01", "2026-10-07"), business_calendar::saturday_and_sunday,
                           {on("2026-10-10")});
}

std::string iso(day d) { return format_date(d); }

}  // namespace

TEST_CASE("the default calendar takes Saturday and Sunday off and nothing else", "[calendar]") {
  const business_calendar calendar;
  CHECK(calendar.holidays().empty());
  CHECK(calendar.worked_weekend_days().empty());
  CHECK(calendar.weekend_mask() == business_calendar::saturday_and_sunday);
  // 2026-11-16 is a Monday.
  CHECK(calendar.is_business_day(on("2026-11-16")));
  CHECK(calendar.is_business_day(on("2026-11-17")));
  CHECK(calendar.is_business_day(on("2026-11-18")));
  CHECK(calendar.is_business_day(on("2026-11-19")));
  CHECK(calendar.is_business_day(on("2026-11-20")));
  CHECK_FALSE(calendar.is_business_day(on("2026-11-21")));
  CHECK_FALSE(calendar.is_business_day(on("2026-11-22")));
  CHECK(calendar.is_business_day(on("2026-10-01")));
}

TEST_CASE("holidays are not business days and worked weekend days are", "[calendar]") {
  const business_calendar calendar = national_day_week();
  for (day d : days_from("2026-10-01", "2026-10-07")) {
    INFO(iso(d));
    CHECK_FALSE(calendar.is_business_day(d));
  }
  CHECK(calendar.is_business_day(on("2026-09-30")));
  CHECK(calendar.is_business_day(on("2026-10-08")));
  CHECK(calendar.is_business_day(on("2026-10-09")));
  CHECK(calendar.is_business_day(on("2026-10-10")));  // the make-up Saturday
  CHECK_FALSE(calendar.is_business_day(on("2026-10-11")));
  CHECK_FALSE(calendar.is_business_day(on("2026-10-17")));  // an ordinary Saturday
}

TEST_CASE("holidays given in any order with duplicates are kept sorted and unique", "[calendar]") {
  const business_calendar calendar({on("2026-10-03"), on("2026-10-01"), on("2026-10-02"), on("2026-10-01")},
                                   business_calendar::saturday_and_sunday, {on("2026-10-10"), on("2026-09-20"),
                                                                            on("2026-10-10")});
  REQUIRE(calendar.holidays().size() == 3);
  CHECK(iso(calendar.holidays()[0]) == "2026-10-01");
  CHECK(iso(calendar.holidays()[1]) == "2026-10-02");
  CHECK(iso(calendar.holidays()[2]) == "2026-10-03");
  REQUIRE(calendar.worked_weekend_days().size() == 2);
  CHECK(iso(calendar.worked_weekend_days()[0]) == "2026-09-20");
  CHECK(iso(calendar.worked_weekend_days()[1]) == "2026-10-10");
}

TEST_CASE("a weekend mask of Friday and Saturday moves the weekend", "[calendar]") {
  const business_calendar calendar({}, static_cast<std::uint8_t>((1u << 5) | (1u << 6)));
  CHECK_FALSE(calendar.is_business_day(on("2026-11-20")));  // Friday
  CHECK_FALSE(calendar.is_business_day(on("2026-11-21")));  // Saturday
  CHECK(calendar.is_business_day(on("2026-11-22")));        // Sunday
  CHECK(iso(calendar.add_business_days(on("2026-11-19"), 1)) == "2026-11-22");
}

TEST_CASE("adding business days crosses a weekend and the National Day week", "[calendar]") {
  const business_calendar calendar = national_day_week();
  const day wednesday = on("2026-09-30");
  CHECK(iso(calendar.add_business_days(wednesday, 1)) == "2026-10-08");
  CHECK(iso(calendar.add_business_days(wednesday, 2)) == "2026-10-09");
  CHECK(iso(calendar.add_business_days(wednesday, 3)) == "2026-10-10");
  CHECK(iso(calendar.add_business_days(wednesday, 4)) == "2026-10-12");
  // Without the make-up Saturday the third business day is the Monday.
  const business_calendar no_make_up(days_from("2026-10-01", "2026-10-07"));
  CHECK(iso(no_make_up.add_business_days(wednesday, 3)) == "2026-10-12");
  // Friday plus one business day over an ordinary weekend.
  CHECK(iso(business_calendar().add_business_days(on("2026-11-20"), 1)) == "2026-11-23");
  CHECK(iso(business_calendar().add_business_days(on("2026-11-20"), 5)) == "2026-11-27");
}

TEST_CASE("the header's example: one business day after 30 September with 1-2 October off is Monday 5 October",
          "[calendar]") {
  const business_calendar calendar({on("2026-10-01"), on("2026-10-02")});
  CHECK(iso(calendar.add_business_days(on("2026-09-30"), 1)) == "2026-10-05");
}

TEST_CASE("adding zero business days gives the first business day on or after the day", "[calendar]") {
  const business_calendar calendar = national_day_week();
  CHECK(iso(calendar.add_business_days(on("2026-10-01"), 0)) == "2026-10-08");
  CHECK(iso(calendar.add_business_days(on("2026-09-30"), 0)) == "2026-09-30");
  CHECK(iso(calendar.add_business_days(on("2026-10-10"), 0)) == "2026-10-10");
}

TEST_CASE("on_or_after keeps a business day and moves a day off forward", "[calendar]") {
  const business_calendar calendar = national_day_week();
  CHECK(iso(calendar.on_or_after(on("2026-09-30"))) == "2026-09-30");
  CHECK(iso(calendar.on_or_after(on("2026-10-01"))) == "2026-10-08");
  CHECK(iso(calendar.on_or_after(on("2026-10-07"))) == "2026-10-08");
  CHECK(iso(calendar.on_or_after(on("2026-10-11"))) == "2026-10-12");
  CHECK(iso(business_calendar().on_or_after(on("2026-11-21"))) == "2026-11-23");
}

TEST_CASE("before gives the last business day strictly before the day", "[calendar]") {
  const business_calendar calendar = national_day_week();
  CHECK(iso(calendar.before(on("2026-10-08"))) == "2026-09-30");
  CHECK(iso(calendar.before(on("2026-10-09"))) == "2026-10-08");
  CHECK(iso(calendar.before(on("2026-10-12"))) == "2026-10-10");
  CHECK(iso(business_calendar().before(on("2026-10-12"))) == "2026-10-09");
  CHECK(iso(business_calendar().before(on("2026-11-23"))) == "2026-11-20");
  CHECK(iso(business_calendar().before(on("2026-11-24"))) == "2026-11-23");
}

TEST_CASE("a weekend of all seven weekdays is rejected", "[calendar]") {
  CHECK_THROWS_MATCHES(business_calendar({}, 0x7F), input_error,
                       Message("[huikuan.calendar.1] a weekend of all seven weekdays leaves no business day"));
  CHECK_THROWS_MATCHES(business_calendar({}, 0xFF), input_error,
                       Message("[huikuan.calendar.1] a weekend of all seven weekdays leaves no business day"));
  CHECK_NOTHROW(business_calendar({}, 0x3F));
}

TEST_CASE("a negative business-day count is rejected", "[calendar]") {
  const business_calendar calendar;
  CHECK_THROWS_MATCHES(calendar.add_business_days(on("2026-11-20"), -1), input_error,
                       Message("[huikuan.calendar.2] cannot add -1 business days: the count is negative"));
  try {
    (void)calendar.add_business_days(on("2026-11-20"), -3);
    FAIL("no error");
  } catch (const input_error& error) {
    CHECK(error.id() == "huikuan.calendar.2");
  }
}

TEST_CASE("a day that is both a holiday and a worked day is rejected", "[calendar]") {
  CHECK_THROWS_MATCHES(business_calendar({on("2026-10-10")}, business_calendar::saturday_and_sunday, {on("2026-10-10")}),
                       input_error, Message("[huikuan.calendar.3] 2026-10-10 is both a holiday and a worked day"));
}

TEST_CASE("load_holidays reads holidays and worked days and reports a bad row", "[calendar][load]") {
  const auto result = load_holidays(
      "date,kind,name\n"
      "2026-10-01,holiday,National Day\n"
      "2026-10-02,,National Day\n"
      "2026-10-10,workday,调休\n"
      "2026-02-30,holiday,not a date\n"
      "2026-10-03,vacation,unknown kind\n"
      "2026-10-04,holiday\n");
  REQUIRE(result.holidays.size() == 2);
  CHECK(iso(result.holidays[0]) == "2026-10-01");
  CHECK(iso(result.holidays[1]) == "2026-10-02");
  REQUIRE(result.worked_weekend_days.size() == 1);
  CHECK(iso(result.worked_weekend_days[0]) == "2026-10-10");
  REQUIRE(result.problems.size() == 3);
  CHECK(result.problems[0].message() == "holidays.csv:5: date: [huikuan.date.2] date 2026-02-30 is not a valid date");
  CHECK(result.problems[1].message() ==
        "holidays.csv:6: kind: [huikuan.calendar.4] kind \"vacation\" is not holiday or workday");
  CHECK(result.problems[2].message() == "holidays.csv:7: [huikuan.csv.2] the row has 2 fields; the header has 3");
  CHECK(result.summary.file == "holidays.csv");
  CHECK(result.summary.present);
  CHECK(result.summary.rows_read == 6);
  CHECK(result.summary.rows_loaded == 3);
  CHECK(result.summary.rows_left_out == 3);
  CHECK(result.summary.rows_left_out_without_amount == 3);
  const business_calendar calendar(result.holidays, business_calendar::saturday_and_sunday,
                                   result.worked_weekend_days);
  CHECK(iso(calendar.add_business_days(on("2026-09-30"), 1)) == "2026-10-05");
}

TEST_CASE("load_holidays needs a date column", "[calendar][load]") {
  CHECK_THROWS_MATCHES(load_holidays("day,name\n2026-10-01,National Day\n"), input_error,
                       Message("[huikuan.load.2] holidays.csv has no date column"));
}
