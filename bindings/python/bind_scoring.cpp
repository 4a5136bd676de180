// scorecard.hpp, scoring.hpp, character.hpp: the 5C scorecard as data, the
// compiled scoring model (one debtor with reasons, or a portfolio in bulk
// from numpy columns with the GIL released), and Character from the ledger.
#include "common.hpp"

namespace huikuan::python {

namespace {

/// Bulk results: numpy arrays the kernel wrote into.
struct bulk_scores {
  py::object total, pd, grade, c_scores, missing_mask, reasons, indicator_points;
};

template <class T>
std::span<T> span_of(py::array& a) {
  return {static_cast<T*>(a.mutable_data()), static_cast<std::size_t>(a.size())};
}

/// An optional 2-D output in the given order, n rows, `width` columns (0: any).
py::array output_matrix(py::handle object, const py::dtype& dtype, std::size_t n, std::size_t width, int order,
                        std::string_view argument) {
  if (!py::isinstance<py::array>(object)) argument_error(error_id::dtype, argument, "expected a numpy array to write into");
  auto a = py::reinterpret_borrow<py::array>(object);
  if (!a.dtype().equal(dtype))
    argument_error(error_id::dtype, argument, "dtype " + dtype_name(a) + "; expected " + std::string(py::str(py::handle(dtype))));
  if (a.ndim() != 2 || static_cast<std::size_t>(a.shape(0)) != n || (width && static_cast<std::size_t>(a.shape(1)) != width))
    argument_error(error_id::shape, argument,
                   "shape " + std::string(py::str(py::tuple(a.attr("shape")))) + "; expected (" + std::to_string(n) +
                       ", " + (width ? std::to_string(width) : std::string("k")) + ")");
  require_layout(a, argument, order);
  if (!a.writeable()) argument_error(error_id::layout, argument, "the array is read-only");
  return a;
}

void run_scoring(const scoring_model& model, const indicator_input& input, const score_columns& out, unsigned threads) {
  py::gil_scoped_release release;
  model.score(input.columns, out, threads);
}

bulk_scores score_py(const scoring_model& model, array_like values, std::size_t reasons, bool c_scores,
                     bool missing_mask, bool indicator_points, int threads) {
  const std::size_t m = model.card().indicators.size();
  const indicator_input input = read_indicators(values, m);
  const unsigned workers = checked_threads(threads);
  const auto n = static_cast<py::ssize_t>(input.columns.debtors);
  py::array total = py::array_t<double>(n), pd = py::array_t<double>(n), grade = py::array_t<std::uint8_t>(n);
  score_columns out;
  out.total = span_of<double>(total);
  out.pd = span_of<double>(pd);
  out.grade = span_of<std::uint8_t>(grade);
  bulk_scores result{total, pd, grade, py::none(), py::none(), py::none(), py::none()};
  if (c_scores) {
    py::array c = py::array_t<double, py::array::f_style>({n, static_cast<py::ssize_t>(c_dimension_count)});
    for (std::size_t d = 0; d < c_dimension_count; ++d)
      out.c_scores[d] = {static_cast<double*>(c.mutable_data()) + d * static_cast<std::size_t>(n), static_cast<std::size_t>(n)};
    result.c_scores = c;
  }
  if (missing_mask) {
    py::array mask = py::array_t<std::uint64_t>(n);
    out.missing_mask = span_of<std::uint64_t>(mask);
    result.missing_mask = mask;
  }
  if (reasons > 0) {
    py::array r = py::array_t<std::uint16_t>({n, static_cast<py::ssize_t>(reasons)});
    out.reasons = span_of<std::uint16_t>(r);
    out.reasons_per_debtor = reasons;
    result.reasons = r;
  }
  if (indicator_points) {
    py::array p = py::array_t<double, py::array::f_style>({n, static_cast<py::ssize_t>(m)});
    out.indicator_points = span_of<double>(p);
    result.indicator_points = p;
  }
  run_scoring(model, input, out, workers);
  return result;
}

void score_into_py(const scoring_model& model, array_like values, optional_array total, optional_array pd,
                   optional_array grade, optional_array c_scores, optional_array missing_mask, optional_array reasons,
                   optional_array indicator_points,
                   int threads) {
  const std::size_t m = model.card().indicators.size();
  const indicator_input input = read_indicators(values, m);
  const unsigned workers = checked_threads(threads);
  const std::size_t n = input.columns.debtors;
  score_columns out;
  // Each output is checked and kept alive here until the kernel is done.
  std::vector<py::array> keep;
  if (!total.is_none()) out.total = span_of<double>(keep.emplace_back(output_column<double>(total, n, "total")));
  if (!pd.is_none()) out.pd = span_of<double>(keep.emplace_back(output_column<double>(pd, n, "pd")));
  if (!grade.is_none()) out.grade = span_of<std::uint8_t>(keep.emplace_back(output_column<std::uint8_t>(grade, n, "grade")));
  if (!missing_mask.is_none())
    out.missing_mask = span_of<std::uint64_t>(keep.emplace_back(output_column<std::uint64_t>(missing_mask, n, "missing_mask")));
  if (!c_scores.is_none()) {
    py::array& c = keep.emplace_back(output_matrix(c_scores, py::dtype::of<double>(), n, c_dimension_count, py::array::f_style, "c_scores"));
    for (std::size_t d = 0; d < c_dimension_count; ++d) out.c_scores[d] = {static_cast<double*>(c.mutable_data()) + d * n, n};
  }
  if (!reasons.is_none()) {
    py::array& r = keep.emplace_back(output_matrix(reasons, py::dtype::of<std::uint16_t>(), n, 0, py::array::c_style, "reasons"));
    out.reasons_per_debtor = static_cast<std::size_t>(r.shape(1));
    if (out.reasons_per_debtor == 0) argument_error(error_id::shape, "reasons", "has 0 columns: pass None for no reasons");
    out.reasons = span_of<std::uint16_t>(r);
  }
  if (!indicator_points.is_none())
    out.indicator_points = span_of<double>(
        keep.emplace_back(output_matrix(indicator_points, py::dtype::of<double>(), n, m, py::array::f_style, "indicator_points")));
  run_scoring(model, input, out, workers);
}

assessment assess_py(const scoring_model& model, array_like values, std::size_t reasons) {
  // One debtor's M values are copied: any layout and any real dtype will do.
  const column<double> v = read_column<double>(
      py::module_::import("numpy").attr("ascontiguousarray")(values, py::arg("dtype") = "float64"), "values");
  const std::size_t m = model.card().indicators.size();
  if (v.values.size() != m)
    argument_error(error_id::shape, "values",
                   std::to_string(v.values.size()) + " values given; the scorecard has " + std::to_string(m) + " indicators");
  py::gil_scoped_release release;
  return model.assess(v.values, reasons);
}

}  // namespace

void bind_scoring(py::module_& m) {
  bind_enum<c_dimension>(m, "CDimension", "The five Cs, in this order everywhere.",
                         {{"character", c_dimension::character},
                          {"capacity", c_dimension::capacity},
                          {"capital", c_dimension::capital},
                          {"collateral", c_dimension::collateral},
                          {"conditions", c_dimension::conditions}});
  bind_enum<direction>(m, "Direction", "Whether more of an indicator is better or worse for the seller.",
                       {{"higher_is_better", direction::higher_is_better}, {"higher_is_worse", direction::higher_is_worse}});
  bind_enum<missing_treatment>(m, "MissingTreatment", "What a missing (NaN) value scores.",
                               {{"neutral", missing_treatment::neutral},
                                {"worst", missing_treatment::worst},
                                {"reject", missing_treatment::reject}});
  bind_enum<curve_kind>(m, "CurveKind", "How a curve maps values to points.",
                        {{"piecewise_linear", curve_kind::piecewise_linear}, {"bins", curve_kind::bins}});

  py::class_<points_curve>(m, "PointsCurve",
                           "Value -> 0..100 points: piecewise linear between knots (x, points), or bins (x: k edges, "
                           "points: k + 1 values). Assign whole lists (curve.x = [...]).")
      .def(py::init([](curve_kind kind, std::vector<double> x, std::vector<double> points, bool allow_non_monotone) {
             return points_curve{kind, std::move(x), std::move(points), allow_non_monotone};
           }),
           py::arg_v("kind", curve_kind::piecewise_linear, "'piecewise_linear'"), py::arg("x") = std::vector<double>{},
           py::arg("points") = std::vector<double>{}, py::arg("allow_non_monotone") = false)
      .def_readwrite("kind", &points_curve::kind)
      .def_readwrite("x", &points_curve::x)
      .def_readwrite("points", &points_curve::points)
      .def_readwrite("allow_non_monotone", &points_curve::allow_non_monotone);
  py::class_<special_value>(m, "SpecialValue", "An exact value with its own points (e.g. -1 = no trade yet).")
      .def(py::init([](double value, double points, std::string label) { return special_value{value, points, std::move(label)}; }),
           py::arg("value"), py::arg("points"), py::arg("label") = "")
      .def_readwrite("value", &special_value::value)
      .def_readwrite("points", &special_value::points)
      .def_readwrite("label", &special_value::label);
  py::class_<indicator>(m, "Indicator", "One indicator of the scorecard.")
      .def(py::init([](std::string code, std::string name, c_dimension dimension, direction better, points_curve curve,
                       double weight, missing_treatment when_missing, double neutral_points,
                       std::vector<special_value> specials, std::optional<double> min_value,
                       std::optional<double> max_value, std::string reason_en, std::string reason_zh, std::string unit) {
             return indicator{std::move(code), std::move(name), dimension, better, std::move(curve), weight, when_missing,
                              neutral_points, std::move(specials), min_value, max_value, std::move(reason_en),
                              std::move(reason_zh), std::move(unit)};
           }),
           py::arg("code"), py::arg("name") = "", py::arg_v("dimension", c_dimension::character, "'character'"),
           py::arg_v("better", direction::higher_is_better, "'higher_is_better'"),
           py::arg_v("curve", points_curve{}, "PointsCurve()"), py::arg("weight") = 0.0,
           py::arg_v("when_missing", missing_treatment::neutral, "'neutral'"), py::arg("neutral_points") = 50.0,
           py::arg("specials") = std::vector<special_value>{}, py::arg("min_value") = py::none(),
           py::arg("max_value") = py::none(), py::arg("reason_en") = "", py::arg("reason_zh") = "", py::arg("unit") = "")
      .def_readwrite("code", &indicator::code)
      .def_readwrite("name", &indicator::name)
      .def_readwrite("dimension", &indicator::dimension)
      .def_readwrite("better", &indicator::better)
      .def_readwrite("curve", &indicator::curve)
      .def_readwrite("weight", &indicator::weight)
      .def_readwrite("when_missing", &indicator::when_missing)
      .def_readwrite("neutral_points", &indicator::neutral_points)
      .def_readwrite("specials", &indicator::specials)
      .def_readwrite("min_value", &indicator::min_value)
      .def_readwrite("max_value", &indicator::max_value)
      .def_readwrite("reason_en", &indicator::reason_en)
      .def_readwrite("reason_zh", &indicator::reason_zh)
      .def_readwrite("unit", &indicator::unit)
      .def("__repr__", [](const indicator& i) { return "<huikuan.Indicator " + i.code + ">"; });
  py::bind_vector<std::vector<indicator>>(m, "IndicatorList", "The indicators of a scorecard (a list edited in place).");
  py::class_<grade_scale>(m, "GradeScale", "Grades by score cut-offs: labels[i] for a score >= min_scores[i].")
      .def(py::init([](std::vector<std::string> labels, std::vector<double> min_scores) {
             return grade_scale{std::move(labels), std::move(min_scores)};
           }),
           py::arg("labels") = std::vector<std::string>{"A", "B", "C", "D", "E"},
           py::arg("min_scores") = std::vector<double>{80, 65, 50, 35})
      .def_readwrite("labels", &grade_scale::labels)
      .def_readwrite("min_scores", &grade_scale::min_scores);
  py::class_<pd_scaling>(m, "PdScaling", "score = offset + factor x ln(good:bad odds); base_odds at base_score.")
      .def(py::init([](double base_score, double base_odds, double points_to_double_odds) {
             return pd_scaling{base_score, base_odds, points_to_double_odds};
           }),
           py::arg("base_score") = 50.0, py::arg("base_odds") = 19.0, py::arg("points_to_double_odds") = 10.0)
      .def_readwrite("base_score", &pd_scaling::base_score)
      .def_readwrite("base_odds", &pd_scaling::base_odds)
      .def_readwrite("points_to_double_odds", &pd_scaling::points_to_double_odds);
  py::class_<scorecard>(m, "Scorecard", "The 5C model as data: indicators, C weights, grades and PD scaling.")
      .def(py::init<>(), "An empty scorecard (default C weights, grades and scaling); see Scorecard.standard().")
      .def_static("standard", &scorecard::standard, "huikuan's documented default 5C scorecard (17 indicators).")
      .def_readwrite("indicators", &scorecard::indicators)
      .def_readwrite("c_weights", &scorecard::c_weights, "Weights of character, capacity, capital, collateral, conditions.")
      .def_readwrite("grades", &scorecard::grades)
      .def_readwrite("scaling", &scorecard::scaling)
      .def("validate", &scorecard::validate, "Raises InputError [huikuan.scorecard.N] naming the indicator.")
      .def("find", &scorecard::find, py::arg("code"), "Index of the indicator with this code, or None.")
      .def_property_readonly("codes", [](const scorecard& c) {
        std::vector<std::string> codes;
        for (const indicator& i : c.indicators) codes.push_back(i.code);
        return codes;
      }, "The indicator codes in order (the columns bulk scoring expects).");

  py::class_<score_reason>(m, "ScoreReason", "One reason an assessment lost points.")
      .def_readonly("code", &score_reason::code)
      .def_readonly("text", &score_reason::text)
      .def_readonly("text_zh", &score_reason::text_zh)
      .def_readonly("points_lost", &score_reason::points_lost)
      .def_readonly("missing", &score_reason::missing)
      .def("__repr__", [](const score_reason& r) { return "<huikuan.ScoreReason " + r.code + ": " + r.text + ">"; });
  py::class_<missing_indicator>(m, "MissingIndicator", "A missing indicator and how it was scored.")
      .def_readonly("code", &missing_indicator::code)
      .def_readonly("treatment", &missing_indicator::treatment)
      .def_readonly("points", &missing_indicator::points);
  py::class_<assessment>(m, "Assessment", "One debtor's assessment.")
      .def_readonly("c_scores", &assessment::c_scores)
      .def_readonly("total", &assessment::total)
      .def_readonly("grade", &assessment::grade)
      .def_readonly("grade_label", &assessment::grade_label)
      .def_readonly("pd", &assessment::pd)
      .def_readonly("indicator_points", &assessment::indicator_points)
      .def_readonly("reasons", &assessment::reasons)
      .def_readonly("missing", &assessment::missing)
      .def("__repr__", [](const assessment& a) {
        return "<huikuan.Assessment grade " + a.grade_label + " score " + std::to_string(a.total) + ">";
      });
  py::class_<bulk_scores>(m, "BulkScores",
                          "Bulk scoring results as numpy arrays: total, pd (float64), grade (uint8 index into the "
                          "grade labels) and, when asked for (else None), c_scores (float64 (N, 5)), missing_mask "
                          "(uint64, bit j: indicator j missing), reasons (uint16 (N, k) indicator indices, NO_REASON "
                          "pads) and indicator_points (float64 (N, M)).")
      .def_readonly("total", &bulk_scores::total)
      .def_readonly("pd", &bulk_scores::pd)
      .def_readonly("grade", &bulk_scores::grade)
      .def_readonly("c_scores", &bulk_scores::c_scores)
      .def_readonly("missing_mask", &bulk_scores::missing_mask)
      .def_readonly("reasons", &bulk_scores::reasons)
      .def_readonly("indicator_points", &bulk_scores::indicator_points);
  m.attr("NO_REASON") = no_reason;

  py::class_<scoring_model>(m, "ScoringModel",
                            "A validated scorecard compiled for fast evaluation. Immutable: share one across threads.")
      .def(py::init<scorecard>(), py::arg("card"), "Validates and compiles; raises what Scorecard.validate() raises.")
      .def_property_readonly("card", [](const scoring_model& s) { return s.card(); }, "A copy of the scorecard.")
      .def("score", &score_py, py::arg("values"), py::kw_only(), py::arg("reasons") = 0, py::arg("c_scores") = false,
           py::arg("missing_mask") = false, py::arg("indicator_points") = false, py::arg("threads") = 1,
           "Scores N debtors in bulk. values: float64 indicator values (NaN = missing), either an (N, M) array in "
           "column-major order (np.asfortranarray; a DataFrame's to_numpy() usually is) or a list of M 1-D "
           "columns, in the scorecard's indicator order; read in place. Returns BulkScores with total, pd and "
           "grade, and what is asked for: `reasons` reason slots per debtor, the C scores, the missing mask, each "
           "indicator's points (every output costs memory traffic: ask for what you use). Runs with the GIL "
           "released, on `threads` threads (results identical). Raises InputError "
           "[huikuan.python.1]..[.3] for a bad array, [huikuan.score.1] infinite value, [.2] outside the domain, "
           "[.3] missing under 'reject', naming the debtor and indicator.")
      .def("score_into", &score_into_py, py::arg("values"), py::kw_only(), py::arg("total") = py::none(),
           py::arg("pd") = py::none(), py::arg("grade") = py::none(), py::arg("c_scores") = py::none(),
           py::arg("missing_mask") = py::none(), py::arg("reasons") = py::none(),
           py::arg("indicator_points") = py::none(), py::arg("threads") = 1,
           "As score, writing into caller-owned arrays (each optional): total and pd float64 (N,), grade uint8 "
           "(N,), missing_mask uint64 (N,), c_scores float64 (N, 5) and indicator_points float64 (N, M) in "
           "column-major order, reasons uint16 (N, k) row-major. No allocation per call.")
      .def("assess", &assess_py, py::arg("values"), py::arg("reasons") = 3,
           "Assesses one debtor from its M indicator values (any sequence of numbers; NaN = missing) with the "
           "`reasons` indicators that cost most. Same numbers as bulk scoring, bit for bit.")
      .def("pd_from_score", &scoring_model::pd_from_score, py::arg("total"), "PD at a total score under the scaling.")
      .def("score_from_pd", &scoring_model::score_from_pd, py::arg("pd"), "The score at which the PD is pd (0 < pd < 1).")
      .def("grade_of", &scoring_model::grade_of, py::arg("total"), "Grade index of a total score.");

  m.def("character_from_ledger",
        [](const ledger_holder& h, const position_holder& p, std::int32_t window_days) {
          character_columns c = read_ledger(h, [&](const ledger& book) {
            require_position_of(p, h);
            return character_from_ledger(book, p.position, window_days);
          });
          py::dict d;
          d["days_beyond_terms"] = adopt(std::move(c.days_beyond_terms));
          d["share_paid_on_time"] = adopt(std::move(c.share_paid_on_time));
          d["promises_kept_ratio"] = adopt(std::move(c.promises_kept_ratio));
          d["bounced_cheques_12m"] = adopt(std::move(c.bounced_cheques_12m));
          d["relationship_years"] = adopt(std::move(c.relationship_years));
          d["legal_events"] = adopt(std::move(c.legal_events));
          return d;
        },
        py::arg("ledger"), py::arg("position"), py::arg("window_days") = 365,
        "The Character indicators of every customer from the ledger, as a dict of float64 arrays keyed by "
        "indicator code (NaN = missing), indexed like the ledger's customers.");
}

}  // namespace huikuan::python
