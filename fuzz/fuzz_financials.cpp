// load_financials (financials.csv) against a small fixed ledger and the
// standard scorecard, then review_credit on what loaded.
//
// Invariants: the file bookkeeping of fuzz_checks.hpp; exactly the loaded
// rows mark a customer as having financials; the table has one value per
// customer for each indicator column; every reviewed customer gets a total
// in 0..100, a grade of the scale, a PD in 0..1 and a limit that is not
// negative, or the review stops with an overflow_error.
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

#include "fuzz_checks.hpp"
#include "huikuan/credit_review.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace huikuan;
  using huikuan_fuzz::require;
  const ledger& book = huikuan_fuzz::small_ledger();
  static const credit_model model;
  const std::string_view text = huikuan_fuzz::as_text(data, size);
  financials_load_result loaded;
  try {
    loaded = load_financials(text, book, model.card);
  } catch (const input_error& error) {
    require(error.id() == "huikuan.load.2", "only a missing header or customer_id column is fatal");
    return 0;
  }
  huikuan_fuzz::check_file(loaded.summary, loaded.problems, huikuan_fuzz::census(text, ""), "financials.csv", false);
  const financials_table& table = loaded.table;
  require(std::accumulate(table.has_row.begin(), table.has_row.end(), std::size_t{0}) == loaded.summary.rows_loaded,
          "exactly the loaded rows give a customer financials");
  require(table.has_row.size() == book.customer_count() && table.limit_inputs.size() == book.customer_count(),
          "the table has a row per customer");
  require(table.values.size() == table.codes.size(), "a value column per indicator column");
  for (const std::vector<double>& column : table.values)
    require(column.size() == book.customer_count(), "a value per customer");

  std::vector<credit_review_row> review;
  try {
    review = review_credit(book, parse_date("2026-10-31"), table, model);
  } catch (const overflow_error&) {
    return 0;
  }
  require(review.size() == book.customer_count(), "a review row per customer");
  for (const credit_review_row& row : review) {
    require(row.total >= 0 && row.total <= 100, "a total score lies in 0..100");
    require(row.grade < model.card.grades.labels.size(), "a grade is one of the scale's");
    require(row.pd >= 0 && row.pd <= 1, "a PD lies in 0..1");
    require(!row.recommendation.limit.is_negative(), "a recommended limit is not negative");
  }
  return 0;
}
