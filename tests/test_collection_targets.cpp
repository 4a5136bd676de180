// Collection targets (回款目标管理): target, commitment, gap, measures,
// tracked phases, roll-ups by sales rep and portfolio, and targets.csv.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "huikuan/collection_targets.hpp"
#include "huikuan/error.hpp"
#include "huikuan/ledger.hpp"
#include "ledger_generator.hpp"

using huikuan::collection_measure;
using huikuan::collection_target;
using huikuan::input_error;
using huikuan::ledger;
using huikuan::load_targets;
using huikuan::payment_status;
using huikuan::phase_status;
using huikuan::target_phase;
using huikuan::target_report;
using huikuan::target_progress;
using huikuan::track_targets;
using huikuan::validate_target;
using huikuan_test::make_customer;
using huikuan_test::make_payment;
using huikuan_test::minor;
using huikuan_test::on;

namespace {

// Yuan to minor units.
constexpr std::int64_t yuan(std::int64_t amount) { return amount * 100; }

// C1 and C3 belong to 王伟, C2 to Emily Chen. C1 pays 50,000 before
// November, 60,000 on 5 November, 10,000 on 15 November, a bounced 30,000
// on 18 November and 40,000 on 25 November.
ledger book_of_payments() {
  ledger book;
  book.add_customer(make_customer("C1", "王伟"));
  book.add_customer(make_customer("C2", "Emily Chen"));
  book.add_customer(make_customer("C3", "王伟"));
  book.add_payment(make_payment("T0", "C1", "2026-10-31", yuan(50'000)));
  book.add_payment(make_payment("T1", "C1", "2026-11-05", yuan(60'000)));
  book.add_payment(make_payment("T2", "C1", "2026-11-15", yuan(10'000)));
  book.add_payment(make_payment("T3", "C1", "2026-11-18", yuan(30'000), "", payment_status::bounced));
  book.add_payment(make_payment("T4", "C1", "2026-11-25", yuan(40'000)));
  book.add_payment(make_payment("T5", "C2", "2026-11-12", yuan(30'000)));
  return book;
}

collection_target november(std::string customer_id, std::int64_t target_yuan, std::int64_t commitment_yuan = 0) {
  collection_target target;
  target.customer_id = std::move(customer_id);
  target.period_start = on("2026-11-01");
  target.period_end = on("2026-11-30");
  target.target = minor(yuan(target_yuan));
  target.commitment = minor(yuan(commitment_yuan));
  return target;
}

// C1's November: 200,000 in three phases, 50,000 by the 10th, 50,000 more
// by the 20th and 100,000 more by the 30th.
collection_target phased_target() {
  collection_target target = november("C1", 200'000, 100'000);
  target.phases = {{on("2026-11-10"), minor(yuan(50'000))},
                   {on("2026-11-20"), minor(yuan(50'000))},
                   {on("2026-11-30"), minor(yuan(100'000))}};
  return target;
}

target_report track(const ledger& book, const std::vector<collection_target>& targets, const char* as_of) {
  return track_targets(book, targets, on(as_of));
}

}  // namespace

TEST_CASE("the DOMAIN example: a gap of 100,000 less a measure expected to land 15,000 leaves 85,000", "[targets]") {
  const ledger book = book_of_payments();
  collection_target target = november("C1", 200'000, 100'000);
  target.measures.push_back({"ask for 20,000 to land 15,000", minor(yuan(15'000)), minor(yuan(20'000))});
  const target_report report = track(book, {target}, "2026-11-22");
  REQUIRE(report.targets.size() == 1);
  const auto& t = report.targets[0];
  CHECK(t.target.minor_units() == yuan(200'000));
  CHECK(t.commitment.minor_units() == yuan(100'000));
  CHECK(t.gap.minor_units() == yuan(100'000));
  CHECK(t.measures_expected.minor_units() == yuan(15'000));
  CHECK(t.remaining_gap.minor_units() == yuan(85'000));

  SECTION("a second measure expected to land 30,000 leaves 55,000 (the header's example)") {
    target.measures.push_back({"stop supply until paid", minor(yuan(30'000))});
    const target_progress second = track(book, {target}, "2026-11-22").targets[0];
    CHECK(second.measures_expected.minor_units() == yuan(45'000));
    CHECK(second.remaining_gap.minor_units() == yuan(55'000));
  }
}

TEST_CASE("a commitment at or above the target leaves no gap and measures never make it negative", "[targets]") {
  const ledger book = book_of_payments();
  collection_target generous = november("C2", 100'000, 120'000);
  collection_target covered = november("C3", 100'000, 90'000);
  covered.measures.push_back({"visit", minor(yuan(25'000))});
  const target_report report = track(book, {generous, covered}, "2026-11-22");
  CHECK(report.targets[0].gap.minor_units() == 0);
  CHECK(report.targets[0].remaining_gap.minor_units() == 0);
  CHECK(report.targets[1].gap.minor_units() == yuan(10'000));
  CHECK(report.targets[1].remaining_gap.minor_units() == 0);
}

TEST_CASE("phases are on plan, short of plan (follow-up) or upcoming as of a date", "[targets]") {
  const ledger book = book_of_payments();
  const target_report report = track(book, {phased_target()}, "2026-11-22");
  const auto& t = report.targets[0];
  REQUIRE(t.phases.size() == 3);
  CHECK(t.phases[0].status == phase_status::on_plan);
  CHECK(t.phases[0].planned_cumulative.minor_units() == yuan(50'000));
  CHECK(t.phases[0].collected_cumulative.minor_units() == yuan(60'000));
  CHECK(t.phases[0].shortfall.minor_units() == 0);
  CHECK(t.phases[1].status == phase_status::short_of_plan);
  CHECK(t.phases[1].planned_cumulative.minor_units() == yuan(100'000));
  CHECK(t.phases[1].collected_cumulative.minor_units() == yuan(70'000));
  CHECK(t.phases[1].shortfall.minor_units() == yuan(30'000));
  CHECK(t.phases[2].status == phase_status::upcoming);
  CHECK(t.phases[2].planned_cumulative.minor_units() == yuan(200'000));
  CHECK(t.phases[2].collected_cumulative.minor_units() == yuan(70'000));
  CHECK(t.phases[2].shortfall.minor_units() == 0);
  CHECK(t.planned.minor_units() == yuan(200'000));
  CHECK(t.needs_follow_up);
  CHECK(to_string(t.phases[1].status) == "short of plan");
  CHECK(to_string(phase_status::on_plan) == "on plan");
  CHECK(to_string(phase_status::upcoming) == "upcoming");
}

TEST_CASE("a phase is judged on its due date and not before", "[targets]") {
  const ledger book = book_of_payments();
  const target_progress on_the_day = track(book, {phased_target()}, "2026-11-20").targets[0];
  CHECK(on_the_day.phases[1].status == phase_status::short_of_plan);
  CHECK(on_the_day.needs_follow_up);
  const target_progress day_before = track(book, {phased_target()}, "2026-11-19").targets[0];
  CHECK(day_before.phases[0].status == phase_status::on_plan);
  CHECK(day_before.phases[1].status == phase_status::upcoming);
  CHECK_FALSE(day_before.needs_follow_up);
}

TEST_CASE("at the period end every phase is judged with all the period's cash", "[targets]") {
  const ledger book = book_of_payments();
  const target_progress t = track(book, {phased_target()}, "2026-12-15").targets[0];
  CHECK(t.collected.minor_units() == yuan(110'000));
  CHECK(t.phases[1].collected_cumulative.minor_units() == yuan(70'000));
  CHECK(t.phases[1].status == phase_status::short_of_plan);
  CHECK(t.phases[2].collected_cumulative.minor_units() == yuan(110'000));
  CHECK(t.phases[2].status == phase_status::short_of_plan);
  CHECK(t.phases[2].shortfall.minor_units() == yuan(90'000));
  CHECK(t.to_target.minor_units() == yuan(90'000));
}

TEST_CASE("collected counts only cleared payments dated in the period up to as_of", "[targets]") {
  const ledger book = book_of_payments();
  // Before the period (31 October), bounced (18 November) and after as_of
  // (25 November) are left out: 60,000 + 10,000.
  const target_progress t = track(book, {phased_target()}, "2026-11-22").targets[0];
  CHECK(t.collected.minor_units() == yuan(70'000));
  CHECK(t.to_target.minor_units() == yuan(130'000));
  CHECK(track(book, {phased_target()}, "2026-10-31").targets[0].collected.minor_units() == 0);
  CHECK(track(book, {phased_target()}, "2026-11-05").targets[0].collected.minor_units() == yuan(60'000));
}

TEST_CASE("roll-ups by sales rep and for the portfolio sum the targets", "[targets]") {
  const ledger book = book_of_payments();
  collection_target c1 = phased_target();
  c1.measures.push_back({"visit", minor(yuan(15'000))});
  const collection_target c2 = november("C2", 80'000, 20'000);
  const collection_target c3 = november("C3", 50'000);
  const target_report report = track(book, {c1, c2, c3}, "2026-11-22");
  REQUIRE(report.targets.size() == 3);
  CHECK(static_cast<std::size_t>(report.targets[0].customer) == 0);
  CHECK(static_cast<std::size_t>(report.targets[1].customer) == 1);
  CHECK(static_cast<std::size_t>(report.targets[2].customer) == 2);
  REQUIRE(report.by_sales_rep.size() == 2);
  // Byte order of the rep's name: Latin before CJK.
  const auto& emily = report.by_sales_rep[0];
  CHECK(emily.key == "Emily Chen");
  CHECK(emily.target.minor_units() == yuan(80'000));
  CHECK(emily.commitment.minor_units() == yuan(20'000));
  CHECK(emily.collected.minor_units() == yuan(30'000));
  CHECK(emily.targets == 1);
  CHECK(emily.needing_follow_up == 0);
  const auto& wang = report.by_sales_rep[1];
  CHECK(wang.key == "王伟");
  CHECK(wang.target.minor_units() == yuan(250'000));
  CHECK(wang.commitment.minor_units() == yuan(100'000));
  CHECK(wang.measures_expected.minor_units() == yuan(15'000));
  CHECK(wang.collected.minor_units() == yuan(70'000));
  CHECK(wang.targets == 2);
  CHECK(wang.needing_follow_up == 1);
  CHECK(report.portfolio.key == "portfolio");
  CHECK(report.portfolio.target.minor_units() == yuan(330'000));
  CHECK(report.portfolio.commitment.minor_units() == yuan(120'000));
  CHECK(report.portfolio.measures_expected.minor_units() == yuan(15'000));
  CHECK(report.portfolio.collected.minor_units() == yuan(100'000));
  CHECK(report.portfolio.targets == 3);
  CHECK(report.portfolio.needing_follow_up == 1);
  CHECK(report.portfolio.target == emily.target + wang.target);
  CHECK(report.portfolio.collected == emily.collected + wang.collected);
}

TEST_CASE("an invalid target is rejected with the field at fault and the values quoted", "[targets][errors]") {
  const ledger book = book_of_payments();
  CHECK(static_cast<std::size_t>(validate_target(phased_target(), book)) == 0);
  const auto rejects = [&](const collection_target& target, const std::string& message, const std::string& field) {
    try {
      (void)validate_target(target, book);
      FAIL("no error for: " << message);
    } catch (const input_error& error) {
      CHECK(std::string(error.what()) == message);
      CHECK(error.field() == field);
    }
    CHECK_THROWS_WITH(track_targets(book, std::vector<collection_target>{phased_target(), target}, on("2026-11-22")),
                      message);
  };
  collection_target t = november("C9", 100);
  rejects(t, "[huikuan.target.1] unknown customer C9", "customer_id");
  t = november("C1", 100);
  t.period_end = on("2026-10-31");
  rejects(t, "[huikuan.target.2] period ends 2026-10-31 before it starts 2026-11-01", "period");
  t = november("C1", 100);
  t.target = minor(-100);
  rejects(t, "[huikuan.target.3] target -1.00 or commitment 0.00 is negative", "amount");
  t = november("C1", 100);
  t.commitment = minor(-1);
  rejects(t, "[huikuan.target.3] target 100.00 or commitment -0.01 is negative", "amount");
  t = november("C1", 100);
  t.measures.push_back({"call the CFO", minor(0)});
  rejects(t,
          "[huikuan.target.4] measure \"call the CFO\" expects 0.00: the expected amount must be positive and no more "
          "than what is asked",
          "amount");
  t = november("C1", 100);
  t.measures.push_back({"call the CFO", minor(yuan(200)), minor(yuan(150))});
  rejects(t,
          "[huikuan.target.4] measure \"call the CFO\" expects 200.00 of 150.00 asked: the expected amount must be "
          "positive and no more than what is asked",
          "amount");
  t = november("C1", 100);
  t.phases.push_back({on("2026-11-10"), minor(0)});
  rejects(t, "[huikuan.target.5] phase amount 0.00 is not positive", "amount");
  t = november("C1", 100);
  t.phases.push_back({on("2026-12-01"), minor(1)});
  rejects(t, "[huikuan.target.6] phase due 2026-12-01 is outside the period 2026-11-01 .. 2026-11-30", "due_date");
  t = november("C1", 100);
  t.phases.push_back({on("2026-10-31"), minor(1)});
  rejects(t, "[huikuan.target.6] phase due 2026-10-31 is outside the period 2026-11-01 .. 2026-11-30", "due_date");
  t = november("C1", 100);
  t.phases = {{on("2026-11-10"), minor(1)}, {on("2026-11-10"), minor(1)}};
  rejects(t, "[huikuan.target.6] phase due 2026-11-10 is not after the previous phase due 2026-11-10", "due_date");

  // The boundaries are accepted.
  t = november("C1", 0);
  t.measures.push_back({"asked exactly what is expected", minor(5), minor(5)});
  t.phases = {{on("2026-11-01"), minor(1)}, {on("2026-11-30"), minor(1)}};
  CHECK_NOTHROW(validate_target(t, book));
}

// ---------------------------------------------------------------- targets.csv

namespace {
const char* const targets_header = "customer_id,period,kind,amount,due_date,description,asked\n";

std::vector<std::string> messages(const huikuan::targets_load_result& result) {
  std::vector<std::string> all;
  for (const auto& problem : result.problems) all.push_back(problem.message());
  return all;
}
}  // namespace

TEST_CASE("load_targets gathers the rows of one customer and month into one target", "[targets][load]") {
  const ledger book = book_of_payments();
  const auto result = load_targets(std::string(targets_header) +
                                       "C1,2026-11,target,200000,,,\n"
                                       "C1,2026-11,commitment,100000,,,\n"
                                       "C2,2026-12,target,80000,,,\n"
                                       "C1,2026-11,measure,15000,,call the CFO,20000\n"
                                       "C1,2026-11,phase,50000,2026-11-10,,\n"
                                       "C1,2026-11,phase,150000,2026-11-30,,\n",
                                   book);
  CHECK(result.problems.empty());
  REQUIRE(result.targets.size() == 2);
  const collection_target& c1 = result.targets[0];
  CHECK(c1.customer_id == "C1");
  CHECK(huikuan::format_date(c1.period_start) == "2026-11-01");
  CHECK(huikuan::format_date(c1.period_end) == "2026-11-30");
  CHECK(c1.target.minor_units() == yuan(200'000));
  CHECK(c1.commitment.minor_units() == yuan(100'000));
  REQUIRE(c1.measures.size() == 1);
  CHECK(c1.measures[0].description == "call the CFO");
  CHECK(c1.measures[0].expected.minor_units() == yuan(15'000));
  CHECK(c1.measures[0].asked.minor_units() == yuan(20'000));
  REQUIRE(c1.phases.size() == 2);
  CHECK(huikuan::format_date(c1.phases[1].due_date) == "2026-11-30");
  CHECK(c1.phases[1].planned.minor_units() == yuan(150'000));
  CHECK(huikuan::format_date(result.targets[1].period_end) == "2026-12-31");
  CHECK(result.summary.file == "targets.csv");
  CHECK(result.summary.rows_read == 6);
  CHECK(result.summary.rows_loaded == 6);
  CHECK(result.summary.amount_loaded == minor(yuan(595'000)));
  const target_report report = track_targets(book, result.targets, on("2026-11-22"));
  CHECK(report.targets[0].remaining_gap.minor_units() == yuan(85'000));
}

TEST_CASE("load_targets reports every bad row and leaves its whole target out", "[targets][load]") {
  const ledger book = book_of_payments();
  const auto result = load_targets(std::string(targets_header) +
                                       "C1,2026-11,target,200000,,,\n"           // 2
                                       "C1,2026-11,bonus,100,,,\n"               // 3: bad kind
                                       "C2,2026-11,commitment,5000,,,\n"         // 4: no target row
                                       "C2,2026-11,measure,1000,,visit,\n"       // 5
                                       "C3,2026-11,target,100,,,\n"              // 6
                                       "C3,2026-11,target,200,,,\n"              // 7: a second target row
                                       "C1,2026-12,target,100,,,\n"              // 8
                                       "C1,2026-12,phase,50,2027-01-05,,\n"      // 9: outside the period
                                       "C2,2026-13,target,100,,,\n"              // 10: not a month
                                       "C3,2026-12,phase,100,,,\n"               // 11: a phase without a date
                                       "C9,2026-11,target,100,,,\n"              // 12: unknown customer
                                       "C2,2026-12,target,300,,,\n"              // 13
                                       "C3,2027-01,target,400,,,\n"              // 14
                                       "C3,2027-01,commitment,100,,,\n"          // 15
                                       "C3,2027-01,commitment,200,,,\n",         // 16: a second commitment
                                   book);
  REQUIRE(result.targets.size() == 1);
  CHECK(result.targets[0].customer_id == "C2");
  CHECK(result.targets[0].target.minor_units() == yuan(300));
  CHECK(messages(result) ==
        std::vector<std::string>{
            "targets.csv:2: [huikuan.target.11] left out with its target C1 2026-11 (targets.csv:3)",
            "targets.csv:3: kind: [huikuan.target.8] kind \"bonus\" is not one of target, commitment, measure, phase",
            "targets.csv:4: kind: [huikuan.target.10] customer C2 has no target row for 2026-11",
            "targets.csv:5: [huikuan.target.11] left out with its target C2 2026-11 (targets.csv:4)",
            "targets.csv:6: [huikuan.target.11] left out with its target C3 2026-11 (targets.csv:7)",
            "targets.csv:7: kind: [huikuan.target.9] customer C3 has a second target row for this period",
            "targets.csv:8: [huikuan.target.11] left out with its target C1 2026-12 (targets.csv:9)",
            "targets.csv:9: due_date: [huikuan.target.6] phase due 2027-01-05 is outside the period 2026-12-01 .. "
            "2026-12-31",
            "targets.csv:10: period: [huikuan.target.7] period \"2026-13\" is not a month YYYY-MM",
            "targets.csv:11: due_date: [huikuan.load.4] due_date is empty (a phase needs one)",
            "targets.csv:12: customer_id: [huikuan.target.1] unknown customer C9",
            "targets.csv:14: [huikuan.target.11] left out with its target C3 2027-01 (targets.csv:16)",
            "targets.csv:15: [huikuan.target.11] left out with its target C3 2027-01 (targets.csv:16)",
            "targets.csv:16: kind: [huikuan.target.9] customer C3 has a second commitment row for this period"});
  CHECK(result.summary.rows_read == 15);
  CHECK(result.summary.rows_loaded == 1);
  CHECK(result.summary.rows_left_out == 14);
  CHECK(result.summary.rows_left_out_without_amount == 0);
  CHECK(result.summary.amount_loaded == minor(yuan(300)));
  // Every amount in the file: 200,000 + 100 + 5,000 + 1,000 + 100 + 200 +
  // 100 + 50 + 100 + 100 + 100 + 300 + 400 + 100 + 200.
  CHECK(result.summary.amount_loaded + result.summary.amount_left_out == minor(yuan(207'850)));
}

TEST_CASE("load_targets needs every required column", "[targets][load]") {
  const ledger book = book_of_payments();
  CHECK_THROWS_MATCHES(load_targets("customer_id,period,amount\nC1,2026-11,100\n", book), input_error,
                       Catch::Message("[huikuan.load.2] targets.csv has no kind column"));
}
