// Reviewing every customer's credit in one call: Character from the
// ledger, the other Cs from financials.csv, the 5C scorecard, and the
// recommended limit and terms.
//
// financials.csv (optional; one row per customer, columns by header name):
//   customer_id                      required
//   <indicator code>                 any indicator of the scorecard, a decimal
//                                    number; empty = unknown (NaN)
//   tangible_net_worth, working_capital, expected_monthly_purchases,
//   collateral_value, guarantees, credit_insurance   money for the limit
//   collateral_haircut               share 0..1 of collateral_value deducted
// Indicators computed from the ledger (character.hpp) take precedence; a
// financials column of the same code fills only where the ledger has no
// data (e.g. legal_events). collateral_coverage, unless given, is
// (collateral after haircut + guarantees + credit insurance) / exposure,
// exposure = the larger of the open balance and the credit limit.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/config.hpp"
#include "huikuan/credit_limit.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/load.hpp"
#include "huikuan/model_io.hpp"
#include "huikuan/scoring.hpp"

namespace huikuan {

/// What financials.csv says of each ledger customer (indexed like the
/// ledger's customers); unknown values are NaN / nullopt.
struct financials_table {
  std::vector<std::string> codes;                 ///< indicator columns found
  std::vector<std::vector<double>> values;        ///< values[k][customer] for codes[k]
  std::vector<credit_limit_inputs> limit_inputs;  ///< per customer
  std::vector<std::uint8_t> has_row;              ///< 1 if the file has the customer's row
};

/// financials.csv with what was left out of it.
struct financials_load_result {
  financials_table table;
  std::vector<load_problem> problems;
  file_summary summary;
};

/// Reads financials.csv text for the customers of `book`. Row problems
/// (unknown or duplicate customer, a malformed number or amount, an
/// indicator value outside its domain in `card` [huikuan.score.2], a
/// haircut outside 0..1) are collected, the row left out. Throws input_error
/// [huikuan.load.2] without a customer_id column.
HUIKUAN_FUNC financials_load_result load_financials(std::string_view text, const ledger& book, const scorecard& card);

/// An empty table (no financials known) for `book`.
HUIKUAN_FUNC financials_table no_financials(const ledger& book);

/// One customer's review.
struct credit_review_row {
  customer_index customer{};
  double total = 0;
  std::size_t grade = 0;
  double pd = 0;
  std::array<double, c_dimension_count> c_scores{};
  std::vector<std::uint16_t> reasons;   ///< indicator indices, most points lost first
  std::uint64_t missing_mask = 0;       ///< bit j: indicator j had no data
  money open;                           ///< open invoices as of the review date
  double collateral_coverage = 0;       ///< NaN when undefined
  credit_limit_recommendation recommendation;
};

/// Reviews every customer of the ledger as of `as_of` with the model (bulk
/// scoring, `reasons` reasons each). `promises_kept_ratio`, when not empty,
/// gives each customer's kept share of promises to pay (NaN: none; see
/// promises_kept_ratios in promises.hpp) for the Character indicator of
/// that name, which the ledger alone cannot know. Throws input_error
/// [huikuan.review.1] when it is not empty and not one per customer, and
/// what the scoring, the limit rules and character_from_ledger throw.
HUIKUAN_FUNC std::vector<credit_review_row> review_credit(const ledger& book, day as_of,
                                                          const financials_table& financials,
                                                          const credit_model& model, std::size_t reasons = 3,
                                                          std::span<const double> promises_kept_ratio = {});

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/credit_review-inl.hpp"
#endif
