// logistic.hpp, diagnostics.hpp, scorecard_fit.hpp: logistic regression,
// AUC / Gini / KS / WoE / IV / PSI, and fitting a scorecard to history.
#include <cmath>

#include "common.hpp"

namespace huikuan::python {

namespace {

using row_major = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

py::array to_numpy(const Eigen::VectorXd& v) {
  return adopt(std::vector<double>(v.data(), v.data() + v.size()));
}

/// A (rows, columns) float64 matrix: column-major used in place, row-major
/// through an Eigen map (the fit standardises a copy in any case).
struct matrix_input {
  py::array array;
  std::size_t rows = 0, columns = 0;
  bool column_major = false;
  const double* data = nullptr;
};

matrix_input read_matrix(py::handle object, std::string_view argument) {
  matrix_input in{as_array(object)};
  const py::array& a = in.array;
  if (!a.dtype().equal(py::dtype::of<double>()))
    argument_error(error_id::dtype, argument, "dtype " + dtype_name(a) + "; expected float64");
  if (a.ndim() != 2) argument_error(error_id::shape, argument, std::to_string(a.ndim()) + "-D array; expected (rows, columns)");
  const int flags = py::detail::array_proxy(a.ptr())->flags;
  in.column_major = (flags & py::detail::npy_api::NPY_ARRAY_F_CONTIGUOUS_) != 0;
  require_layout(a, argument, in.column_major ? py::array::f_style : py::array::c_style);
  in.rows = static_cast<std::size_t>(a.shape(0));
  in.columns = static_cast<std::size_t>(a.shape(1));
  in.data = static_cast<const double*>(a.data());
  return in;
}

/// 0/1 labels: uint8 or bool used in place; another integer dtype (a list
/// of ints, a pandas int64 column) converted after checking every value.
column<std::uint8_t> read_binary_labels(py::handle object, std::string_view argument) {
  py::array a = as_array(object);
  const char kind = a.dtype().kind();
  if ((kind == 'i' || kind == 'u') && !a.dtype().equal(py::dtype::of<std::uint8_t>())) {
    const py::array wide = py::module_::import("numpy").attr("ascontiguousarray")(a, py::arg("dtype") = "int64");
    const column<std::int64_t> values = read_column<std::int64_t>(wide, argument);
    for (std::size_t i = 0; i < values.values.size(); ++i)
      if (values.values[i] != 0 && values.values[i] != 1)
        argument_error(error_id::range, argument,
                       "row " + std::to_string(i) + " is " + std::to_string(values.values[i]) + "; labels are 0 or 1");
    a = wide.attr("astype")("uint8");
  }
  return read_column<std::uint8_t>(a, argument, true, true);
}

/// Labels: 0/1 integers as read_binary_labels, or float64 0.0/1.0.
struct label_input {
  py::array array;
  bool as_double = false;
};

label_input read_labels(py::handle object, std::string_view argument) {
  const py::array a = as_array(object);
  if (a.dtype().equal(py::dtype::of<double>())) {
    (void)read_column<double>(a, argument);
    return {a, true};
  }
  const char kind = a.dtype().kind();
  if (kind != 'b' && kind != 'i' && kind != 'u')
    argument_error(error_id::dtype, argument, "dtype " + dtype_name(a) + "; expected 0/1 integer or bool labels (or float64 0.0/1.0)");
  return {read_binary_labels(a, argument).array, false};
}

logistic_fit fit_logistic_py(array_like x, array_like labels, bool intercept, double l2_penalty, int max_iterations,
                             double tolerance, std::vector<std::string> column_names) {
  const matrix_input m = read_matrix(x, "x");
  const label_input y = read_labels(labels, "labels");
  const logistic_options options{intercept, l2_penalty, max_iterations, tolerance, std::move(column_names)};
  const auto n = static_cast<std::size_t>(y.array.size());
  if (n != m.rows)
    argument_error("huikuan.fit.1", "labels", std::to_string(n) + " labels for " + std::to_string(m.rows) + " rows of x");
  py::gil_scoped_release release;
  if (!y.as_double && m.column_major) {
    const std::span<const std::uint8_t> l(static_cast<const std::uint8_t*>(y.array.data()), n);
    return fit_logistic(std::span<const double>(m.data, m.rows * m.columns), m.rows, m.columns, l, options);
  }
  const auto rows = static_cast<Eigen::Index>(m.rows), cols = static_cast<Eigen::Index>(m.columns);
  const auto run = [&](const Eigen::Ref<const Eigen::MatrixXd>& matrix) {
    if (y.as_double)
      return fit_logistic(matrix, Eigen::Map<const Eigen::VectorXd>(static_cast<const double*>(y.array.data()),
                                                                     static_cast<Eigen::Index>(n)), options);
    return fit_logistic(matrix, std::span<const std::uint8_t>(static_cast<const std::uint8_t*>(y.array.data()), n), options);
  };
  if (m.column_major) return run(Eigen::Map<const Eigen::MatrixXd>(m.data, rows, cols));
  return run(Eigen::Map<const row_major>(m.data, rows, cols));
}

py::object predict_py(const logistic_fit& fit, array_like x) {
  const py::array a = as_array(x);
  if (a.ndim() == 1) {
    const column<double> row = read_column<double>(a, "x");
    return py::float_(fit.predict_probability(row.values));
  }
  const matrix_input m = read_matrix(a, "x");
  const auto rows = static_cast<Eigen::Index>(m.rows), cols = static_cast<Eigen::Index>(m.columns);
  Eigen::VectorXd p;
  {
    py::gil_scoped_release release;
    if (m.column_major) p = fit.predict_probability(Eigen::Map<const Eigen::MatrixXd>(m.data, rows, cols));
    else p = fit.predict_probability(Eigen::Ref<const Eigen::MatrixXd>(Eigen::Map<const row_major>(m.data, rows, cols)));
  }
  return to_numpy(p);
}

/// Scores and 0/1 labels of equal length for the discrimination measures.
struct scored_labels {
  column<double> scores;
  column<std::uint8_t> labels;
};

scored_labels read_scored(py::handle scores, py::handle labels) {
  scored_labels s{read_column<double>(scores, "scores"), read_binary_labels(labels, "labels")};
  require_length(s.labels.values.size(), s.scores.values.size(), "labels", "scores");
  return s;
}

template <class F>
auto discriminate(py::handle scores, py::handle labels, F f) {
  const scored_labels s = read_scored(scores, labels);
  py::gil_scoped_release release;
  return f(s.scores.values, s.labels.values);
}

}  // namespace

void bind_fitting(py::module_& m) {
  py::class_<logistic_fit>(m, "LogisticFit",
                           "A fitted logistic regression: coefficient arrays hold the intercept first (when fitted), "
                           "then one entry per column of x.")
      .def_property_readonly("coefficients", [](const logistic_fit& f) { return to_numpy(f.coefficients); })
      .def_property_readonly("standard_errors", [](const logistic_fit& f) { return to_numpy(f.standard_errors); })
      .def_property_readonly("z_values", [](const logistic_fit& f) { return to_numpy(f.z_values); })
      .def_property_readonly("covariance", [](const logistic_fit& f) {
        const auto p = static_cast<py::ssize_t>(f.covariance.rows());
        py::array_t<double, py::array::f_style> c({p, p});
        std::copy_n(f.covariance.data(), p * p, c.mutable_data());
        return c;
      })
      .def_readonly("names", &logistic_fit::names)
      .def_readonly("log_likelihood", &logistic_fit::log_likelihood)
      .def_readonly("null_log_likelihood", &logistic_fit::null_log_likelihood)
      .def_readonly("penalised_log_likelihood", &logistic_fit::penalised_log_likelihood)
      .def_readonly("iterations", &logistic_fit::iterations)
      .def_readonly("converged", &logistic_fit::converged)
      .def_readonly("intercept", &logistic_fit::intercept)
      .def_readonly("l2_penalty", &logistic_fit::l2_penalty)
      .def_readonly("observations", &logistic_fit::observations)
      .def("linear_predictor", [](const logistic_fit& f, array_like row) {
             return f.linear_predictor(read_column<double>(row, "row").values);
           },
           py::arg("row"), "eta = b0 + x . b for one row (without the intercept's 1).")
      .def("predict_probability", &predict_py, py::arg("x"),
           "P(event) for one row (1-D: a float) or every row of a (rows, columns) float64 array (an array).");
  m.def("fit_logistic", &fit_logistic_py, py::arg("x"), py::arg("labels"), py::kw_only(), py::arg("intercept") = true,
        py::arg("l2_penalty") = 0.0, py::arg("max_iterations") = 100, py::arg("tolerance") = 1e-8,
        py::arg("column_names") = std::vector<std::string>{},
        "Fits a logistic regression of labels (uint8/bool 0/1, or float64 0.0/1.0) on the columns of x (float64 "
        "(rows, columns); column-major is used in place) by Newton/IRLS with the GIL released. The maximum-"
        "likelihood estimate of R's glm and statsmodels' Logit when l2_penalty is 0. Raises InputError "
        "[huikuan.fit.1]..[huikuan.fit.9] (sizes, NaN, labels, one class, too few rows, options, singular "
        "design, separation).");

  py::class_<ks_result>(m, "KsResult", "The KS statistic and the lowest score where it is reached.")
      .def_readonly("statistic", &ks_result::statistic)
      .def_readonly("threshold", &ks_result::threshold);
  py::class_<discrimination>(m, "Discrimination", "AUC, Gini and KS of one score.")
      .def_readonly("auc", &discrimination::auc)
      .def_readonly("gini", &discrimination::gini)
      .def_readonly("kolmogorov_smirnov", &discrimination::kolmogorov_smirnov)
      .def_readonly("goods", &discrimination::goods)
      .def_readonly("bads", &discrimination::bads);
  const char* scores_doc =
      " scores: float64 (higher = riskier, e.g. a PD); labels: uint8/bool, 1 = bad. Raises InputError "
      "[huikuan.diagnostics.1] lengths, [.2] a NaN or infinite score, [.3] a label not 0/1, [.4] one class only.";
  m.def("roc_auc", [](array_like scores, array_like labels) { return discriminate(scores, labels, [](auto a, auto b) { return roc_auc(a, b); }); },
        py::arg("scores"), py::arg("labels"), (std::string("Area under the ROC curve (ties count one half).") + scores_doc).c_str());
  m.def("gini", [](array_like scores, array_like labels) { return discriminate(scores, labels, [](auto a, auto b) { return gini(a, b); }); },
        py::arg("scores"), py::arg("labels"), (std::string("2 x AUC - 1.") + scores_doc).c_str());
  m.def("kolmogorov_smirnov",
        [](array_like scores, array_like labels) { return discriminate(scores, labels, [](auto a, auto b) { return kolmogorov_smirnov(a, b); }); },
        py::arg("scores"), py::arg("labels"),
        (std::string("Largest gap between the bads' and goods' cumulative score distributions.") + scores_doc).c_str());
  m.def("measure_discrimination",
        [](array_like scores, array_like labels) { return discriminate(scores, labels, [](auto a, auto b) { return measure_discrimination(a, b); }); },
        py::arg("scores"), py::arg("labels"), (std::string("AUC, Gini and KS from one sort.") + scores_doc).c_str());

  m.def("bin_index",
        [](array_like values, array_like cut_points) {
          const column<double> v = read_column<double>(values, "values");
          const column<double> cuts = read_column<double>(cut_points, "cut_points");
          for (std::size_t k = 0; k < cuts.values.size(); ++k)
            if (!std::isfinite(cuts.values[k]) || (k > 0 && !(cuts.values[k] > cuts.values[k - 1])))
              argument_error("huikuan.diagnostics.5", "cut_points", "must be finite and strictly increasing");
          std::vector<std::uint64_t> bins(v.values.size());
          for (std::size_t i = 0; i < bins.size(); ++i) {
            if (std::isnan(v.values[i])) argument_error(error_id::not_finite, "values", "row " + std::to_string(i) + " is NaN");
            bins[i] = bin_index(v.values[i], cuts.values);
          }
          return adopt(std::move(bins));
        },
        py::arg("values"), py::arg("cut_points"),
        "The bin of each value: the number of cut points <= value (a value on a cut point belongs to the bin "
        "above). Raises InputError for NaN values or cut points not finite and strictly increasing.");

  py::class_<woe_bin>(m, "WoeBin", "One bin of a weight-of-evidence table.")
      .def_readonly("goods", &woe_bin::goods)
      .def_readonly("bads", &woe_bin::bads)
      .def_readonly("good_share", &woe_bin::good_share)
      .def_readonly("bad_share", &woe_bin::bad_share)
      .def_readonly("weight_of_evidence", &woe_bin::weight_of_evidence)
      .def_readonly("information_value", &woe_bin::information_value)
      .def_readonly("adjusted", &woe_bin::adjusted);
  py::class_<woe_table>(m, "WoeTable", "WoE = ln(%good / %bad) per bin, and the information value.")
      .def_readonly("bins", &woe_table::bins)
      .def_readonly("information_value", &woe_table::information_value)
      .def_readonly("goods", &woe_table::goods)
      .def_readonly("bads", &woe_table::bads)
      .def_readonly("adjusted_bins", &woe_table::adjusted_bins);
  m.def("weight_of_evidence",
        [](array_like values, array_like labels, array_like cut_points, double zero_cell_adjustment) {
          const column<double> v = read_column<double>(values, "values");
          const column<std::uint8_t> l = read_binary_labels(labels, "labels");
          const column<double> cuts = read_column<double>(cut_points, "cut_points");
          py::gil_scoped_release release;
          return weight_of_evidence(v.values, l.values, cuts.values, woe_options{zero_cell_adjustment});
        },
        py::arg("values"), py::arg("labels"), py::arg("cut_points"), py::kw_only(), py::arg("zero_cell_adjustment") = 0.5,
        "WoE and IV of a raw indicator binned by cut points; the last bin holds missing (NaN) values. Raises "
        "InputError [huikuan.diagnostics.1]..[.8].");
  m.def("weight_of_evidence_from_counts",
        [](array_like goods_per_bin, array_like bads_per_bin, double zero_cell_adjustment) {
          const column<std::int64_t> g = read_column<std::int64_t>(goods_per_bin, "goods_per_bin");
          const column<std::int64_t> b = read_column<std::int64_t>(bads_per_bin, "bads_per_bin");
          return weight_of_evidence(g.values, b.values, woe_options{zero_cell_adjustment});
        },
        py::arg("goods_per_bin"), py::arg("bads_per_bin"), py::kw_only(), py::arg("zero_cell_adjustment") = 0.5,
        "WoE and IV from int64 counts of goods and bads per bin.");

  bind_enum<population_shift>(m, "PopulationShift", "The conventional reading of a PSI.",
                              {{"stable", population_shift::stable},
                               {"some_shift", population_shift::some_shift},
                               {"major_shift", population_shift::major_shift}});
  m.def("classify_population_shift", &classify_population_shift, py::arg("index"),
        "< 0.1 stable, 0.1..0.25 some shift, > 0.25 major shift (NaN: major shift).");
  py::class_<psi_bin>(m, "PsiBin", "One bin of a PSI table.")
      .def_readonly("expected_share", &psi_bin::expected_share)
      .def_readonly("actual_share", &psi_bin::actual_share)
      .def_readonly("contribution", &psi_bin::contribution)
      .def_readonly("floored", &psi_bin::floored);
  py::class_<psi_result>(m, "PsiResult", "A population stability index with its bins and reading.")
      .def_readonly("bins", &psi_result::bins)
      .def_readonly("index", &psi_result::index)
      .def_readonly("shift", &psi_result::shift)
      .def_readonly("floored_bins", &psi_result::floored_bins);
  m.def("population_stability_index",
        [](array_like expected_weights, array_like actual_weights, double zero_share_floor) {
          const column<double> e = read_column<double>(expected_weights, "expected_weights");
          const column<double> a = read_column<double>(actual_weights, "actual_weights");
          return population_stability_index(e.values, a.values, psi_options{zero_share_floor});
        },
        py::arg("expected_weights"), py::arg("actual_weights"), py::kw_only(), py::arg("zero_share_floor") = 1e-4,
        "PSI = sum (actual - expected) x ln(actual / expected) over bins given as float64 counts or shares.");
  m.def("population_stability_index_of_scores",
        [](array_like expected_scores, array_like actual_scores, array_like cut_points, double zero_share_floor) {
          const column<double> e = read_column<double>(expected_scores, "expected_scores");
          const column<double> a = read_column<double>(actual_scores, "actual_scores");
          const column<double> cuts = read_column<double>(cut_points, "cut_points");
          py::gil_scoped_release release;
          return population_stability_index_of_scores(e.values, a.values, cuts.values, psi_options{zero_share_floor});
        },
        py::arg("expected_scores"), py::arg("actual_scores"), py::arg("cut_points"), py::kw_only(),
        py::arg("zero_share_floor") = 1e-4,
        "PSI between two samples of scores binned by the same cut points. Raises InputError "
        "[huikuan.diagnostics.2] NaN score, [.5] bad cut points, [.6] an empty sample.");

  py::class_<scorecard_fit_result>(m, "ScorecardFitResult", "A fitted scorecard with the fits behind it.")
      .def_readonly("fitted", &scorecard_fit_result::fitted)
      .def_readonly("c_level", &scorecard_fit_result::c_level)
      .def_readonly("indicator_level", &scorecard_fit_result::indicator_level)
      .def_readonly("calibration", &scorecard_fit_result::calibration)
      .def_readonly("before", &scorecard_fit_result::before)
      .def_readonly("after", &scorecard_fit_result::after)
      .def_readonly("notes", &scorecard_fit_result::notes);
  m.def("fit_scorecard",
        [](const scorecard& start, array_like history, array_like defaulted, bool fit_c_weights,
           bool fit_indicator_weights, bool calibrate_pd, double l2_penalty) {
          const indicator_input h = read_indicators(history, start.indicators.size(), "history");
          const column<std::uint8_t> d = read_binary_labels(defaulted, "defaulted");
          const scorecard_fit_options options{fit_c_weights, fit_indicator_weights, calibrate_pd, l2_penalty};
          py::gil_scoped_release release;
          return fit_scorecard(start, h.columns, d.values, options);
        },
        py::arg("start"), py::arg("history"), py::arg("defaulted"), py::kw_only(), py::arg("fit_c_weights") = true,
        py::arg("fit_indicator_weights") = false, py::arg("calibrate_pd") = true, py::arg("l2_penalty") = 0.0,
        "Fits the weights and PD scaling of `start` to labelled history: history as for ScoringModel.score, "
        "defaulted uint8/bool (1 = defaulted). Raises InputError [huikuan.fit.20]..[.23] and those of scoring "
        "and fit_logistic.");
}

}  // namespace huikuan::python
