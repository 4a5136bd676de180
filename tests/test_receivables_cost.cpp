// What receivables cost: simple interest under a named day count, late-
// payment interest across partial payments (each interval between payments
// on what was then outstanding), the carrying cost of open balances over a
// period, every error pinned, and both against a day-by-day reference on
// generated ledgers.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "huikuan/allocation.hpp"
#include "huikuan/error.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/receivables_cost.hpp"
#include "ledger_generator.hpp"

using namespace huikuan;
using huikuan_test::make_credit_note;
using huikuan_test::make_customer;
using huikuan_test::make_invoice;
using huikuan_test::make_payment;
using huikuan_test::minor;
using huikuan_test::on;

namespace {

const basis_points eight_percent{800};

// C1: I1 10,000.00 due 2026-01-31, paid 4,000.00 on 02-10 and 6,000.00 on 02-20.
// C2: I2 5,000.00 due 2026-01-31, paid on the due date; I3 3,000.00 due
//     2026-02-10, 1,000.00 paid early on 02-01 and a cheque for 2,000.00
//     that bounced on 02-12; I4 issued after the dates looked at.
ledger late_payers() {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_customer(make_customer("C2"));
  book.add_invoice(make_invoice("I1", "C1", "2026-01-01", "2026-01-31", 1'000'000));
  book.add_invoice(make_invoice("I2", "C2", "2026-01-01", "2026-01-31", 500'000));
  book.add_invoice(make_invoice("I3", "C2", "2026-01-11", "2026-02-10", 300'000));
  book.add_invoice(make_invoice("I4", "C2", "2026-06-01", "2026-07-01", 999'999));
  book.add_payment(make_payment("P1", "C1", "2026-02-10", 400'000, "I1"));
  book.add_payment(make_payment("P2", "C1", "2026-02-20", 600'000, "I1"));
  book.add_payment(make_payment("P3", "C2", "2026-01-31", 500'000, "I2"));
  book.add_payment(make_payment("P4", "C2", "2026-02-01", 100'000, "I3"));
  book.add_payment(make_payment("P5", "C2", "2026-02-12", 200'000, "I3", payment_status::bounced, payment_method::cheque));
  return book;
}

}  // namespace

TEST_CASE("simple interest is outstanding x rate x days over the days in the year, rounded half up", "[cost]") {
  // 10,000.00 x 8% x 10 / 365 = 21.9178...
  CHECK(simple_interest(minor(1'000'000), eight_percent, days(10)) == minor(2192));
  // Under Actual/360: 22.2222...
  CHECK(simple_interest(minor(1'000'000), eight_percent, days(10), day_count_convention::actual_360) == minor(2222));
  // A daily penalty of 0.05% (万分之五 per day) is 18.25% a year: 30 days on 10,000.00 is 150.00.
  CHECK(simple_interest(minor(1'000'000), basis_points(1825), days(30)) == minor(15'000));
  // 0.73 x 50% x 5 / 365 is exactly half a minor unit, rounded up; a hair less rounds down.
  CHECK(simple_interest(minor(73), basis_points(5000), days(5)) == minor(1));
  CHECK(simple_interest(minor(73), basis_points(4999), days(5)) == minor(0));
  CHECK(simple_interest(minor(1'000'000), eight_percent, days(0)) == minor(0));
  CHECK(simple_interest(minor(1'000'000), basis_points(0), days(400)) == minor(0));
  CHECK(to_string(day_count_convention::actual_365_fixed) == "Actual/365 (Fixed)");
  CHECK(to_string(day_count_convention::actual_360) == "Actual/360");
  CHECK(days_in_year(day_count_convention::actual_360) == 360);
}

TEST_CASE("simple interest rejects a negative rate, amount or day count", "[cost]") {
  CHECK_THROWS_MATCHES(simple_interest(minor(100), basis_points(-100), days(1)), input_error,
                       Catch::Message("[huikuan.cost.1] annual rate -1.00% is negative"));
  CHECK_THROWS_MATCHES(simple_interest(minor(10'000), eight_percent, days(-1)), input_error,
                       Catch::Message("[huikuan.cost.2] interest needs a non-negative amount and day count (got 100.00 "
                                      "for -1 days)"));
  CHECK_THROWS_MATCHES(simple_interest(minor(-1), eight_percent, days(1)), input_error,
                       Catch::Message("[huikuan.cost.2] interest needs a non-negative amount and day count (got -0.01 "
                                      "for 1 days)"));
  CHECK_THROWS_AS(simple_interest(money::from_minor_units(INT64_MAX), basis_points(1'000'000), days(3650)),
                  overflow_error);
}

TEST_CASE("late interest accrues on what is outstanding between partial payments", "[cost]") {
  const ledger book = late_payers();
  // I1: 10,000.00 for 10 days, then 6,000.00 for 10 days:
  // (1,000,000 x 10 + 600,000 x 10) x 8% / 365 = 35.0685 -> 35.07.
  const late_interest_report r = late_payment_interest(book, on("2026-02-28"), eight_percent);
  CHECK(r.as_of == on("2026-02-28"));
  CHECK(r.annual_rate == eight_percent);
  CHECK(r.convention == day_count_convention::actual_365_fixed);
  CHECK(r.invoice_interest[0] == minor(3507));
  CHECK(r.days_late[0] == 20);
  // The two intervals priced one by one give the same here: 21.92 + 13.15.
  CHECK(simple_interest(minor(1'000'000), eight_percent, days(10)) + simple_interest(minor(600'000), eight_percent, days(10)) ==
        minor(3507));
  // I2 paid on its due date: not late.
  CHECK(r.invoice_interest[1] == minor(0));
  CHECK(r.days_late[1] == 0);
  // I3: 1,000.00 paid before the due date, the bounced cheque settles
  // nothing: 2,000.00 late for 18 days: 200,000 x 18 x 8% / 365 = 7.8904 -> 7.89.
  CHECK(r.invoice_interest[2] == minor(789));
  CHECK(r.days_late[2] == 18);
  CHECK(r.invoice_interest[3] == minor(0));
  CHECK(r.days_late[3] == 0);
  CHECK(r.customer_interest == std::vector<money>{minor(3507), minor(789)});
  CHECK(r.total == minor(4296));
}

TEST_CASE("late interest as of a day between two payments counts the days up to it", "[cost]") {
  const ledger book = late_payers();
  // I1 as of 02-15: 1,000,000 x 10 + 600,000 x 5 = 13,000,000 minor-unit days -> 28.4932 -> 28.49.
  const late_interest_report r = late_payment_interest(book, on("2026-02-15"), eight_percent);
  CHECK(r.invoice_interest[0] == minor(2849));
  CHECK(r.days_late[0] == 15);
  // On the due date nothing is late yet.
  const late_interest_report due_day = late_payment_interest(book, on("2026-01-31"), eight_percent);
  CHECK(due_day.total == minor(0));
  CHECK(due_day.days_late == std::vector<std::int32_t>{0, 0, 0, 0});
  // Actual/360 on the same balances: 13,000,000 x 8% / 360 = 28.8889 -> 28.89.
  CHECK(late_payment_interest(book, on("2026-02-15"), eight_percent, day_count_convention::actual_360)
            .invoice_interest[0] == minor(2889));
}

TEST_CASE("a credit note lowers the balance that earns late interest like a payment", "[cost]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("I1", "C1", "2026-01-01", "2026-01-31", 1'000'000));
  book.add_credit_note(make_credit_note("CN1", "C1", "2026-02-05", 250'000, "I1"));
  // 10,000.00 for 5 days, 7,500.00 for 23 days to 02-28:
  // (5,000,000 + 17,250,000) x 12% / 365 = 73.1507 -> 73.15.
  const late_interest_report r = late_payment_interest(book, on("2026-02-28"), basis_points(1200));
  CHECK(r.invoice_interest[0] == minor(7315));
  CHECK(r.days_late[0] == 28);
}

TEST_CASE("late interest from a position of another ledger or at a negative rate is rejected", "[cost]") {
  const ledger book = late_payers();
  ledger other;
  other.add_customer(make_customer("X"));
  const receivables_position position = allocate(other, on("2026-02-28"));
  CHECK_THROWS_MATCHES(late_payment_interest(book, position, eight_percent), input_error,
                       Catch::Message("[huikuan.cost.4] the position does not belong to this ledger (0 invoices, 1 "
                                      "customers; the ledger has 4 and 2)"));
  CHECK_THROWS_MATCHES(late_payment_interest(book, on("2026-02-28"), basis_points(-1)), input_error,
                       Catch::Message("[huikuan.cost.1] annual rate -0.01% is negative"));
}

TEST_CASE("the carrying cost counts each day's opening balance over the period", "[cost]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_customer(make_customer("C2"));
  book.add_customer(make_customer("C3"));
  book.add_invoice(make_invoice("I1", "C1", "2026-03-01", "2026-03-31", 1'000'000));
  book.add_payment(make_payment("P1", "C1", "2026-03-31", 1'000'000, "I1"));
  book.add_invoice(make_invoice("I2", "C2", "2026-03-20", "2026-04-19", 200'000));
  const basis_points rate{435};  // 4.35% a year

  // March: I1 is carried 30 days (2nd to 31st), I2 11 days (21st to 31st).
  const carrying_cost_report march = carrying_cost(book, on("2026-03-01"), on("2026-03-31"), rate);
  CHECK(march.days_in_period == 31);
  CHECK(march.annual_rate == rate);
  // 30,000,000 x 4.35% / 365 = 35.7534 -> 35.75; 2,200,000 x 4.35% / 365 = 2.6219 -> 2.62.
  CHECK(march.cost == std::vector<money>{minor(3575), minor(262), minor(0)});
  CHECK(march.total_cost == minor(3837));
  // 30,000,000 / 31 = 9,677.4193 -> 9,677.42; 2,200,000 / 31 = 709.6774 -> 709.68.
  CHECK(march.average_balance == std::vector<money>{minor(967'742), minor(70'968), minor(0)});
  CHECK(march.total_average_balance == minor(1'038'710));

  // 15 March to 30 April: I1 on 17 days (15th to 31st), I2 on 41 days (21 March to 30 April).
  const carrying_cost_report spring = carrying_cost(book, on("2026-03-15"), on("2026-04-30"), rate);
  CHECK(spring.days_in_period == 47);
  // 17,000,000 x 4.35% / 365 = 20.2603 -> 20.26; 8,200,000 x 4.35% / 365 = 9.7726 -> 9.77.
  CHECK(spring.cost == std::vector<money>{minor(2026), minor(977), minor(0)});
  // A one-day period on the day of the payment counts the balance of that morning.
  CHECK(carrying_cost(book, on("2026-03-31"), on("2026-03-31"), rate).cost[0] == simple_interest(minor(1'000'000), rate, days(1)));
  CHECK(carrying_cost(book, on("2026-03-01"), on("2026-03-01"), rate).cost[0] == minor(0));
}

TEST_CASE("a carrying cost period that ends before it starts is rejected", "[cost]") {
  ledger book;
  CHECK_THROWS_MATCHES(carrying_cost(book, on("2026-03-31"), on("2026-03-01"), basis_points(435)), input_error,
                       Catch::Message("[huikuan.cost.3] period 2026-03-31 .. 2026-03-01 ends before it starts"));
  CHECK_THROWS_MATCHES(carrying_cost(book, on("2026-03-01"), on("2026-03-31"), basis_points(-435)), input_error,
                       Catch::Message("[huikuan.cost.1] annual rate -4.35% is negative"));
}

namespace {

// Day by day: the balance of invoice i at the start of day d is its amount
// less everything settled on it on days before d.
class opening_balances {
public:
  opening_balances(const ledger& book, const receivables_position& position)
      : invoices_(book.invoices()), issued_(position.issued), settled_(book.invoice_count()) {
    for (const settlement& s : position.settlements) settled_[s.invoice].push_back(s);
  }
  [[nodiscard]] std::int64_t at(std::size_t i, std::int32_t d) const {
    if (!issued_[i] || invoices_.issue_day[i] >= d) return 0;
    std::int64_t balance = invoices_.amount[i];
    for (const settlement& s : settled_[i])
      if (s.date.serial() < d) balance -= s.amount.minor_units();
    return balance;
  }

private:
  invoice_columns invoices_;
  std::vector<std::uint8_t> issued_;
  std::vector<std::vector<settlement>> settled_;
};

money rounded(detail::int128 balance_days, basis_points rate) {
  const detail::int128 num = balance_days * rate.count(), den = 10000 * 365;
  return money::from_minor_units(static_cast<std::int64_t>((2 * num + den) / (2 * den)));
}

}  // namespace

TEST_CASE("on generated ledgers late interest and carrying cost equal a day-by-day reference", "[cost][property]") {
  std::size_t failures = 0, invoices_checked = 0;
  std::string first_failure;
  for (std::uint64_t n = 0; n < 400; ++n) {
    const std::uint64_t seed = 0x636F'7374'0000ULL + n;
    huikuan_test::ledger_generator random(seed);
    huikuan_test::generator_config config = random.random_config();
    config.span_days = std::min(config.span_days, 240);
    const ledger book = random.generate(config);
    const day as_of = random.as_of_dates(1).front();
    const basis_points rate{static_cast<std::int32_t>(random.between(0, 3000))};
    const receivables_position position = allocate(book, as_of);
    const late_interest_report late = late_payment_interest(book, position, rate);
    const invoice_columns invoices = book.invoices();
    const opening_balances opening(book, position);
    money total;
    std::vector<money> per_customer(book.customer_count());
    for (std::size_t i = 0; i < book.invoice_count(); ++i) {
      detail::int128 balance_days = 0;
      for (std::int32_t d = invoices.due_day[i] + 1; d <= as_of.serial(); ++d)
        balance_days += opening.at(i, d);
      const money expected = rounded(balance_days, rate);
      ++invoices_checked;
      if (late.invoice_interest[i] != expected && failures++ == 0)
        first_failure = "seed " + std::to_string(seed) + " invoice " + std::to_string(i) + ": late interest " +
                        format_money(late.invoice_interest[i]) + ", reference " + format_money(expected);
      total += expected;
      per_customer[invoices.customer[i]] += expected;
    }
    if ((late.total != total || late.customer_interest != per_customer) && failures++ == 0)
      first_failure = "seed " + std::to_string(seed) + ": late interest totals";

    // Carrying cost over a period ending on as_of, per customer.
    const day from = as_of - days(static_cast<std::int32_t>(random.between(0, 120)));
    const carrying_cost_report carry = carrying_cost(book, from, as_of, rate);
    std::vector<detail::int128> customer_days(book.customer_count(), 0);
    for (std::size_t i = 0; i < book.invoice_count(); ++i)
      for (std::int32_t d = from.serial(); d <= as_of.serial(); ++d)
        customer_days[invoices.customer[i]] += opening.at(i, d);
    money carry_total;
    for (std::size_t c = 0; c < book.customer_count(); ++c) {
      carry_total += carry.cost[c];
      if (carry.cost[c] != rounded(customer_days[c], rate) && failures++ == 0)
        first_failure = "seed " + std::to_string(seed) + " customer " + std::to_string(c) + ": carrying cost";
    }
    if (carry.total_cost != carry_total && failures++ == 0) first_failure = "seed " + std::to_string(seed) + ": carry total";
  }
  INFO(first_failure);
  CHECK(failures == 0);
  CHECK(invoices_checked > 5000);
}
