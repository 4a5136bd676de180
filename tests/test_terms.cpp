// Payment terms: NET n, EOM n and DAY d, their text forms and due dates.
#include <catch2/catch.hpp>

#include <string>

#include "huikuan/terms.hpp"

using huikuan::format_date;
using huikuan::input_error;
using huikuan::parse_date;
using huikuan::parse_terms;
using huikuan::payment_terms;
using huikuan::terms_kind;
using Catch::Message;

namespace {
std::string due(const char* terms, const char* issued) {
  return format_date(parse_terms(terms).due_date(parse_date(issued)));
}
}  // namespace

TEST_CASE("default terms are NET 30", "[terms]") {
  const payment_terms terms;
  CHECK(terms.kind == terms_kind::net);
  CHECK(terms.number == 30);
  CHECK(terms.to_string() == "NET 30");
}

TEST_CASE("the three forms parse into kind and number", "[terms]") {
  CHECK(parse_terms("NET 30") == payment_terms{terms_kind::net, 30});
  CHECK(parse_terms("EOM 45") == payment_terms{terms_kind::end_of_month, 45});
  CHECK(parse_terms("DAY 10") == payment_terms{terms_kind::day_of_following_month, 10});
}

TEST_CASE("terms parse regardless of case and with or without the space", "[terms]") {
  CHECK(parse_terms("net30") == payment_terms::net(30));
  CHECK(parse_terms("Net 60") == payment_terms::net(60));
  CHECK(parse_terms("eom0") == payment_terms::end_of_month_plus(0));
  CHECK(parse_terms("day 25") == payment_terms::day_of_following_month(25));
  CHECK(parse_terms(" NET 30 ") == payment_terms::net(30));
  CHECK(parse_terms("NET  30") == payment_terms::net(30));
}

TEST_CASE("the boundaries of each number range are accepted", "[terms]") {
  CHECK(parse_terms("NET 0") == payment_terms::net(0));
  CHECK(parse_terms("NET 3650") == payment_terms::net(3650));
  CHECK(parse_terms("EOM 3650") == payment_terms::end_of_month_plus(3650));
  CHECK(parse_terms("DAY 1") == payment_terms::day_of_following_month(1));
  CHECK(parse_terms("DAY 31") == payment_terms::day_of_following_month(31));
  CHECK(parse_terms("NET 030") == payment_terms::net(30));
}

TEST_CASE("a number of days beyond 0..3650 is rejected", "[terms]") {
  CHECK_THROWS_MATCHES(parse_terms("NET 3651"), input_error,
                       Message("[huikuan.terms.2] NET 3651: days must be in 0..3650"));
  CHECK_THROWS_WITH(parse_terms("EOM 9999"), "[huikuan.terms.2] EOM 9999: days must be in 0..3650");
  CHECK_THROWS_WITH(parse_terms("net 99999"), "[huikuan.terms.2] NET 99999: days must be in 0..3650");
  CHECK_THROWS_WITH(payment_terms::net(-1), "[huikuan.terms.2] NET -1: days must be in 0..3650");
  CHECK_THROWS_WITH(payment_terms::end_of_month_plus(-5), "[huikuan.terms.2] EOM -5: days must be in 0..3650");
}

TEST_CASE("a day of the month outside 1..31 is rejected", "[terms]") {
  CHECK_THROWS_MATCHES(parse_terms("DAY 32"), input_error,
                       Message("[huikuan.terms.3] DAY 32: the day of the month must be in 1..31"));
  CHECK_THROWS_WITH(parse_terms("DAY 0"), "[huikuan.terms.3] DAY 0: the day of the month must be in 1..31");
  CHECK_THROWS_WITH(payment_terms::day_of_following_month(-3),
                    "[huikuan.terms.3] DAY -3: the day of the month must be in 1..31");
}

TEST_CASE("an unknown form is rejected with the text as given", "[terms]") {
  for (const char* text : {"COD", "", "NET", "NET -5", "NET 30 days", "2/10 NET 30", "NETT 30", "EOM+30", "DAY 1O",
                           "NET 9999999", "PIA 0", "NET\t30"}) {
    CAPTURE(text);
    CHECK_THROWS_MATCHES(parse_terms(text), input_error,
                         Message("[huikuan.terms.1] terms \"" + std::string(text) +
                                 "\" are not NET n, EOM n or DAY d"));
  }
}

TEST_CASE("a number of up to six digits is read and then checked against the range", "[terms]") {
  CHECK_THROWS_WITH(parse_terms("NET 999999"), "[huikuan.terms.2] NET 999999: days must be in 0..3650");
}

TEST_CASE("to_string gives the canonical text, and it parses back", "[terms]") {
  CHECK(parse_terms("net30").to_string() == "NET 30");
  CHECK(parse_terms("eom 030").to_string() == "EOM 30");
  CHECK(parse_terms("Day 5").to_string() == "DAY 5");
  for (const payment_terms& terms :
       {payment_terms::net(0), payment_terms::net(3650), payment_terms::end_of_month_plus(0),
        payment_terms::end_of_month_plus(90), payment_terms::day_of_following_month(1),
        payment_terms::day_of_following_month(31)}) {
    CAPTURE(terms.to_string());
    CHECK(parse_terms(terms.to_string()) == terms);
  }
}

TEST_CASE("NET n is due n days after issue, across month and year ends", "[terms]") {
  CHECK(due("NET 30", "2025-12-01") == "2025-12-31");
  CHECK(due("NET 30", "2026-01-10") == "2026-02-09");
  CHECK(due("NET 30", "2024-12-15") == "2025-01-14");
  CHECK(due("NET 30", "2024-02-01") == "2024-03-02");
  CHECK(due("NET 30", "2023-02-01") == "2023-03-03");
  CHECK(due("NET 0", "2024-02-29") == "2024-02-29");
  CHECK(due("NET 365", "2024-01-01") == "2024-12-31");
}

TEST_CASE("a due date beyond 9999-12-31 is a date error, not a day the calendar cannot show", "[terms]") {
  // Found by fuzz_cli_arguments and fuzz_ledger_loader: NET and EOM added
  // their days past the end of the calendar without a check.
  CHECK(due("NET 0", "9999-12-31") == "9999-12-31");
  CHECK(due("NET 16", "9999-12-15") == "9999-12-31");
  CHECK_THROWS_MATCHES(due("NET 17", "9999-12-15"), input_error,
                       Message("[huikuan.date.3] the due date NET 17 after 9999-12-15 is beyond 9999-12-31"));
  CHECK_THROWS_MATCHES(due("EOM 3650", "9999-11-30"), input_error,
                       Message("[huikuan.date.3] the due date EOM 3650 after 9999-11-30 is beyond 9999-12-31"));
  CHECK_THROWS_MATCHES(due("DAY 1", "9999-12-01"), input_error,
                       Message("[huikuan.date.3] the month after 9999-12-01 is beyond 9999-12-31"));
  CHECK_THROWS_MATCHES(parse_terms("NET 30").due_date(huikuan::max_supported_day + huikuan::days(1)), input_error,
                       Message("[huikuan.date.3] day number 2932897 is outside 1400-01-01 .. 9999-12-31"));
}

TEST_CASE("EOM n is due n days after the end of the issue month", "[terms]") {
  CHECK(due("EOM 30", "2025-11-20") == "2025-12-30");
  CHECK(due("EOM 30", "2026-01-15") == "2026-03-02");
  CHECK(due("EOM 30", "2026-03-25") == "2026-04-30");
  CHECK(due("EOM 0", "2024-02-01") == "2024-02-29");
  CHECK(due("EOM 0", "2023-02-28") == "2023-02-28");
  CHECK(due("EOM 30", "2024-01-31") == "2024-03-01");
  CHECK(due("EOM 30", "2023-01-31") == "2023-03-02");
  CHECK(due("EOM 15", "2024-12-05") == "2025-01-15");
}

TEST_CASE("DAY d is due on day d of the month after issue", "[terms]") {
  CHECK(due("DAY 25", "2025-09-30") == "2025-10-25");
  CHECK(due("DAY 25", "2025-11-28") == "2025-12-25");
  CHECK(due("DAY 25", "2025-12-20") == "2026-01-25");
  CHECK(due("DAY 10", "2024-01-10") == "2024-02-10");
  CHECK(due("DAY 1", "2024-12-31") == "2025-01-01");
}

TEST_CASE("DAY 31 after January falls on the last day of February", "[terms]") {
  CHECK(due("DAY 31", "2024-01-05") == "2024-02-29");
  CHECK(due("DAY 31", "2023-01-05") == "2023-02-28");
  CHECK(due("DAY 30", "2100-01-05") == "2100-02-28");
  CHECK(due("DAY 31", "2024-03-05") == "2024-04-30");
  CHECK(due("DAY 31", "2024-06-05") == "2024-07-31");
}

TEST_CASE("no terms give a due date before the issue date", "[terms]") {
  const huikuan::day start = parse_date("2023-12-01");
  for (const char* text : {"NET 0", "NET 45", "EOM 0", "EOM 30", "DAY 1", "DAY 15", "DAY 31"}) {
    const payment_terms terms = parse_terms(text);
    for (int offset = 0; offset < 500; ++offset) {
      const huikuan::day issued = start + huikuan::days(offset);
      REQUIRE(terms.due_date(issued) >= issued);
    }
  }
}
