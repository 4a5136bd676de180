// Shared by every bind_*.cpp file of huikuan._core: the conversions between
// huikuan's value types and Python's, the checks every numpy argument goes
// through, and the ledger holder that lets kernels run without the GIL.
//
// The habits (STYLE.md, the MuJoCo rollout pattern):
//  - every array argument is checked with the GIL held (dtype, number of
//    dimensions, lengths, contiguity, alignment) and a bad one raises
//    huikuan.InputError (a ValueError) whose message starts with a stable
//    id and names the argument: "[huikuan.python.1] amount: dtype float64 ...";
//  - numpy buffers of the right dtype are used in place (no copy) and
//    results are returned as numpy arrays that own or view C++ memory;
//  - kernels run with the GIL released, on spans taken before the release.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl_bind.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// The headers bound here (not the umbrella header, so a concept being
// written elsewhere in the tree does not enter the module until bound).
#include "huikuan/aging.hpp"
#include "huikuan/allocation.hpp"
#include "huikuan/character.hpp"
#include "huikuan/credit_limit.hpp"
#include "huikuan/credit_review.hpp"
#include "huikuan/date.hpp"
#include "huikuan/diagnostics.hpp"
#include "huikuan/error.hpp"
#include "huikuan/escalation.hpp"
#include "huikuan/kpi.hpp"
#include "huikuan/kpi_report.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/load.hpp"
#include "huikuan/logistic.hpp"
#include "huikuan/model_io.hpp"
#include "huikuan/money.hpp"
#include "huikuan/scorecard.hpp"
#include "huikuan/scorecard_fit.hpp"
#include "huikuan/scoring.hpp"
#include "huikuan/statement.hpp"
#include "huikuan/terms.hpp"

// Lists that Python code edits in place (card.indicators[0].weight = 0.3)
// are bound as list-like classes instead of being copied to Python lists.
PYBIND11_MAKE_OPAQUE(std::vector<huikuan::indicator>)
PYBIND11_MAKE_OPAQUE(std::vector<huikuan::escalation_stage>)

namespace huikuan::python {

namespace py = pybind11;

// Stable ids of the errors the bindings raise themselves (never reused).
namespace error_id {
inline constexpr const char* dtype = "huikuan.python.1";        // wrong dtype
inline constexpr const char* shape = "huikuan.python.2";        // wrong dimensions, shape or lengths
inline constexpr const char* layout = "huikuan.python.3";       // not contiguous, not aligned, read-only output
inline constexpr const char* empty = "huikuan.python.4";        // empty where a value is needed
inline constexpr const char* not_finite = "huikuan.python.5";   // NaN, infinity or NaT where not allowed
inline constexpr const char* range = "huikuan.python.6";        // a value outside its range
inline constexpr const char* ledger_viewed = "huikuan.python.7"; // adding to a ledger or order table that numpy arrays view
inline constexpr const char* position = "huikuan.python.8";     // a result of another (or a changed) ledger
inline constexpr const char* value = "huikuan.python.9";        // any other bad argument value
inline constexpr const char* not_found = "huikuan.python.10";   // an id that is not in the ledger (KeyError)
}  // namespace error_id

/// Throws input_error "[id] argument: message" with field() = argument.
[[noreturn]] void argument_error(const char* id, std::string_view argument, const std::string& message);

// ------------------------------------------------- argument types (names)
//
// Arguments taken as Python objects and checked in the body, under the
// names their signatures show (help(), IDEs, stubgen): numpy arrays or
// anything np.asarray reads, a mapping of columns, a customer id or index.

inline bool accept_any_object(PyObject*) { return true; }
#define HUIKUAN_PYTHON_ARGUMENT(type)                                     \
  class type : public py::object {                                        \
  public:                                                                 \
    PYBIND11_OBJECT_DEFAULT(type, py::object, accept_any_object)          \
  };
HUIKUAN_PYTHON_ARGUMENT(array_like)
HUIKUAN_PYTHON_ARGUMENT(optional_array)
HUIKUAN_PYTHON_ARGUMENT(table_like)
HUIKUAN_PYTHON_ARGUMENT(customer_key)
#undef HUIKUAN_PYTHON_ARGUMENT

// ------------------------------------------------------------ scalar values

/// A date from datetime.date (or datetime.datetime / pandas.Timestamp: the
/// date part), numpy.datetime64 or ISO text "YYYY-MM-DD". False for other
/// types; throws input_error for a date outside 1400-01-01 .. 9999-12-31.
bool load_day(py::handle source, day& result);
/// An exact integer from an int or an object with __index__ (numpy integers),
/// not a bool: false for other types; `overflow` is set beyond long long.
bool load_exact_integer(py::handle source, long long& value, bool& overflow);
/// datetime.date of a day; throws input_error [huikuan.date.3] out of range.
py::object make_date(day d);
/// An exact Python int of a 128-bit total of minor units.
py::int_ make_int(const money_total& total);

/// Binds an enum with snake_case members that also converts from its
/// members' names, so Python callers may pass "customer" for
/// AgingGrouping.customer (an unknown name raises InputError).
template <class E>
py::enum_<E> bind_enum(py::handle scope, const char* name, const char* doc,
                       std::initializer_list<std::pair<const char*, E>> members) {
  py::enum_<E> type(scope, name, doc);
  auto names = std::make_shared<std::vector<std::pair<std::string, E>>>();
  for (const auto& [member, value] : members) {
    type.value(member, value);
    names->emplace_back(member, value);
  }
  type.def(py::init([names, name](const std::string& text) {
             std::string known;
             for (const auto& [member, value] : *names) {
               if (member == text) return value;
               known += (known.empty() ? "" : ", ") + member;
             }
             argument_error(error_id::value, name, "\"" + text + "\" is not one of " + known);
           }),
           py::arg("name"));
  py::implicitly_convertible<py::str, E>();
  return type;
}

/// A `threads=` argument as a count; InputError [huikuan.python.9] below 1.
inline unsigned checked_threads(int threads) {
  if (threads < 1) argument_error(error_id::value, "threads", std::to_string(threads) + " is not a positive count");
  return static_cast<unsigned>(threads);
}

// ------------------------------------------------------------ array inputs

/// A read-only 1-D input column: the numpy array (kept alive while the
/// span is used; a temporary when the argument was a list) and its data.
template <class T>
struct column {
  py::array array;
  std::span<const T> values;
};

/// np.asarray(object) without forcing a dtype.
py::array as_array(py::handle object);
/// The name numpy gives the array's dtype ("float64", "datetime64[ns]").
std::string dtype_name(const py::array& array);
/// Checks that `array` is aligned and laid out as `order` requires
/// (py::array::c_style or py::array::f_style), naming `argument`.
void require_layout(const py::array& array, std::string_view argument, int order);

/// A 1-D contiguous column of exactly dtype T, used in place. With
/// accept_bool a numpy bool array is read as uint8 0/1 (labels). Raises
/// InputError for another dtype, dimensions, layout; for an empty array
/// when allow_empty is false.
template <class T>
column<T> read_column(py::handle object, std::string_view argument, bool allow_empty = true, bool accept_bool = false) {
  column<T> result{as_array(object), {}};
  const py::array& a = result.array;
  const bool bool_as_byte = accept_bool && std::is_same_v<T, std::uint8_t> && a.dtype().kind() == 'b';
  if (!bool_as_byte && !a.dtype().equal(py::dtype::of<T>())) {
    std::string expected = py::str(py::dtype::of<T>());
    if (std::is_same_v<T, std::int64_t>)
      expected += " (money is int64 minor units: convert float amounts with huikuan.to_minor_units)";
    argument_error(error_id::dtype, argument, "dtype " + dtype_name(a) + "; expected " + expected);
  }
  if (a.ndim() != 1)
    argument_error(error_id::shape, argument, std::to_string(a.ndim()) + "-D array; expected a 1-D array");
  require_layout(a, argument, py::array::c_style);
  if (!allow_empty && a.size() == 0) argument_error(error_id::empty, argument, "the array is empty");
  result.values = {static_cast<const T*>(a.data()), static_cast<std::size_t>(a.size())};
  return result;
}

/// A 1-D column of day numbers: int32 days since 1970-01-01 (used in
/// place) or datetime64[D] (converted; NaT is missing). Missing days are
/// an error unless `missing` is given, which then stands for them.
struct day_column {
  py::array array;
  std::vector<std::int32_t> converted;
  std::span<const std::int32_t> values;
};
day_column read_days(py::handle object, std::string_view argument, const std::int32_t* missing = nullptr);

/// Indicator values of N debtors (NaN = missing), read in place: a float64
/// (N, M) array in column-major (Fortran) order, or a sequence of M float64
/// 1-D columns. The arrays are kept alive with the spans.
struct indicator_input {
  std::vector<py::array> keep;
  indicator_columns columns;
};
indicator_input read_indicators(py::handle values, std::size_t m, std::string_view argument = "values");

/// Requires a column of length n.
void require_length(std::size_t size, std::size_t n, std::string_view argument, std::string_view reference);

/// A writable output column of dtype T and length n, or a new one if
/// `object` is None.
template <class T>
py::array_t<T> output_column(py::handle object, std::size_t n, std::string_view argument) {
  if (object.is_none()) return py::array_t<T>(static_cast<py::ssize_t>(n));
  if (!py::isinstance<py::array>(object))
    argument_error(error_id::dtype, argument, "expected a numpy array to write into");
  auto a = py::reinterpret_borrow<py::array>(object);
  if (!a.dtype().equal(py::dtype::of<T>()))
    argument_error(error_id::dtype, argument,
                   "dtype " + dtype_name(a) + "; expected " + std::string(py::str(py::dtype::of<T>())));
  if (a.ndim() != 1 || static_cast<std::size_t>(a.shape(0)) != n)
    argument_error(error_id::shape, argument, "shape " + std::string(py::str(py::tuple(a.attr("shape")))) +
                                                  "; expected (" + std::to_string(n) + ",)");
  require_layout(a, argument, py::array::c_style);
  if (!a.writeable()) argument_error(error_id::layout, argument, "the array is read-only");
  return py::reinterpret_borrow<py::array_t<T>>(a);
}

// ----------------------------------------------------------- array outputs

/// A numpy array that owns `values` (moved, not copied).
template <class T>
py::array_t<T> adopt(std::vector<T>&& values) {
  auto* owner = new std::vector<T>(std::move(values));
  py::capsule capsule(owner, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>(static_cast<py::ssize_t>(owner->size()), owner->data(), capsule);
}

/// Clears the array's WRITEABLE flag.
void make_read_only(py::array& array);

/// A read-only view of memory owned by `base` (kept alive by the view).
template <class T>
py::array view(const T* data, std::vector<py::ssize_t> shape, std::vector<py::ssize_t> strides, py::handle base) {
  py::array result(py::dtype::of<T>(), std::move(shape), std::move(strides), data, base);
  make_read_only(result);
  return result;
}
template <class T>
py::array view(std::span<const T> data, py::handle base) {
  return view<T>(data.data(), {static_cast<py::ssize_t>(data.size())}, {static_cast<py::ssize_t>(sizeof(T))}, base);
}

/// A read-only (rows, width) view of row-major cells owned by `base`.
template <class T>
py::array view_rows(const std::vector<T>& cells, std::size_t rows, std::size_t width, py::handle base) {
  const auto w = static_cast<py::ssize_t>(width);
  return view<T>(cells.data(), {static_cast<py::ssize_t>(rows), w}, {w * static_cast<py::ssize_t>(sizeof(T)), sizeof(T)},
                 base);
}

/// The two attributes every file-load result has: `problems` (each row
/// left out, with file, line, column and reason) and `summary`.
template <class Result, class Class>
void bind_problems_and_summary(Class& type) {
  type.def_readonly("problems", &Result::problems, "Every row left out, with file, line, column and reason.")
      .def_readonly("summary", &Result::summary, "Rows read, loaded and left out.");
}

/// int32 day numbers as datetime64[D] (a widening copy); `missing` maps to NaT.
py::array days_as_datetime64(std::span<const std::int32_t> days, std::int32_t missing);

// ------------------------------------------------------------------ ledger

/// A ledger shared with Python. Kernels read it with the GIL released under
/// a shared lock; add_* writes under the exclusive lock and refuses while
/// numpy arrays view its columns (their buffers would move), as numpy's own
/// resize() refuses while an array is referenced.
struct ledger_holder {
  ledger book;
  mutable std::shared_mutex mutex;
  std::atomic<std::size_t> views{0};  ///< numpy view owners alive
  std::uint64_t version = 0;          ///< bumped by every add_*
};
using ledger_ptr = std::shared_ptr<ledger_holder>;

/// Runs f(book) with the GIL released under the shared lock.
template <class F>
auto read_ledger(const ledger_holder& holder, F&& f) {
  py::gil_scoped_release release;
  std::shared_lock lock(holder.mutex);
  return f(holder.book);
}

/// An object that counts in holder->views while alive (an atomic counter
/// that writers check before moving buffers): the base of numpy views of
/// columns that must stay in place, such as a ledger's.
template <class Holder>
py::object pinning_view_owner(const std::shared_ptr<Holder>& holder) {
  struct token {
    std::shared_ptr<Holder> pinned;
    explicit token(std::shared_ptr<Holder> h) : pinned(std::move(h)) { pinned->views.fetch_add(1); }
    ~token() { pinned->views.fetch_sub(1); }
    token(const token&) = delete;
    token& operator=(const token&) = delete;
  };
  return py::capsule(new token(holder), [](void* p) { delete static_cast<token*>(p); });
}

/// An object that keeps the ledger's column buffers in place while alive:
/// the base of every numpy view of a ledger column.
inline py::object ledger_view_owner(const ledger_ptr& holder) { return pinning_view_owner(holder); }

/// An allocation together with the ledger (and its version) it came from.
struct position_holder {
  receivables_position position;
  ledger_ptr source;
  std::uint64_t version = 0;
};
/// Checks that `p` was allocated from `holder` as it is now (call under its lock).
void require_position_of(const position_holder& p, const ledger_holder& holder);
/// Runs f(book) like read_ledger, after checking that `p` was allocated from
/// `holder` as it is now.
template <class F>
auto with_position(const ledger_holder& holder, const position_holder& p, F&& f) {
  return read_ledger(holder, [&](const ledger& book) {
    require_position_of(p, holder);
    return f(book);
  });
}

/// A customer named by id (KeyError if unknown) or by index (IndexError).
customer_index resolve_customer(const ledger& book, py::handle key);

}  // namespace huikuan::python

namespace pybind11::detail {

#define HUIKUAN_PYTHON_ARGUMENT_NAME(type, python_name)   \
  template <>                                              \
  struct handle_type_name<huikuan::python::type> {         \
    static constexpr auto name = const_name(python_name);  \
  };
HUIKUAN_PYTHON_ARGUMENT_NAME(array_like, "numpy.typing.ArrayLike")
HUIKUAN_PYTHON_ARGUMENT_NAME(optional_array, "numpy.typing.NDArray[typing.Any] | None")
HUIKUAN_PYTHON_ARGUMENT_NAME(table_like, "typing.Mapping[str, numpy.typing.ArrayLike]")
HUIKUAN_PYTHON_ARGUMENT_NAME(customer_key, "str | int")
#undef HUIKUAN_PYTHON_ARGUMENT_NAME

/// huikuan::day <-> datetime.date (also accepts numpy.datetime64 and ISO text).
template <>
struct type_caster<huikuan::day> {
  PYBIND11_TYPE_CASTER(huikuan::day, const_name("datetime.date"));
  bool load(handle source, bool) { return huikuan::python::load_day(source, value); }
  static handle cast(huikuan::day d, return_value_policy, handle) { return huikuan::python::make_date(d).release(); }
};

/// huikuan::money <-> int (minor units). A float is refused with a
/// TypeError that says how to convert it: money is never a double.
template <>
struct type_caster<huikuan::money> {
  PYBIND11_TYPE_CASTER(huikuan::money, const_name("int"));
  bool load(handle source, bool) {
    if (PyFloat_Check(source.ptr()))
      throw type_error("money is an int of minor units (12345.60 is 1234560); got the float " +
                       std::string(str(source)) + ": convert with huikuan.to_minor_units or huikuan.parse_money");
    long long minor = 0;
    bool overflow = false;
    if (!huikuan::python::load_exact_integer(source, minor, overflow)) return false;
    if (overflow)
      throw huikuan::input_error("huikuan.money.4", std::string(str(source)) + " minor units leave the int64 range");
    value = huikuan::money::from_minor_units(minor);
    return true;
  }
  static handle cast(huikuan::money m, return_value_policy, handle) { return PyLong_FromLongLong(m.minor_units()); }
};

/// Dense ledger indices <-> int.
template <class Index>
struct huikuan_index_caster {
  PYBIND11_TYPE_CASTER(Index, const_name("int"));
  bool load(handle source, bool convert) {
    make_caster<std::uint32_t> inner;
    if (!inner.load(source, convert)) return false;
    value = static_cast<Index>(cast_op<std::uint32_t>(inner));
    return true;
  }
  static handle cast(Index index, return_value_policy, handle) {
    return PyLong_FromUnsignedLong(static_cast<std::uint32_t>(index));
  }
};
template <>
struct type_caster<huikuan::customer_index> : huikuan_index_caster<huikuan::customer_index> {};
template <>
struct type_caster<huikuan::invoice_index> : huikuan_index_caster<huikuan::invoice_index> {};

/// huikuan::days <-> int (a count of days).
template <>
struct type_caster<huikuan::days> {
  PYBIND11_TYPE_CASTER(huikuan::days, const_name("int"));
  bool load(handle source, bool convert) {
    make_caster<std::int32_t> inner;
    if (!inner.load(source, convert)) return false;
    value = huikuan::days(cast_op<std::int32_t>(inner));
    return true;
  }
  static handle cast(huikuan::days d, return_value_policy, handle) { return PyLong_FromLong(d.count()); }
};

}  // namespace pybind11::detail
