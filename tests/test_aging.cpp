// Aging: bucket policies, the bulk kernel, and aging reports by customer,
// sales rep and portfolio.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "huikuan/aging.hpp"
#include "huikuan/allocation.hpp"
#include "huikuan/error.hpp"
#include "huikuan/escalation.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/load.hpp"
#include "ledger_generator.hpp"

using namespace huikuan;
using huikuan_test::make_credit_note;
using huikuan_test::make_customer;
using huikuan_test::make_invoice;
using huikuan_test::make_payment;
using huikuan_test::minor;
using huikuan_test::on;

namespace {

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

bucket_policy edges(std::vector<std::int32_t> upper_edges, aging_basis basis = aging_basis::days_past_due) {
  bucket_policy policy;
  policy.upper_edges = std::move(upper_edges);
  policy.basis = basis;
  return policy;
}

// Columns owned by the test, viewed as aging_columns.
struct kernel_input {
  std::vector<std::uint32_t> group;
  std::vector<std::int32_t> issue_day;
  std::vector<std::int32_t> due_day;
  std::vector<std::int64_t> open_amount;

  void add(std::uint32_t g, day issue, day due, std::int64_t amount) {
    group.push_back(g);
    issue_day.push_back(issue.serial());
    due_day.push_back(due.serial());
    open_amount.push_back(amount);
  }
  [[nodiscard]] aging_columns columns() const { return {group, issue_day, due_day, open_amount}; }
};

const aging_row& row_with_key(const aging_report& report, std::string_view key) {
  for (const aging_row& row : report.rows)
    if (row.key == key) return row;
  FAIL("no row " << key);
  return report.total;
}

std::vector<std::int64_t> row_buckets(const aging_report& report, std::string_view key) {
  const std::size_t width = report.policy.bucket_count();
  for (std::size_t r = 0; r < report.rows.size(); ++r)
    if (report.rows[r].key == key)
      return {report.buckets.begin() + static_cast<std::ptrdiff_t>(r * width),
              report.buckets.begin() + static_cast<std::ptrdiff_t>((r + 1) * width)};
  FAIL("no row " << key);
  return {};
}

std::vector<std::string> row_keys(const aging_report& report) {
  std::vector<std::string> keys;
  for (const aging_row& row : report.rows) keys.push_back(row.key);
  return keys;
}

}  // namespace

// ---------------------------------------------------------------- policy

TEST_CASE("the default buckets are current, 1-30, 31-60, 61-90, 91-120 and over 120", "[aging][policy]") {
  const bucket_policy policy;
  CHECK(policy.upper_edges == std::vector<std::int32_t>{0, 30, 60, 90, 120});
  CHECK(policy.basis == aging_basis::days_past_due);
  CHECK(policy.bucket_count() == 6);
  CHECK(policy.labels() == std::vector<std::string>{"current", "1-30", "31-60", "61-90", "91-120", "over 120"});
  CHECK_NOTHROW(policy.validate());
}

TEST_CASE("bucket labels name the first edge when it is not 'due on or before as_of'", "[aging][policy]") {
  CHECK(edges({0, 30}, aging_basis::days_since_invoice).labels() ==
        std::vector<std::string>{"<= 0", "1-30", "over 30"});
  CHECK(edges({30, 60}).labels() == std::vector<std::string>{"<= 30", "31-60", "over 60"});
  CHECK(edges({15}).labels() == std::vector<std::string>{"<= 15", "over 15"});
}

TEST_CASE("an age falls in the bucket whose upper edge is the first at or above it", "[aging][policy]") {
  const bucket_policy policy;
  CHECK(policy.bucket_of(std::numeric_limits<std::int32_t>::min()) == 0);
  CHECK(policy.bucket_of(-30) == 0);
  CHECK(policy.bucket_of(0) == 0);
  CHECK(policy.bucket_of(1) == 1);
  CHECK(policy.bucket_of(30) == 1);
  CHECK(policy.bucket_of(31) == 2);
  CHECK(policy.bucket_of(60) == 2);
  CHECK(policy.bucket_of(61) == 3);
  CHECK(policy.bucket_of(90) == 3);
  CHECK(policy.bucket_of(91) == 4);
  CHECK(policy.bucket_of(120) == 4);
  CHECK(policy.bucket_of(121) == 5);
  CHECK(policy.bucket_of(std::numeric_limits<std::int32_t>::max()) == 5);
}

TEST_CASE("custom bucket edges may be negative and few", "[aging][policy]") {
  const bucket_policy policy = edges({-10, 7});
  CHECK_NOTHROW(policy.validate());
  CHECK(policy.bucket_count() == 3);
  CHECK(policy.bucket_of(-11) == 0);
  CHECK(policy.bucket_of(-10) == 0);
  CHECK(policy.bucket_of(-9) == 1);
  CHECK(policy.bucket_of(7) == 1);
  CHECK(policy.bucket_of(8) == 2);
}

TEST_CASE("an invalid bucket policy is rejected with its edges quoted", "[aging][policy]") {
  CHECK_THROWS_MATCHES(edges({}).validate(), input_error,
                       Catch::Message("[huikuan.aging.1] bucket edges {} must number 1 to 31"));
  std::vector<std::int32_t> many;
  for (std::int32_t e = 0; e < 32; ++e) many.push_back(e);
  CHECK_THROWS_MATCHES(edges(many).validate(), input_error,
                       Catch::Message("[huikuan.aging.1] bucket edges {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, "
                                      "15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31} must "
                                      "number 1 to 31"));
  many.pop_back();
  CHECK_NOTHROW(edges(many).validate());
  CHECK_THROWS_MATCHES(edges({0, 30, 30}).validate(), input_error,
                       Catch::Message("[huikuan.aging.1] bucket edges {0, 30, 30} must be strictly increasing"));
  CHECK_THROWS_MATCHES(edges({60, 30}).validate(), input_error,
                       Catch::Message("[huikuan.aging.1] bucket edges {60, 30} must be strictly increasing"));
  CHECK_THROWS_MATCHES(edges({0, 36501}).validate(), input_error,
                       Catch::Message("[huikuan.aging.1] bucket edges {0, 36501} must lie within -36500..36500 days"));
  CHECK_THROWS_MATCHES(edges({-36501}).validate(), input_error,
                       Catch::Message("[huikuan.aging.1] bucket edges {-36501} must lie within -36500..36500 days"));
  CHECK_NOTHROW(edges({-36500, 36500}).validate());
  try {
    edges({}).validate();
  } catch (const input_error& error) {
    CHECK(error.id() == "huikuan.aging.1");
    CHECK(error.field() == "buckets");
  }
}

// ---------------------------------------------------------------- kernel

TEST_CASE("the kernel puts an invoice due on as_of in the current bucket", "[aging][kernel]") {
  kernel_input input;
  const day as_of = on("2026-03-31");
  input.add(0, on("2026-03-01"), on("2026-03-31"), 100);  // due today: current
  input.add(0, on("2026-03-01"), on("2026-03-30"), 20);   // 1 day past due
  input.add(0, on("2026-01-01"), on("2026-03-01"), 3);    // 30 days
  input.add(0, on("2026-01-01"), on("2026-02-28"), 4000);  // 31 days
  input.add(0, on("2025-01-01"), on("2025-11-30"), 50000);  // 121 days
  input.add(0, on("2026-03-31"), on("2026-05-30"), 600000);  // not yet due
  std::vector<std::int64_t> out(6, 0);
  age_into_buckets(input.columns(), as_of, bucket_policy{}, 1, out);
  CHECK(out == std::vector<std::int64_t>{600100, 23, 4000, 0, 0, 50000});
}

TEST_CASE("the kernel ages by days since invoice when the policy says so", "[aging][kernel]") {
  kernel_input input;
  input.add(0, on("2026-03-01"), on("2026-03-31"), 1);  // 30 days since invoice, due today
  input.add(0, on("2026-03-31"), on("2026-03-31"), 2);  // issued today
  input.add(0, on("2025-12-01"), on("2026-03-31"), 4);  // 120 days since invoice
  std::vector<std::int64_t> out(6, 0);
  age_into_buckets(input.columns(), on("2026-03-31"), edges({0, 30, 60, 90, 120}, aging_basis::days_since_invoice), 1,
                   out);
  CHECK(out == std::vector<std::int64_t>{2, 1, 0, 0, 4, 0});
}

TEST_CASE("the kernel skips invoices issued after as_of", "[aging][kernel]") {
  kernel_input input;
  input.add(0, on("2026-04-01"), on("2026-05-01"), 999);
  input.add(0, on("2026-03-31"), on("2026-05-01"), 7);
  std::vector<std::int64_t> out(6, 0);
  age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 1, out);
  CHECK(out == std::vector<std::int64_t>{7, 0, 0, 0, 0, 0});
}

TEST_CASE("the kernel adds each row into its group's row of the output", "[aging][kernel]") {
  kernel_input input;
  input.add(2, on("2026-01-01"), on("2026-01-31"), 10);  // 59 days
  input.add(0, on("2026-01-01"), on("2026-01-31"), 20);
  input.add(2, on("2026-01-01"), on("2026-04-30"), 30);  // current
  const bucket_policy policy = edges({0, 60});
  std::vector<std::int64_t> out(9, 0);
  age_into_buckets(input.columns(), on("2026-03-31"), policy, 3, out);
  CHECK(out == std::vector<std::int64_t>{0, 20, 0, /**/ 0, 0, 0, /**/ 30, 10, 0});
}

TEST_CASE("the kernel accumulates into what the output already holds", "[aging][kernel]") {
  kernel_input input;
  input.add(0, on("2026-01-01"), on("2026-01-31"), 10);
  std::vector<std::int64_t> out{1, 2};
  age_into_buckets(input.columns(), on("2026-03-31"), edges({0}), 1, out);
  CHECK(out == std::vector<std::int64_t>{1, 12});
  age_into_buckets(input.columns(), on("2026-03-31"), edges({0}), 1, out);
  CHECK(out == std::vector<std::int64_t>{1, 22});
}

TEST_CASE("the kernel on no rows leaves the output alone", "[aging][kernel]") {
  const kernel_input input;
  std::vector<std::int64_t> out{5, 6, 7, 8, 9, 10};
  age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 1, out);
  CHECK(out == std::vector<std::int64_t>{5, 6, 7, 8, 9, 10});
  std::vector<std::int64_t> none;
  CHECK_NOTHROW(age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 0, none));
}

TEST_CASE("the kernel clamps ages far outside the edges into the first and last bucket", "[aging][kernel]") {
  kernel_input input;
  input.add(0, day(-200'000), day(-200'000), 1);       // 1422: about 220,000 days past due
  input.add(0, day(2'900'000), day(2'900'000), 2);     // 9909, but issued after as_of
  input.add(0, on("2026-03-01"), day(2'900'000), 4);   // due in 9909
  std::vector<std::int64_t> out(3, 0);
  age_into_buckets(input.columns(), on("2026-03-31"), edges({-5, 5}), 1, out);
  CHECK(out == std::vector<std::int64_t>{4, 0, 1});
}

TEST_CASE("the kernel rejects columns of different lengths", "[aging][kernel]") {
  kernel_input input;
  input.add(0, on("2026-01-01"), on("2026-01-31"), 10);
  input.add(0, on("2026-01-01"), on("2026-01-31"), 10);
  input.add(0, on("2026-01-01"), on("2026-01-31"), 10);
  std::vector<std::int64_t> out(6, 0);
  aging_columns columns = input.columns();
  columns.group = columns.group.first(2);
  CHECK_THROWS_MATCHES(age_into_buckets(columns, on("2026-03-31"), bucket_policy{}, 1, out), input_error,
                       Catch::Message("[huikuan.aging.2] aging columns differ in length: group 2, issue_day 3, "
                                      "due_day 3, open_amount 3"));
  columns = input.columns();
  columns.open_amount = columns.open_amount.first(1);
  CHECK_THROWS_MATCHES(age_into_buckets(columns, on("2026-03-31"), bucket_policy{}, 1, out), input_error,
                       Catch::Message("[huikuan.aging.2] aging columns differ in length: group 3, issue_day 3, "
                                      "due_day 3, open_amount 1"));
  CHECK(out == std::vector<std::int64_t>(6, 0));
}

TEST_CASE("the kernel rejects an output of the wrong size", "[aging][kernel]") {
  kernel_input input;
  input.add(0, on("2026-01-01"), on("2026-01-31"), 10);
  std::vector<std::int64_t> out(5, 0);
  CHECK_THROWS_MATCHES(age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 1, out), input_error,
                       Catch::Message("[huikuan.aging.2] output holds 5 cells; 1 groups x 6 buckets need 6"));
  std::vector<std::int64_t> bigger(13, 0);
  CHECK_THROWS_MATCHES(age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 2, bigger), input_error,
                       Catch::Message("[huikuan.aging.2] output holds 13 cells; 2 groups x 6 buckets need 12"));
}

TEST_CASE("the kernel rejects a group index out of range", "[aging][kernel]") {
  kernel_input input;
  input.add(0, on("2026-01-01"), on("2026-01-31"), 10);
  input.add(2, on("2026-01-01"), on("2026-01-31"), 10);
  std::vector<std::int64_t> out(12, 0);
  CHECK_THROWS_MATCHES(age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 2, out), input_error,
                       Catch::Message("[huikuan.aging.3] row 1: group 2 is out of range (groups: 2)"));
}

TEST_CASE("the kernel rejects a group index out of range on the prefetching path", "[aging][kernel]") {
  kernel_input input;
  for (int i = 0; i < 40; ++i) input.add(i == 3 ? 7u : 0u, on("2026-01-01"), on("2026-01-31"), 10);
  std::vector<std::int64_t> out(6, 0);
  CHECK_THROWS_MATCHES(age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 1, out), input_error,
                       Catch::Message("[huikuan.aging.3] row 3: group 7 is out of range (groups: 1)"));
}

TEST_CASE("the kernel on several threads keeps a table per extra thread in the workspace", "[aging][kernel][threads]") {
  kernel_input input;
  for (std::uint32_t i = 0; i < 1000; ++i) input.add(i % 3, on("2026-01-01"), on("2026-01-31"), 100 + i);
  std::vector<std::int64_t> one(18, 0), many(18, 0);
  age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 3, one);
  aging_workspace workspace;
  SECTION("too few rows for a second thread: no table") {
    age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 3, many, 4, workspace);
    CHECK(many == one);
    CHECK(workspace.bytes() == 0);
  }
  SECTION("one thread asked for: no table") {
    age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 3, many, 1, workspace, 1);
    CHECK(many == one);
    CHECK(workspace.bytes() == 0);
  }
  SECTION("four threads of 250 rows: three tables of 3 x 6 cells") {
    age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 3, many, 4, workspace, 250);
    CHECK(many == one);
    CHECK(workspace.bytes() == 3 * 18 * sizeof(std::int64_t));
    // A second call with fewer threads reuses the tables; release gives them back.
    std::fill(many.begin(), many.end(), 0);
    age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 3, many, 2, workspace, 250);
    CHECK(many == one);
    CHECK(workspace.bytes() == 3 * 18 * sizeof(std::int64_t));
    workspace.release();
    CHECK(workspace.bytes() == 0);
  }
  SECTION("more threads than rows allow: one per 300 rows") {
    age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 3, many, 16, workspace, 300);
    CHECK(many == one);
    CHECK(workspace.bytes() == 2 * 18 * sizeof(std::int64_t));
  }
  SECTION("rows fewer than half the cells: one thread") {
    std::vector<std::int64_t> wide(1000 * 6, 0), wide_one(1000 * 6, 0);
    age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 1000, wide_one);
    age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 1000, wide, 4, workspace, 1);
    CHECK(wide == wide_one);
    CHECK(workspace.bytes() == 0);
  }
}

TEST_CASE("the kernel on several threads checks its arguments as on one", "[aging][kernel][threads]") {
  kernel_input input;
  input.add(0, on("2026-01-01"), on("2026-01-31"), 10);
  input.add(0, on("2026-01-01"), on("2026-01-31"), 10);
  input.add(5, on("2026-01-01"), on("2026-01-31"), 10);
  aging_workspace workspace;
  std::vector<std::int64_t> out(13, 0);
  CHECK_THROWS_MATCHES(age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 2, out, 2, workspace, 1),
                       input_error, Catch::Message("[huikuan.aging.2] output holds 13 cells; 2 groups x 6 buckets need 12"));
  out.resize(12);
  CHECK_THROWS_MATCHES(age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 2, out, 2, workspace, 1),
                       input_error, Catch::Message("[huikuan.aging.3] row 2: group 5 is out of range (groups: 2)"));
  CHECK_THROWS_MATCHES(age_into_buckets(input.columns(), on("2026-03-31"), edges({30, 30}), 2, out, 2, workspace, 1),
                       input_error, Catch::Message("[huikuan.aging.1] bucket edges {30, 30} must be strictly increasing"));
}

TEST_CASE("the kernel on several threads throws when the total of its tables leaves int64", "[aging][kernel][threads]") {
  // Each thread's sum fits; only their total does not.
  kernel_input input;
  for (int i = 0; i < 4; ++i) input.add(0, on("2026-01-01"), on("2026-01-31"), int64_max / 4 + 1);
  aging_workspace workspace;
  std::vector<std::int64_t> out(6, 0);
  CHECK_THROWS_MATCHES(age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 1, out, 2, workspace, 1),
                       overflow_error,
                       Catch::Message("[huikuan.money.5] an aging bucket's sum leaves the int64 range of minor units"));
  CHECK(workspace.bytes() == 6 * sizeof(std::int64_t));
}

TEST_CASE("a bucket sum beyond INT64_MAX throws overflow_error", "[aging][kernel]") {
  const auto overflow_message =
      Catch::Message("[huikuan.money.5] an aging bucket's sum leaves the int64 range of minor units");
  SECTION("two rows in one bucket") {
    kernel_input input;
    input.add(0, on("2026-01-01"), on("2026-01-31"), int64_max);
    input.add(0, on("2026-01-01"), on("2026-01-31"), 1);
    std::vector<std::int64_t> out(6, 0);
    CHECK_THROWS_MATCHES(age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 1, out), overflow_error,
                         overflow_message);
  }
  SECTION("one row on top of what the output already holds") {
    kernel_input input;
    input.add(0, on("2026-01-01"), on("2026-01-31"), 2);
    std::vector<std::int64_t> out{0, 0, int64_max - 1, 0, 0, 0};
    CHECK_THROWS_MATCHES(age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 1, out), overflow_error,
                         overflow_message);
  }
  SECTION("many rows on the prefetching path") {
    kernel_input input;
    for (int i = 0; i < 40; ++i) input.add(0, on("2026-01-01"), on("2026-01-31"), int64_max / 39);
    std::vector<std::int64_t> out(6, 0);
    CHECK_THROWS_MATCHES(age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 1, out), overflow_error,
                         overflow_message);
  }
  SECTION("but not when the sum reaches INT64_MAX exactly") {
    kernel_input input;
    input.add(0, on("2026-01-01"), on("2026-01-31"), int64_max - 1);
    input.add(0, on("2026-01-01"), on("2026-01-31"), 1);
    std::vector<std::int64_t> out(6, 0);
    CHECK_NOTHROW(age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 1, out));
    CHECK(out[2] == int64_max);
  }
  SECTION("nor when large amounts fall in different buckets or groups") {
    kernel_input input;
    input.add(0, on("2026-01-01"), on("2026-01-31"), int64_max);
    input.add(0, on("2026-01-01"), on("2026-04-30"), int64_max);
    input.add(1, on("2026-01-01"), on("2026-01-31"), int64_max);
    std::vector<std::int64_t> out(12, 0);
    CHECK_NOTHROW(age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 2, out));
    CHECK(out == std::vector<std::int64_t>{int64_max, 0, int64_max, 0, 0, 0, 0, 0, int64_max, 0, 0, 0});
  }
  SECTION("nor for a huge invoice issued after as_of") {
    kernel_input input;
    input.add(0, on("2026-01-01"), on("2026-01-31"), int64_max);
    input.add(0, on("2026-04-01"), on("2026-01-31"), int64_max);
    std::vector<std::int64_t> out(6, 0);
    CHECK_NOTHROW(age_into_buckets(input.columns(), on("2026-03-31"), bucket_policy{}, 1, out));
  }
}

// ---------------------------------------------------------------- reports

namespace {

// Two reps; C2's invoice INV-22 is handled by "Rep C" instead of its rep.
// As of 2026-03-31 (days past due in brackets):
//   C1 (Rep A): INV-11 1000 due 2026-01-30 [60], INV-12 300 due 2026-03-31 [0]
//   C2 (Rep B): INV-21 2000 due 2025-11-01 [150], paid 500; INV-22 700 due
//               2026-03-21 [10] (Rep C); payment P-22 overpays INV-22 by 50,
//               which goes to INV-21 (open 1450)
//   C3 (Rep A): nothing open, 90 unapplied
//   C4 (Rep B): nothing at all
//   C5 (Rep A): INV-51 issued 2026-04-02, after as_of
ledger report_ledger() {
  ledger book;
  book.add_customer(make_customer("C1", "Rep A"));
  book.add_customer(make_customer("C2", "Rep B"));
  book.add_customer(make_customer("C3", "Rep A"));
  book.add_customer(make_customer("C4", "Rep B"));
  book.add_customer(make_customer("C5", "Rep A"));
  book.add_invoice(make_invoice("INV-11", "C1", "2026-01-01", "2026-01-30", 1000));
  book.add_invoice(make_invoice("INV-12", "C1", "2026-03-01", "2026-03-31", 300));
  book.add_invoice(make_invoice("INV-21", "C2", "2025-10-01", "2025-11-01", 2000));
  book.add_invoice(make_invoice("INV-22", "C2", "2026-02-19", "2026-03-21", 700, "Rep C"));
  book.add_invoice(make_invoice("INV-51", "C5", "2026-04-02", "2026-05-02", 5));
  book.add_payment(make_payment("P-21", "C2", "2025-12-01", 500, "INV-21"));
  book.add_payment(make_payment("P-22", "C2", "2026-02-20", 750, "INV-22"));
  book.add_payment(make_payment("P-3", "C3", "2026-01-01", 90));
  return book;
}

}  // namespace

TEST_CASE("an aging report by customer has a row per customer with open items or unapplied credit",
          "[aging][report]") {
  const ledger book = report_ledger();
  const receivables_position position = allocate(book, on("2026-03-31"));
  const aging_report report = age_receivables(book, position);
  CHECK(report.as_of == on("2026-03-31"));
  CHECK(report.grouping == aging_grouping::customer);
  REQUIRE(row_keys(report) == std::vector<std::string>{"C1", "C2", "C3"});

  const aging_row& c1 = row_with_key(report, "C1");
  CHECK(c1.name == "Customer C1");
  CHECK(c1.sales_rep == "Rep A");
  CHECK(c1.open == minor(1300));
  CHECK(c1.overdue == minor(1000));
  CHECK(c1.unapplied == money{});
  CHECK(c1.net == minor(1300));
  CHECK(c1.open_invoices == 2);
  CHECK(c1.oldest_days_past_due == 60);
  CHECK(c1.weighted_days_past_due == 60.0);
  CHECK(c1.stage == 2);  // yellow: 41-60
  CHECK(row_buckets(report, "C1") == std::vector<std::int64_t>{300, 0, 1000, 0, 0, 0});

  const aging_row& c2 = row_with_key(report, "C2");
  CHECK(c2.open == minor(1450));
  CHECK(c2.overdue == minor(1450));
  CHECK(c2.open_invoices == 1);
  CHECK(c2.oldest_days_past_due == 150);
  CHECK(c2.stage == 4);  // stop after-sales service: 121-180
  CHECK(row_buckets(report, "C2") == std::vector<std::int64_t>{0, 0, 0, 0, 0, 1450});

  const aging_row& c3 = row_with_key(report, "C3");
  CHECK(c3.open == money{});
  CHECK(c3.unapplied == minor(90));
  CHECK(c3.net == minor(-90));
  CHECK(c3.open_invoices == 0);
  CHECK_FALSE(c3.oldest_days_past_due.has_value());
  CHECK(c3.weighted_days_past_due == 0.0);
  CHECK(c3.stage == 0);
  CHECK(row_buckets(report, "C3") == std::vector<std::int64_t>(6, 0));

  CHECK(report.total.key == "total");
  CHECK(report.total.open == minor(2750));
  CHECK(report.total.unapplied == minor(90));
  CHECK(report.total.net == minor(2660));
  CHECK(report.total.overdue == minor(2450));
  CHECK(report.total.open_invoices == 3);
  CHECK(report.total.oldest_days_past_due == 150);
  CHECK(report.total.stage == 4);
  CHECK(report.total_buckets == std::vector<std::int64_t>{300, 0, 1000, 0, 0, 1450});
  CHECK(report.bucket(1, 5) == minor(1450));
}

TEST_CASE("weighted days past due weights overdue items by their open amounts", "[aging][report]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("INV-1", "C1", "2026-01-01", "2026-03-21", 100));  // 10 days
  book.add_invoice(make_invoice("INV-2", "C1", "2026-01-01", "2026-03-01", 300));  // 30 days
  book.add_invoice(make_invoice("INV-3", "C1", "2026-01-01", "2026-04-30", 5000));  // not due: not weighted
  const aging_report report = age_receivables(book, allocate(book, on("2026-03-31")));
  REQUIRE(report.rows.size() == 1);
  CHECK(report.rows[0].weighted_days_past_due == Approx(25.0).epsilon(1e-15));
  CHECK(report.rows[0].overdue == minor(400));
  CHECK(report.rows[0].oldest_days_past_due == 30);
  CHECK(report.rows[0].stage == 1);  // blue
}

TEST_CASE("the oldest days past due of a row with only invoices not yet due is negative", "[aging][report]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("INV-1", "C1", "2026-03-01", "2026-04-10", 100));
  book.add_invoice(make_invoice("INV-2", "C1", "2026-03-01", "2026-04-20", 100));
  const aging_report report = age_receivables(book, allocate(book, on("2026-03-31")));
  REQUIRE(report.rows.size() == 1);
  CHECK(report.rows[0].oldest_days_past_due == -10);
  CHECK(report.rows[0].overdue == money{});
  CHECK(report.rows[0].weighted_days_past_due == 0.0);
  CHECK(report.rows[0].stage == 0);
}

TEST_CASE("an aging report by sales rep follows the invoice's own rep over the customer's", "[aging][report]") {
  const ledger book = report_ledger();
  const aging_report report = age_receivables(book, allocate(book, on("2026-03-31")), {}, aging_grouping::sales_rep);
  // Reps with something open or on account, in byte order: Rep C's only
  // invoice is settled, so Rep C has no row.
  REQUIRE(row_keys(report) == std::vector<std::string>{"Rep A", "Rep B"});
  CHECK(row_with_key(report, "Rep A").open == minor(1300));
  CHECK(row_with_key(report, "Rep A").unapplied == minor(90));  // C3's credit
  CHECK(row_with_key(report, "Rep A").name.empty());
  CHECK(row_with_key(report, "Rep B").open == minor(1450));
  CHECK(row_buckets(report, "Rep B") == std::vector<std::int64_t>{0, 0, 0, 0, 0, 1450});
  CHECK(report.total.open == minor(2750));
  CHECK(report.total_buckets == std::vector<std::int64_t>{300, 0, 1000, 0, 0, 1450});

  // With INV-22 short-paid instead, the open part is Rep C's.
  ledger other = report_ledger();
  other.add_invoice(make_invoice("INV-23", "C2", "2026-03-01", "2026-03-11", 40, "Rep C"));
  const aging_report second = age_receivables(other, allocate(other, on("2026-03-31")), {}, aging_grouping::sales_rep);
  CHECK(row_with_key(second, "Rep C").open == minor(40));
  CHECK(row_with_key(second, "Rep C").oldest_days_past_due == 20);
  CHECK(row_buckets(second, "Rep C") == std::vector<std::int64_t>{0, 40, 0, 0, 0, 0});
  CHECK(row_with_key(second, "Rep B").open == minor(1450));
}

TEST_CASE("an aging report of the portfolio has one row equal to the total", "[aging][report]") {
  const ledger book = report_ledger();
  const aging_report report = age_receivables(book, allocate(book, on("2026-03-31")), {}, aging_grouping::portfolio);
  REQUIRE(row_keys(report) == std::vector<std::string>{"portfolio"});
  CHECK(report.rows[0].open == report.total.open);
  CHECK(report.rows[0].unapplied == minor(90));
  CHECK(report.rows[0].oldest_days_past_due == 150);
  CHECK(report.buckets == report.total_buckets);
  CHECK(report.total_buckets == std::vector<std::int64_t>{300, 0, 1000, 0, 0, 1450});
}

TEST_CASE("an aging report with custom edges and days since invoice", "[aging][report]") {
  const ledger book = report_ledger();
  const bucket_policy policy = edges({30, 90, 180}, aging_basis::days_since_invoice);
  const aging_report report = age_receivables(book, allocate(book, on("2026-03-31")), policy);
  // Days since invoice: INV-11 89, INV-12 30, INV-21 181.
  CHECK(row_buckets(report, "C1") == std::vector<std::int64_t>{300, 1000, 0, 0});
  CHECK(row_buckets(report, "C2") == std::vector<std::int64_t>{0, 0, 0, 1450});
  // Days past due still drive overdue, oldest and the stage.
  CHECK(row_with_key(report, "C1").oldest_days_past_due == 60);
  CHECK(report.policy.labels() == std::vector<std::string>{"<= 30", "31-90", "91-180", "over 180"});
}

TEST_CASE("an aging report uses the ladder it is given for the row's stage", "[aging][report]") {
  const ledger book = report_ledger();
  escalation_ladder ladder;
  ladder.stages = {{"fine", "green", std::numeric_limits<std::int32_t>::min(), ""}, {"late", "red", 100, ""}};
  const aging_report report = age_receivables(book, allocate(book, on("2026-03-31")), {}, aging_grouping::customer,
                                              ladder);
  CHECK(row_with_key(report, "C1").stage == 0);
  CHECK(row_with_key(report, "C2").stage == 1);
  CHECK(report.ladder.stages.size() == 2);
}

TEST_CASE("an aging report rejects a position of another ledger", "[aging][report]") {
  const ledger book = report_ledger();
  ledger smaller;
  smaller.add_customer(make_customer("X"));
  const receivables_position foreign = allocate(smaller, on("2026-03-31"));
  CHECK_THROWS_MATCHES(age_receivables(book, foreign), input_error,
                       Catch::Message("[huikuan.aging.4] the position does not belong to this ledger (0 invoices, 1 "
                                      "customers; the ledger has 5 and 5)"));
}

TEST_CASE("an aging report rejects an invalid policy or ladder", "[aging][report]") {
  const ledger book = report_ledger();
  const receivables_position position = allocate(book, on("2026-03-31"));
  CHECK_THROWS_MATCHES(age_receivables(book, position, edges({30, 10})), input_error,
                       Catch::Message("[huikuan.aging.1] bucket edges {30, 10} must be strictly increasing"));
  CHECK_THROWS_MATCHES(age_receivables(book, position, {}, aging_grouping::customer, escalation_ladder{}), input_error,
                       Catch::Message("[huikuan.escalation.1] the ladder has no stages"));
}

TEST_CASE("the stage of every open invoice comes from its days past due", "[aging][report]") {
  const ledger book = report_ledger();
  const receivables_position position = allocate(book, on("2026-03-31"));
  // INV-11 60 days (yellow), INV-12 0 (green), INV-21 150 (stop service),
  // INV-22 settled, INV-51 not issued.
  CHECK(invoice_stages(book, position) == std::vector<std::size_t>{2, 0, 4, 0, 0});
  const receivables_position later = allocate(book, on("2026-05-01"));
  // 91, 31, 181, settled, not yet due.
  CHECK(invoice_stages(book, later) == std::vector<std::size_t>{3, 1, 5, 0, 0});
}

// Known problem: reps are collected from every customer and every invoice of
// the ledger, including invoices issued after as_of, so adding a later
// invoice with a new rep adds an empty row to a past report (the as-of
// report is not reproducible). Remove  once fixed.
TEST_CASE("an aging report by sales rep has no row for a rep who appears only on invoices issued after as_of",
          "[aging][report]") {
  ledger book;
  book.add_customer(make_customer("C1", "Rep A"));
  book.add_invoice(make_invoice("INV-1", "C1", "2026-01-01", "2026-01-31", 100));
  const aging_report before = age_receivables(book, allocate(book, on("2026-03-31")), {}, aging_grouping::sales_rep);
  book.add_invoice(make_invoice("INV-2", "C1", "2026-04-10", "2026-05-10", 100, "Rep Z"));
  const aging_report after = age_receivables(book, allocate(book, on("2026-03-31")), {}, aging_grouping::sales_rep);
  CHECK(row_keys(before) == std::vector<std::string>{"Rep A"});
  CHECK(row_keys(after) == row_keys(before));
}

// Known problem: age_into_buckets validates only the number of edges, so
// edges out of order are aged silently (differently from bucket_of).
// Remove  once the kernel validates the whole policy.
TEST_CASE("the kernel rejects bucket edges that are not strictly increasing", "[aging][kernel]") {
  kernel_input input;
  input.add(0, on("2026-01-01"), on("2026-01-31"), 10);
  std::vector<std::int64_t> out(3, 0);
  CHECK_THROWS_MATCHES(age_into_buckets(input.columns(), on("2026-03-31"), edges({30, 10}), 1, out), input_error,
                       Catch::Message("[huikuan.aging.1] bucket edges {30, 10} must be strictly increasing"));
}

TEST_CASE("the kernel rejects a policy without edges or with more than 31", "[aging][kernel]") {
  kernel_input input;
  input.add(0, on("2026-01-01"), on("2026-01-31"), 10);
  std::vector<std::int64_t> out(1, 0);
  CHECK_THROWS_MATCHES(age_into_buckets(input.columns(), on("2026-03-31"), edges({}), 1, out), input_error,
                       Catch::Message("[huikuan.aging.1] bucket edges {} must number 1 to 31"));
  std::vector<std::int32_t> many;
  for (std::int32_t e = 0; e < 32; ++e) many.push_back(e * 2);
  std::vector<std::int64_t> wide(33, 0);
  CHECK_THROWS_WITH(age_into_buckets(input.columns(), on("2026-03-31"), edges(many), 1, wide),
                    Catch::StartsWith("[huikuan.aging.1] bucket edges {0, 2, 4,") && Catch::EndsWith("must number 1 to 31"));
}

TEST_CASE("the kernel with 31 edges ages like bucket_of", "[aging][kernel]") {
  std::vector<std::int32_t> many;
  for (std::int32_t e = 0; e < 31; ++e) many.push_back(e * 10 - 50);
  const bucket_policy policy = edges(many);
  kernel_input input;
  const day as_of = on("2026-03-31");
  for (std::int32_t age = -70; age <= 280; ++age) input.add(0, as_of - days(400), as_of - days(age), age + 100);
  std::vector<std::int64_t> out(32, 0), expected(32, 0);
  for (std::int32_t age = -70; age <= 280; ++age) expected[policy.bucket_of(age)] += age + 100;
  age_into_buckets(input.columns(), as_of, policy, 1, out);
  CHECK(out == expected);
}

TEST_CASE("aging the good fixture gives the hand-computed buckets", "[aging][data]") {
  const load_result loaded = load_ledger_directory(HUIKUAN_TEST_DATA "/good");
  REQUIRE(loaded.clean());
  const ledger& book = loaded.book;
  const receivables_position position = allocate(book, on("2026-03-31"));
  const aging_report report = age_receivables(book, position);

  REQUIRE(row_keys(report) == std::vector<std::string>{"G001", "G002", "G003"});
  CHECK(row_with_key(report, "G001").name == "上海华联贸易有限公司");
  CHECK(row_with_key(report, "G001").open == minor(852100));
  CHECK(row_buckets(report, "G001") == std::vector<std::int64_t>{432100, 0, 420000, 0, 0, 0});
  CHECK(row_with_key(report, "G001").unapplied == money{});
  CHECK(row_with_key(report, "G002").name == "Smith, Jones & Co");
  CHECK(row_with_key(report, "G002").open == minor(180000));
  CHECK(row_buckets(report, "G002") == std::vector<std::int64_t>{180000, 0, 0, 0, 0, 0});
  CHECK(row_with_key(report, "G002").unapplied == minor(46544));
  CHECK(row_with_key(report, "G002").net == minor(133456));
  CHECK(row_with_key(report, "G003").open == minor(1775000));
  CHECK(row_buckets(report, "G003") == std::vector<std::int64_t>{0, 125000, 0, 700000, 450000, 500000});
  CHECK(row_with_key(report, "G003").unapplied == money{});
  CHECK(row_with_key(report, "G003").oldest_days_past_due == 157);
  CHECK(row_with_key(report, "G003").open_invoices == 4);

  CHECK(report.total.open == minor(2807100));
  CHECK(report.total_buckets == std::vector<std::int64_t>{612100, 125000, 420000, 700000, 450000, 500000});
  CHECK(report.total.unapplied == minor(46544));
  CHECK(report.total.net == minor(2760556));
  CHECK(report.total.open_invoices == 7);

  // GI-103 is 李娜's (invoice-level override of 王伟); rows in byte order.
  const aging_report by_rep = age_receivables(book, position, {}, aging_grouping::sales_rep);
  REQUIRE(row_keys(by_rep) == std::vector<std::string>{"Emily Chen", "John Carter", "李娜", "王伟"});
  CHECK(row_buckets(by_rep, "李娜") == std::vector<std::int64_t>{432100, 0, 0, 0, 0, 0});
  CHECK(row_buckets(by_rep, "王伟") == std::vector<std::int64_t>{0, 0, 420000, 0, 0, 0});
  CHECK(row_with_key(by_rep, "Emily Chen").unapplied == minor(46544));
  CHECK(row_with_key(by_rep, "John Carter").open == minor(1775000));
  CHECK(by_rep.total_buckets == report.total_buckets);
}

TEST_CASE("the sample portfolio ages into the independently computed buckets", "[aging][sample]") {
  const load_result loaded = load_ledger_directory(HUIKUAN_SAMPLE_DATA);
  const receivables_position position = allocate(loaded.book, on("2026-10-31"));
  for (const aging_grouping grouping : {aging_grouping::customer, aging_grouping::sales_rep, aging_grouping::portfolio}) {
    const aging_report report = age_receivables(loaded.book, position, {}, grouping);
    CHECK(report.total.open == minor(1598844205));
    CHECK(report.total_buckets ==
          std::vector<std::int64_t>{688047384, 213876677, 133646149, 105628806, 34998203, 422646986});
    CHECK(report.total.unapplied == minor(7210717));
  }
}
