// Definitions for common.hpp.
#include "common.hpp"

#include <datetime.h>

#include <algorithm>
#include <limits>

namespace huikuan::python {

namespace {

// numpy objects the conversions need; created once and kept for the life
// of the process (never released: module teardown order is unspecified).
PyObject* numpy_datetime64_type() {
  static PyObject* type = py::object(py::module_::import("numpy").attr("datetime64")).release().ptr();
  return type;
}
const py::dtype& datetime64_days() {
  static auto* type = new py::dtype(py::dtype::from_args(py::str("datetime64[D]")));
  return *type;
}

void import_datetime() {
  if (!PyDateTimeAPI) {
    PyDateTime_IMPORT;
    if (!PyDateTimeAPI) throw py::error_already_set();
  }
}

[[noreturn]] void day_out_of_range(long long serial) {
  throw input_error("huikuan.date.3", "day number " + std::to_string(serial) + " is outside 1400-01-01 .. 9999-12-31");
}

}  // namespace

void argument_error(const char* id, std::string_view argument, const std::string& message) {
  throw input_error(id, std::string(argument) + ": " + message, argument);
}

bool load_day(py::handle source, day& result) {
  import_datetime();
  PyObject* o = source.ptr();
  if (PyDate_Check(o)) {
    // (attributes rather than the PyDateTime_GET_* macros, whose C casts
    // -Wold-style-cast rejects)
    const py::object year = source.attr("year");
    if (!PyLong_Check(year.ptr()))  // pandas.NaT is a datetime whose fields are NaN
      throw input_error(error_id::not_finite, "NaT (not a time) is not a date");
    result = day::from_ymd(year.cast<int>(), source.attr("month").cast<int>(), source.attr("day").cast<int>());
    return true;
  }
  if (PyUnicode_Check(o)) {
    result = parse_date(source.cast<std::string>());
    return true;
  }
  if (PyObject_IsInstance(o, numpy_datetime64_type()) == 1) {
    const auto serial = source.attr("astype")("datetime64[D]").attr("astype")("int64").cast<long long>();
    if (serial == std::numeric_limits<long long>::min())
      throw input_error(error_id::not_finite, "NaT (not a time) is not a date");
    if (serial < min_supported_day.serial() || serial > max_supported_day.serial()) day_out_of_range(serial);
    result = day(static_cast<std::int32_t>(serial));
    return true;
  }
  return false;
}

bool load_exact_integer(py::handle source, long long& value, bool& overflow) {
  if (PyBool_Check(source.ptr()) || !PyIndex_Check(source.ptr())) return false;
  const py::object number = py::reinterpret_steal<py::object>(PyNumber_Index(source.ptr()));
  if (!number) throw py::error_already_set();
  int beyond = 0;
  value = PyLong_AsLongLongAndOverflow(number.ptr(), &beyond);
  if (value == -1 && PyErr_Occurred()) throw py::error_already_set();
  overflow = beyond != 0;
  return true;
}

py::object make_date(day d) {
  import_datetime();
  const auto ymd = d.to_date().year_month_day();
  PyObject* date = PyDate_FromDate(ymd.year, ymd.month, ymd.day);
  if (!date) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(date);
}

py::int_ make_int(const money_total& total) {
  const detail::int128 v = total.minor_units();
  detail::uint128 magnitude = v < 0 ? -static_cast<detail::uint128>(v) : static_cast<detail::uint128>(v);
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  if (v < 0) digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  PyObject* number = PyLong_FromString(digits.c_str(), nullptr, 10);
  if (!number) throw py::error_already_set();
  return py::reinterpret_steal<py::int_>(number);
}

py::array as_array(py::handle object) {
  if (py::isinstance<py::array>(object)) return py::reinterpret_borrow<py::array>(object);
  return py::module_::import("numpy").attr("asarray")(object);
}

std::string dtype_name(const py::array& array) { return py::str(array.dtype()); }

void require_layout(const py::array& array, std::string_view argument, int order) {
  const int flags = py::detail::array_proxy(array.ptr())->flags;
  if (!(flags & py::detail::npy_api::NPY_ARRAY_ALIGNED_))
    argument_error(error_id::layout, argument, "the array is not aligned to its dtype: pass a copy, np.array(...)");
  if (order == py::array::c_style && !(flags & py::detail::npy_api::NPY_ARRAY_C_CONTIGUOUS_))
    argument_error(error_id::layout, argument,
                   "the array is not contiguous (a strided view such as a[::2] or a row-major matrix's column): "
                   "pass np.ascontiguousarray(...)");
  if (order == py::array::f_style && !(flags & py::detail::npy_api::NPY_ARRAY_F_CONTIGUOUS_))
    argument_error(error_id::layout, argument,
                   "the array is not column-major (Fortran-ordered), so its columns are not contiguous: "
                   "pass np.asfortranarray(...) or a list of 1-D columns");
}

day_column read_days(py::handle object, std::string_view argument, const std::int32_t* missing) {
  day_column result{as_array(object), {}, {}};
  const py::array& a = result.array;
  const bool days32 = a.dtype().equal(py::dtype::of<std::int32_t>());
  const bool datetime = a.dtype().equal(datetime64_days());
  if (!days32 && !datetime)
    argument_error(error_id::dtype, argument,
                   "dtype " + dtype_name(a) +
                       "; expected datetime64[D] or int32 day numbers since 1970-01-01 "
                       "(convert with .astype('datetime64[D]'))");
  if (a.ndim() != 1)
    argument_error(error_id::shape, argument, std::to_string(a.ndim()) + "-D array; expected a 1-D array");
  require_layout(a, argument, py::array::c_style);
  const auto n = static_cast<std::size_t>(a.size());
  if (days32) {
    result.values = {static_cast<const std::int32_t*>(a.data()), n};
    return result;
  }
  const auto* serials = static_cast<const std::int64_t*>(a.data());
  result.converted.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t v = serials[i];
    if (v == std::numeric_limits<std::int64_t>::min()) {
      if (!missing) argument_error(error_id::not_finite, argument, "row " + std::to_string(i) + " is NaT (not a date)");
      result.converted[i] = *missing;
    } else if (v < min_supported_day.serial() || v > max_supported_day.serial()) {
      argument_error(error_id::range, argument,
                     "row " + std::to_string(i) + ": day " + std::to_string(v) + " is outside 1400-01-01 .. 9999-12-31");
    } else {
      result.converted[i] = static_cast<std::int32_t>(v);
    }
  }
  result.values = result.converted;
  return result;
}

void require_length(std::size_t size, std::size_t n, std::string_view argument, std::string_view reference) {
  if (size != n)
    argument_error(error_id::shape, argument,
                   "holds " + std::to_string(size) + " values; " + std::string(reference) + " holds " + std::to_string(n));
}

void make_read_only(py::array& array) {
  py::detail::array_proxy(array.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
}

py::array days_as_datetime64(std::span<const std::int32_t> days, std::int32_t missing) {
  py::array result(datetime64_days(), {static_cast<py::ssize_t>(days.size())}, {});
  auto* out = static_cast<std::int64_t*>(result.mutable_data());
  for (std::size_t i = 0; i < days.size(); ++i)
    out[i] = days[i] == missing ? std::numeric_limits<std::int64_t>::min() : days[i];
  return result;
}

indicator_input read_indicators(py::handle values, std::size_t m, std::string_view argument) {
  indicator_input input;
  if (!py::isinstance<py::array>(values) && (py::isinstance<py::list>(values) || py::isinstance<py::tuple>(values))) {
    const py::sequence seq = py::reinterpret_borrow<py::sequence>(values);
    if (seq.size() != m)
      argument_error(error_id::shape, argument,
                     std::to_string(seq.size()) + " columns given; the scorecard has " + std::to_string(m) + " indicators");
    for (std::size_t j = 0; j < m; ++j) {
      const std::string name = std::string(argument) + "[" + std::to_string(j) + "]";
      column<double> c = read_column<double>(seq[j], name);
      if (j == 0) input.columns.debtors = c.values.size();
      else require_length(c.values.size(), input.columns.debtors, name, std::string(argument) + "[0]");
      input.columns.columns.push_back(c.values);
      input.keep.push_back(std::move(c.array));
    }
    return input;
  }
  const py::array a = as_array(values);
  if (!a.dtype().equal(py::dtype::of<double>()))
    argument_error(error_id::dtype, argument, "dtype " + dtype_name(a) + "; expected float64 (NaN = missing)");
  if (a.ndim() != 2)
    argument_error(error_id::shape, argument,
                   std::to_string(a.ndim()) + "-D array; expected a 2-D (debtors, indicators) array or a list of columns");
  if (static_cast<std::size_t>(a.shape(1)) != m)
    argument_error(error_id::shape, argument,
                   "shape " + std::string(py::str(py::tuple(a.attr("shape")))) + "; the scorecard has " +
                       std::to_string(m) + " indicators (columns)");
  require_layout(a, argument, py::array::f_style);
  input.columns = indicator_columns::column_major(static_cast<const double*>(a.data()), static_cast<std::size_t>(a.shape(0)), m);
  input.keep.push_back(a);
  return input;
}

void require_position_of(const position_holder& p, const ledger_holder& holder) {
  if (p.source.get() != &holder)
    argument_error(error_id::position, "position", "it was allocated from another ledger");
  if (p.version != holder.version)
    argument_error(error_id::position, "position",
                   "the ledger has changed since this position was allocated: allocate again");
}

customer_index resolve_customer(const ledger& book, py::handle key) {
  if (py::isinstance<py::str>(key)) return book.customer_index_of(key.cast<std::string>());
  if (PyIndex_Check(key.ptr()) && !PyBool_Check(key.ptr())) {
    const auto index = py::reinterpret_steal<py::int_>(PyNumber_Index(key.ptr())).cast<long long>();
    if (index < 0 || static_cast<unsigned long long>(index) >= book.customer_count())
      throw py::index_error("customer index " + std::to_string(index) + " is out of range (the ledger has " +
                            std::to_string(book.customer_count()) + " customers)");
    return customer_index{static_cast<std::uint32_t>(index)};
  }
  throw py::type_error("customer: expected a customer id (str) or index (int), got " +
                       std::string(py::str(key.get_type().attr("__name__"))));
}

}  // namespace huikuan::python
