// credit_limit.hpp, model_io.hpp, credit_review.hpp: limits and terms by
// grade, the credit model as JSON, financials.csv and the credit review of
// every customer.
#include <pybind11/stl/filesystem.h>

#include "common.hpp"

namespace huikuan::python {

namespace {

/// The credit review of every customer as numpy columns (plus the full
/// recommendation of each, for its workings).
struct credit_review {
  py::object customer, total, pd, grade, c_scores, reasons, missing_mask, open, collateral_coverage, limit;
  std::vector<limit_binding> binding;
  std::vector<std::optional<payment_terms>> terms;
  std::vector<credit_limit_recommendation> recommendations;
};

credit_review make_review(const std::vector<credit_review_row>& rows, std::size_t reasons) {
  const std::size_t n = rows.size();
  std::vector<std::uint32_t> customer(n);
  std::vector<double> total(n), pd(n), coverage(n), c(n * c_dimension_count);
  std::vector<std::uint8_t> grade(n);
  std::vector<std::uint16_t> why(n * reasons, no_reason);
  std::vector<std::uint64_t> mask(n);
  std::vector<std::int64_t> open(n), limit(n);
  credit_review r;
  for (std::size_t i = 0; i < n; ++i) {
    const credit_review_row& row = rows[i];
    customer[i] = static_cast<std::uint32_t>(row.customer);
    total[i] = row.total;
    pd[i] = row.pd;
    grade[i] = static_cast<std::uint8_t>(row.grade);
    for (std::size_t d = 0; d < c_dimension_count; ++d) c[d * n + i] = row.c_scores[d];
    for (std::size_t q = 0; q < row.reasons.size() && q < reasons; ++q) why[i * reasons + q] = row.reasons[q];
    mask[i] = row.missing_mask;
    open[i] = row.open.minor_units();
    coverage[i] = row.collateral_coverage;
    limit[i] = row.recommendation.limit.minor_units();
    r.binding.push_back(row.recommendation.binding);
    r.terms.push_back(row.recommendation.terms);
    r.recommendations.push_back(row.recommendation);
  }
  const auto sn = static_cast<py::ssize_t>(n);
  r.customer = adopt(std::move(customer));
  r.total = adopt(std::move(total));
  r.pd = adopt(std::move(pd));
  r.grade = adopt(std::move(grade));
  // Column-major (N, 5): C score d of every customer is contiguous.
  r.c_scores = adopt(std::move(c)).attr("reshape")(py::make_tuple(c_dimension_count, sn)).attr("T");
  r.reasons = adopt(std::move(why)).attr("reshape")(py::make_tuple(sn, reasons));
  r.missing_mask = adopt(std::move(mask));
  r.open = adopt(std::move(open));
  r.collateral_coverage = adopt(std::move(coverage));
  r.limit = adopt(std::move(limit));
  return r;
}

void require_financials_of(const financials_table& t, const ledger& book) {
  const std::size_t n = book.customer_count();
  bool fits = t.limit_inputs.size() == n && t.has_row.size() == n && t.values.size() == t.codes.size();
  for (const std::vector<double>& v : t.values) fits = fits && v.size() == n;
  if (!fits)
    argument_error(error_id::position, "financials",
                   "the table was read for a ledger of another size (" + std::to_string(t.limit_inputs.size()) +
                       " customers; this one has " + std::to_string(n) + ")");
}

}  // namespace

void bind_credit(py::module_& m) {
  py::class_<credit_policy>(m, "CreditPolicy",
                            "Limit components (basis points), unsecured multipliers and terms per grade, a "
                            "concentration cap and a rounding unit (int minor units).")
      .def(py::init<>())
      .def_readwrite("net_worth_share_bp", &credit_policy::net_worth_share_bp)
      .def_readwrite("working_capital_share_bp", &credit_policy::working_capital_share_bp)
      .def_readwrite("purchases_months_bp", &credit_policy::purchases_months_bp)
      .def_readwrite("grade_multiplier_bp", &credit_policy::grade_multiplier_bp)
      .def_readwrite("grade_terms", &credit_policy::grade_terms, "Terms per grade; None = cash in advance.")
      .def_readwrite("concentration_cap", &credit_policy::concentration_cap)
      .def_readwrite("rounding_unit", &credit_policy::rounding_unit)
      .def("validate", &credit_policy::validate, py::arg("grades"), "Raises InputError [huikuan.limit.1].");
  py::class_<credit_limit_inputs>(m, "CreditLimitInputs", "What is known of a customer for its limit (None = unknown).")
      .def(py::init([](std::optional<money> tangible_net_worth, std::optional<money> working_capital,
                       std::optional<money> expected_monthly_purchases, money collateral_after_haircut, money guarantees,
                       money credit_insurance) {
             return credit_limit_inputs{tangible_net_worth, working_capital, expected_monthly_purchases,
                                        collateral_after_haircut, guarantees, credit_insurance};
           }),
           py::arg("tangible_net_worth") = py::none(), py::arg("working_capital") = py::none(),
           py::arg("expected_monthly_purchases") = py::none(), py::arg("collateral_after_haircut") = money{},
           py::arg("guarantees") = money{}, py::arg("credit_insurance") = money{})
      .def_readwrite("tangible_net_worth", &credit_limit_inputs::tangible_net_worth)
      .def_readwrite("working_capital", &credit_limit_inputs::working_capital)
      .def_readwrite("expected_monthly_purchases", &credit_limit_inputs::expected_monthly_purchases)
      .def_readwrite("collateral_after_haircut", &credit_limit_inputs::collateral_after_haircut)
      .def_readwrite("guarantees", &credit_limit_inputs::guarantees)
      .def_readwrite("credit_insurance", &credit_limit_inputs::credit_insurance);
  bind_enum<limit_binding>(m, "LimitBinding", "Which rule set the limit.",
                           {{"tangible_net_worth", limit_binding::tangible_net_worth},
                            {"working_capital", limit_binding::working_capital},
                            {"monthly_purchases", limit_binding::monthly_purchases},
                            {"concentration_cap", limit_binding::concentration_cap},
                            {"cash_in_advance", limit_binding::cash_in_advance},
                            {"no_financials", limit_binding::no_financials}});
  py::class_<credit_limit_recommendation>(m, "CreditLimitRecommendation", "A limit and terms with their workings.")
      .def_readonly("limit", &credit_limit_recommendation::limit)
      .def_readonly("binding", &credit_limit_recommendation::binding)
      .def_readonly("terms", &credit_limit_recommendation::terms)
      .def_readonly("unsecured_base", &credit_limit_recommendation::unsecured_base)
      .def_readonly("unsecured", &credit_limit_recommendation::unsecured)
      .def_readonly("security", &credit_limit_recommendation::security)
      .def_readonly("net_worth_component", &credit_limit_recommendation::net_worth_component)
      .def_readonly("working_capital_component", &credit_limit_recommendation::working_capital_component)
      .def_readonly("purchases_component", &credit_limit_recommendation::purchases_component);
  m.def("recommend_credit_limit", &recommend_credit_limit, py::arg("inputs"), py::arg("grade"), py::arg("policy"),
        py::arg("grades"),
        "Recommends a limit and terms for a customer of grade index `grade` (of `grades` grades). Raises "
        "InputError [huikuan.limit.1] policy/grades mismatch, [huikuan.limit.2] grade out of range or negative "
        "security, MoneyOverflowError.");
  m.def("collateral_coverage", &collateral_coverage, py::arg("security"), py::arg("exposure"),
        "security / exposure, NaN when the exposure is 0. Raises InputError [huikuan.limit.3] for a negative amount.");
  m.def("collateral_after_haircut", &collateral_after_haircut, py::arg("value"), py::arg("haircut"),
        "Collateral value after a haircut share 0..1, rounded down to the minor unit. Raises InputError "
        "[huikuan.limit.3] for a negative value or a haircut outside 0..1 (NaN included).");

  py::class_<credit_model>(m, "CreditModel", "A complete credit model: the scorecard and the credit policy.")
      .def(py::init([](scorecard card, credit_policy policy) { return credit_model{std::move(card), std::move(policy)}; }),
           py::arg_v("card", scorecard::standard(), "Scorecard.standard()"),
           py::arg_v("policy", credit_policy{}, "CreditPolicy()"))
      .def_readwrite("card", &credit_model::card)
      .def_readwrite("policy", &credit_model::policy);
  m.def("model_to_json", &model_to_json, py::arg("model"),
        "The model as JSON text (validated first); doubles read back bit for bit.");
  m.def("model_from_json", &model_from_json, py::arg("text"),
        "Reads and validates a model. Raises InputError [huikuan.model.1] not JSON, [.2] a missing or mistyped "
        "field (its path named), [.3] unknown format or version.");
  m.def("load_model", &load_model, py::arg("path"), "Reads a model JSON file; InputError [huikuan.load.1] if missing.");

  py::class_<financials_table>(m, "FinancialsTable",
                               "What financials.csv says of each customer of one ledger (NaN / None = unknown).")
      .def_readonly("codes", &financials_table::codes, "The indicator columns found.")
      .def_property_readonly("values", [](const financials_table& t) {
        py::dict d;
        for (std::size_t k = 0; k < t.codes.size(); ++k) d[py::str(t.codes[k])] = adopt(std::vector<double>(t.values[k]));
        return d;
      }, "Indicator values per code, float64 arrays indexed like the ledger's customers (copies).")
      .def_readonly("limit_inputs", &financials_table::limit_inputs)
      .def_property_readonly("has_row", [](const financials_table& t) {
        return py::array(adopt(std::vector<std::uint8_t>(t.has_row)).attr("view")("bool"));
      }, "Per customer: the file has its row.");
  auto financials_result =
      py::class_<financials_load_result>(m, "FinancialsLoadResult", "financials.csv with what was left out of it.")
          .def_readonly("table", &financials_load_result::table);
  bind_problems_and_summary<financials_load_result>(financials_result);
  m.def("load_financials",
        [](const std::string& text, const ledger_holder& h, const scorecard& card) {
          return read_ledger(h, [&](const ledger& book) { return load_financials(text, book, card); });
        },
        py::arg("text"), py::arg("ledger"), py::arg("card"),
        "Reads financials.csv text for the customers of the ledger; bad rows are left out and listed. Raises "
        "InputError [huikuan.load.2] without a customer_id column.");
  m.def("no_financials",
        [](const ledger_holder& h) { return read_ledger(h, [](const ledger& book) { return no_financials(book); }); },
        py::arg("ledger"), "An empty table (nothing known) for the ledger.");

  py::class_<credit_review>(m, "CreditReview",
                            "The credit review of every customer (ledger order) as numpy columns: customer (uint32), "
                            "total, pd, grade (uint8), c_scores (N, 5), reasons (uint16 (N, k), NO_REASON pads), "
                            "missing_mask, open and limit (int64 minor units), collateral_coverage; and per customer "
                            "the binding rule, the terms (None: cash in advance) and the full recommendation.")
      .def_readonly("customer", &credit_review::customer)
      .def_readonly("total", &credit_review::total)
      .def_readonly("pd", &credit_review::pd)
      .def_readonly("grade", &credit_review::grade)
      .def_readonly("c_scores", &credit_review::c_scores)
      .def_readonly("reasons", &credit_review::reasons)
      .def_readonly("missing_mask", &credit_review::missing_mask)
      .def_readonly("open", &credit_review::open)
      .def_readonly("collateral_coverage", &credit_review::collateral_coverage)
      .def_readonly("limit", &credit_review::limit)
      .def_readonly("binding", &credit_review::binding)
      .def_readonly("terms", &credit_review::terms)
      .def_readonly("recommendations", &credit_review::recommendations);
  m.def("review_credit",
        [](const ledger_holder& h, day as_of, const financials_table* financials, const credit_model& model,
           std::size_t reasons, std::optional<array_like> promises_kept_ratio) {
          std::optional<column<double>> kept;
          if (promises_kept_ratio) kept = read_column<double>(*promises_kept_ratio, "promises_kept_ratio");
          const std::span<const double> ratios = kept ? kept->values : std::span<const double>{};
          const std::vector<credit_review_row> rows = read_ledger(h, [&](const ledger& book) {
            if (!financials) return review_credit(book, as_of, no_financials(book), model, reasons, ratios);
            require_financials_of(*financials, book);
            return review_credit(book, as_of, *financials, model, reasons, ratios);
          });
          return make_review(rows, reasons);
        },
        py::arg("ledger"), py::arg("as_of"), py::arg("financials") = py::none(),
        py::arg_v("model", credit_model{}, "CreditModel()"), py::arg("reasons") = 3,
        py::arg("promises_kept_ratio") = py::none(),
        "Reviews every customer as of a date: Character from the ledger, the other Cs from financials (None: "
        "nothing known), the 5C score, grade, PD and reasons, and the recommended limit and terms. "
        "promises_kept_ratio, when given, is each customer's kept share of promises to pay (float64, NaN: none), "
        "which the ledger alone cannot know; the `huikuan score` command takes it from promises.csv. Raises "
        "InputError [huikuan.review.1] when it is not one per customer.");
}

}  // namespace huikuan::python
