// Reviewing credit: financials.csv (indicator and money columns, unknown
// cells, every row problem reported and left out), the review's columns
// (ledger first, financials where the ledger has nothing, collateral
// coverage), its agreement with one-at-a-time assessment and the limit
// rules, and the bundled sample portfolio.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "huikuan/allocation.hpp"
#include "huikuan/character.hpp"
#include "huikuan/credit_limit.hpp"
#include "huikuan/credit_review.hpp"
#include "huikuan/error.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/load.hpp"
#include "huikuan/model_io.hpp"
#include "huikuan/scorecard.hpp"
#include "huikuan/scoring.hpp"
#include "ledger_generator.hpp"

using namespace huikuan;
using namespace huikuan_test;

namespace {

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

ledger three_customers() {
  ledger book;
  customer c1 = make_customer("C1");
  c1.credit_limit = minor(1'000'000);  // 10,000.00
  book.add_customer(c1);
  book.add_customer(make_customer("C2"));  // limit 1,000,000.00, no history
  book.add_customer(make_customer("C3"));
  // C1: 40,000.00 open (10,000.00 60 days and 10,000.00 20 days overdue); 5,000.00 paid 10 days late.
  book.add_invoice(make_invoice("I1", "C1", "2026-04-01", "2026-05-01", 1'500'000));
  book.add_invoice(make_invoice("I2", "C1", "2026-05-01", "2026-06-10", 1'000'000));
  book.add_invoice(make_invoice("I3", "C1", "2026-06-20", "2026-07-20", 2'000'000));
  book.add_payment(make_payment("P1", "C1", "2026-05-11", 500'000, "I1"));
  return book;
}

const day as_of = on("2026-06-30");

const char* const financials_text =
    "customer_id,legal_events,days_beyond_terms,current_ratio,tangible_net_worth,working_capital,"
    "expected_monthly_purchases,collateral_value,collateral_haircut,guarantees,credit_insurance,industry_risk_grade\n"
    "C1,1,99,1.5,1000000.00,500000.00,20000.00,20000.00,0.25,0.00,0,3\n"
    "C2,,12,,,,,,,,,\n";

double column_value(const financials_table& t, std::string_view code, std::size_t customer) {
  for (std::size_t k = 0; k < t.codes.size(); ++k)
    if (t.codes[k] == code) return t.values[k][customer];
  FAIL("no column " << code);
  return not_a_number;
}

}  // namespace

TEST_CASE("financials.csv gives indicator columns by code and money for the limit", "[credit_review]") {
  const ledger book = three_customers();
  const financials_load_result r = load_financials(financials_text, book, scorecard::standard());
  CHECK(r.problems.empty());
  CHECK(r.summary.file == "financials.csv");
  CHECK(r.summary.rows_read == 2);
  CHECK(r.summary.rows_loaded == 2);
  CHECK(r.summary.rows_left_out == 0);
  const financials_table& t = r.table;
  CHECK(t.codes == std::vector<std::string>{"legal_events", "days_beyond_terms", "current_ratio", "tangible_net_worth",
                                            "industry_risk_grade"});
  CHECK(column_value(t, "legal_events", 0) == 1.0);
  CHECK(column_value(t, "current_ratio", 0) == 1.5);
  CHECK(column_value(t, "tangible_net_worth", 0) == 1000000.0);
  CHECK(column_value(t, "industry_risk_grade", 0) == 3.0);
  CHECK(t.has_row == std::vector<std::uint8_t>{1, 1, 0});
  const credit_limit_inputs& c1 = t.limit_inputs[0];
  CHECK(c1.tangible_net_worth == minor(100'000'000));
  CHECK(c1.working_capital == minor(50'000'000));
  CHECK(c1.expected_monthly_purchases == minor(2'000'000));
  CHECK(c1.collateral_after_haircut == minor(1'500'000));  // 20,000.00 less 25%
  CHECK(c1.guarantees == minor(0));
  CHECK(c1.credit_insurance == minor(0));
}

TEST_CASE("empty financials cells are unknown", "[credit_review]") {
  const ledger book = three_customers();
  const financials_table t = load_financials(financials_text, book, scorecard::standard()).table;
  CHECK(std::isnan(column_value(t, "legal_events", 1)));
  CHECK(column_value(t, "days_beyond_terms", 1) == 12.0);
  CHECK(std::isnan(column_value(t, "current_ratio", 1)));
  const credit_limit_inputs& c2 = t.limit_inputs[1];
  CHECK_FALSE(c2.tangible_net_worth.has_value());
  CHECK_FALSE(c2.working_capital.has_value());
  CHECK_FALSE(c2.expected_monthly_purchases.has_value());
  CHECK(c2.collateral_after_haircut == minor(0));
  // C3 has no row: everything unknown.
  CHECK(std::isnan(column_value(t, "legal_events", 2)));
  CHECK_FALSE(t.limit_inputs[2].tangible_net_worth.has_value());
}

TEST_CASE("financials rows that cannot be used are reported with file, line, column and id and left out",
          "[credit_review]") {
  const ledger book = three_customers();
  const std::string text =
      "customer_id,legal_events,working_capital,collateral_value,collateral_haircut,guarantees\n"
      "C1,0,100.00,,,\n"       // line 2: kept
      "C9,0,100.00,,,\n"       // line 3: unknown customer
      "C1,1,100.00,,,\n"       // line 4: duplicate
      "C2,two,100.00,,,\n"     // line 5: malformed number
      "C2,0,12x,,,\n"          // line 6: malformed amount
      "C2,0,1.00,100.00,1.5,\n"  // line 7: haircut outside 0..1
      "C2,0,1.00,,,-5.00\n"    // line 8: negative guarantee
      "C2,0\n"                 // line 9: too few fields
      "C2,2,,,,\n";            // line 10: kept
  const financials_load_result r = load_financials(text, book, scorecard::standard());
  REQUIRE(r.problems.size() == 7);
  CHECK(r.problems[0].message() == "financials.csv:3: customer_id: [huikuan.ledger.4] unknown customer C9");
  CHECK(r.problems[1].message() == "financials.csv:4: customer_id: [huikuan.ledger.1] duplicate customer id C1");
  CHECK(r.problems[2].message() == "financials.csv:5: legal_events: [huikuan.load.6] legal_events \"two\" is not a finite number");
  CHECK(r.problems[3].message() == "financials.csv:6: working_capital: [huikuan.money.2] amount \"12x\" is not a decimal number");
  CHECK(r.problems[4].message() == "financials.csv:7: collateral_haircut: [huikuan.limit.3] haircut 1.5 is outside 0..1");
  CHECK(r.problems[5].message() == "financials.csv:8: guarantees: [huikuan.limit.3] security -5.00 is negative");
  CHECK(r.problems[6].message() == "financials.csv:9: [huikuan.csv.2] the row has 2 fields; the header has 6");
  CHECK(r.problems[0].file == "financials.csv");
  CHECK(r.problems[0].line == 3);
  CHECK(r.problems[0].column == "customer_id");
  CHECK(r.problems[0].id == "huikuan.ledger.4");
  CHECK(r.summary.rows_read == 9);
  CHECK(r.summary.rows_loaded == 2);
  CHECK(r.summary.rows_left_out == 7);
  // The rows left out change nothing: C1 keeps its first row, C2 its last.
  CHECK(column_value(r.table, "legal_events", 0) == 0.0);
  CHECK(column_value(r.table, "legal_events", 1) == 2.0);
  CHECK(r.table.limit_inputs[0].working_capital == minor(10'000));
  CHECK_FALSE(r.table.limit_inputs[1].working_capital.has_value());
}

TEST_CASE("infinite or NaN numbers in financials are malformed", "[credit_review]") {
  const ledger book = three_customers();
  const financials_load_result r =
      load_financials("customer_id,current_ratio\nC1,inf\nC2,nan\nC3, 1.25 \n", book, scorecard::standard());
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].message() == "financials.csv:2: current_ratio: [huikuan.load.6] current_ratio \"inf\" is not a finite number");
  CHECK(r.problems[1].id == "huikuan.load.6");
  CHECK(column_value(r.table, "current_ratio", 2) == 1.25);
}

TEST_CASE("a financials value outside its indicator's domain is left out with its row, and the review still runs",
          "[credit_review]") {
  // Found by fuzz_financials: country_risk_grade 0.152 (domain 1 .. 7) was
  // loaded, and review_credit then threw [huikuan.score.2] for the whole
  // portfolio instead of the file reporting its row.
  const ledger book = three_customers();
  const financials_load_result r = load_financials(
      "customer_id,country_risk_grade,debt_to_equity\nC1,0.152,1.5\nC2,8,\nC3,7,-0.5\n", book, scorecard::standard());
  std::vector<std::string> messages;
  for (const load_problem& p : r.problems) messages.push_back(p.message());
  CHECK(messages == std::vector<std::string>{
                        "financials.csv:2: country_risk_grade: [huikuan.score.2] country_risk_grade 0.152 is outside 1 .. 7",
                        "financials.csv:3: country_risk_grade: [huikuan.score.2] country_risk_grade 8 is outside 1 .. 7",
                        "financials.csv:4: debt_to_equity: [huikuan.score.2] debt_to_equity -0.5 is outside 0 .. +inf"});
  CHECK(r.summary.rows_read == 3u);
  CHECK(r.summary.rows_left_out == 3u);
  CHECK(r.table.has_row == std::vector<std::uint8_t>{0, 0, 0});
  CHECK(review_credit(book, as_of, r.table, credit_model{}).size() == 3u);
}

TEST_CASE("financials without a customer_id column or a header are rejected with huikuan.load.2", "[credit_review]") {
  const ledger book = three_customers();
  CHECK_THROWS_WITH(load_financials("id,current_ratio\nC1,1\n", book, scorecard::standard()),
                    "[huikuan.load.2] financials.csv has no customer_id column");
  CHECK_THROWS_WITH(load_financials("", book, scorecard::standard()),
                    "[huikuan.load.2] financials.csv is empty: it has no header row");
}

TEST_CASE("no_financials knows nothing of any customer", "[credit_review]") {
  const ledger book = three_customers();
  const financials_table t = no_financials(book);
  CHECK(t.codes.empty());
  CHECK(t.limit_inputs.size() == 3);
  CHECK(t.has_row == std::vector<std::uint8_t>{0, 0, 0});
}

TEST_CASE("the review takes Character from the ledger and fills from financials only where the ledger has nothing",
          "[credit_review]") {
  const ledger book = three_customers();
  const credit_model model;
  const financials_table t = load_financials(financials_text, book, model.card).table;
  const std::vector<credit_review_row> rows = review_credit(book, as_of, t, model);
  REQUIRE(rows.size() == 3);
  const std::size_t days = *model.card.find("days_beyond_terms");
  const std::size_t legal = *model.card.find("legal_events");
  const std::size_t current = *model.card.find("current_ratio");
  // C1: the ledger's days beyond terms win over the file's 99; legal events and
  // the current ratio come from the file.
  CHECK((rows[0].missing_mask >> days & 1U) == 0);
  CHECK((rows[0].missing_mask >> legal & 1U) == 0);
  CHECK((rows[0].missing_mask >> current & 1U) == 0);
  // C2 has no ledger history: the file's 12 days fill in; its legal events are unknown.
  CHECK((rows[1].missing_mask >> days & 1U) == 0);
  CHECK((rows[1].missing_mask >> legal & 1U) == 1);
  // C3 has neither.
  CHECK((rows[2].missing_mask >> days & 1U) == 1);
  CHECK((rows[2].missing_mask >> legal & 1U) == 1);
  for (std::size_t c = 0; c < 3; ++c) CHECK(rows[c].customer == customer_index{static_cast<std::uint32_t>(c)});
}

TEST_CASE("collateral coverage is security over the larger of the open balance and the credit limit", "[credit_review]") {
  const ledger book = three_customers();
  const credit_model model;
  const financials_table t = load_financials(financials_text, book, model.card).table;
  const std::vector<credit_review_row> rows = review_credit(book, as_of, t, model);
  // C1: open 15,000.00 - 5,000.00 + 10,000.00 + 20,000.00 = 40,000.00 > limit 10,000.00;
  // security 15,000.00: coverage 0.375.
  CHECK(rows[0].open == minor(4'000'000));
  CHECK(rows[0].collateral_coverage == 0.375);
  // C2: nothing open, limit 1,000,000.00, no security.
  CHECK(rows[1].open == minor(0));
  CHECK(rows[1].collateral_coverage == 0.0);
}

TEST_CASE("collateral coverage is undefined (missing) with nothing open and no credit limit", "[credit_review]") {
  ledger book;
  customer c = make_customer("C1");
  c.credit_limit = minor(0);
  book.add_customer(c);
  const credit_model model;
  const std::vector<credit_review_row> rows = review_credit(book, as_of, no_financials(book), model);
  REQUIRE(rows.size() == 1);
  CHECK(std::isnan(rows[0].collateral_coverage));
  CHECK((rows[0].missing_mask >> *model.card.find("collateral_coverage") & 1U) == 1);
}

TEST_CASE("a collateral_coverage column in financials is used when given", "[credit_review]") {
  // credit_review.hpp: "collateral_coverage, unless given, is ... / exposure".
  // credit_review-inl.hpp:175-179 copies the computed coverage first, so the
  // file's value only fills where that is NaN (zero exposure). C1 has no
  // security: computed coverage 0 (0 points); the file says 0.9.
  const ledger book = three_customers();
  const credit_model model;
  const financials_table given = load_financials("customer_id,collateral_coverage\nC1,0.9\n", book, model.card).table;
  const financials_table not_given = load_financials("customer_id\nC1\n", book, model.card).table;
  const std::vector<credit_review_row> with_file = review_credit(book, as_of, given, model);
  const std::vector<credit_review_row> without = review_credit(book, as_of, not_given, model);
  CHECK(with_file[0].c_scores[3] > without[0].c_scores[3]);
}

TEST_CASE("each review row equals one-at-a-time assessment of the same indicator values, bit for bit",
          "[credit_review]") {
  const ledger book = three_customers();
  const credit_model model;
  const financials_table t = load_financials(financials_text, book, model.card).table;
  const std::vector<credit_review_row> rows = review_credit(book, as_of, t, model, 3);
  const character_columns character = character_from_ledger(book, allocate(book, as_of));
  const scoring_model scorer(model.card);
  for (std::size_t c = 0; c < rows.size(); ++c) {
    INFO("customer " << c);
    std::vector<double> values;
    for (const indicator& i : model.card.indicators) {
      double v = not_a_number;
      if (i.code == "days_beyond_terms") v = character.days_beyond_terms[c];
      if (i.code == "share_paid_on_time") v = character.share_paid_on_time[c];
      if (i.code == "bounced_cheques_12m") v = character.bounced_cheques_12m[c];
      if (i.code == "relationship_years") v = character.relationship_years[c];
      if (i.code == "collateral_coverage") v = rows[c].collateral_coverage;
      if (std::isnan(v)) {
        for (std::size_t k = 0; k < t.codes.size(); ++k)
          if (t.codes[k] == i.code) v = t.values[k][c];
      }
      values.push_back(v);
    }
    const assessment a = scorer.assess(values, 3);
    CHECK(rows[c].total == a.total);
    CHECK(rows[c].pd == a.pd);
    CHECK(rows[c].grade == a.grade);
    CHECK(rows[c].c_scores == a.c_scores);
    std::uint64_t mask = 0;
    for (const missing_indicator& m : a.missing) mask |= std::uint64_t{1} << *model.card.find(m.code);
    CHECK(rows[c].missing_mask == mask);
    REQUIRE(rows[c].reasons.size() == a.reasons.size());
    for (std::size_t q = 0; q < a.reasons.size(); ++q)
      CHECK(model.card.indicators[rows[c].reasons[q]].code == a.reasons[q].code);
  }
}

TEST_CASE("each review row's limit is the limit rule for its grade", "[credit_review]") {
  const ledger book = three_customers();
  credit_model model;
  model.policy.concentration_cap = minor(2'000'000);
  const financials_table t = load_financials(financials_text, book, model.card).table;
  const std::vector<credit_review_row> rows = review_credit(book, as_of, t, model);
  for (std::size_t c = 0; c < rows.size(); ++c) {
    INFO("customer " << c);
    const credit_limit_recommendation expected =
        recommend_credit_limit(t.limit_inputs[c], rows[c].grade, model.policy, model.card.grades.labels.size());
    CHECK(rows[c].recommendation.limit == expected.limit);
    CHECK(rows[c].recommendation.binding == expected.binding);
    CHECK(rows[c].recommendation.terms.has_value() == expected.terms.has_value());
    CHECK(rows[c].recommendation.security == expected.security);
  }
  CHECK(rows[2].recommendation.binding == (rows[2].grade == 4 ? limit_binding::cash_in_advance : limit_binding::no_financials));
}

TEST_CASE("a review of an empty ledger is empty", "[credit_review]") {
  const ledger book;
  CHECK(review_credit(book, as_of, no_financials(book), credit_model{}).empty());
}

TEST_CASE("financials of another ledger are rejected rather than read out of bounds", "[credit_review]") {
  const ledger book = three_customers();
  ledger smaller;
  smaller.add_customer(make_customer("C1"));
  CHECK_THROWS_AS(review_credit(book, as_of, no_financials(smaller), credit_model{}), std::out_of_range);
}

#ifdef HUIKUAN_SAMPLE_DATA
TEST_CASE("the sample portfolio: every customer gets a grade and the insolvent ones grade D or E", "[credit_review]") {
  const std::string directory = HUIKUAN_SAMPLE_DATA;
  const load_result loaded = load_ledger_directory(directory);
  const credit_model model;
  const financials_load_result financials =
      load_financials(read_text_file(directory + "/financials.csv"), loaded.book, model.card);
  for (const load_problem& p : financials.problems) INFO(p.message());
  CHECK(financials.problems.empty());
  CHECK(financials.summary.rows_read == 300);
  CHECK(financials.summary.rows_loaded == 300);
  const std::vector<credit_review_row> rows = review_credit(loaded.book, on("2026-10-31"), financials.table, model);
  REQUIRE(rows.size() == loaded.book.customer_count());
  for (const credit_review_row& r : rows) CHECK(r.grade < model.card.grades.labels.size());
  for (const char* id : {"C0071", "C0087", "C0092", "C0123", "C0150", "C0169", "C0111", "C0168", "C0282"}) {
    INFO(id);
    const auto c = loaded.book.find_customer(id);
    REQUIRE(c.has_value());
    const credit_review_row& r = rows[static_cast<std::size_t>(*c)];
    INFO("score " << r.total << ", grade " << model.card.grades.labels[r.grade]);
    CHECK(r.grade >= 3);
  }
}
#endif
