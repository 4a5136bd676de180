// money.hpp, date.hpp, terms.hpp: exact amounts, calendar days, payment terms.
#include <cmath>
#include <limits>

#include "common.hpp"

namespace huikuan::python {

namespace {

std::int64_t power_of_ten(int decimals) {
  if (decimals < 0 || decimals > 6)
    argument_error("huikuan.money.6", "decimals", std::to_string(decimals) + " is outside 0..6");
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  return scale;
}

// Major units (floats or whole numbers) to int64 minor units; see the docstring.
py::array_t<std::int64_t> to_minor_units(array_like values, int decimals) {
  const std::int64_t scale = power_of_ten(decimals);
  const py::array input = as_array(values);
  const char kind = input.dtype().kind();
  if (kind == 'i' || kind == 'u') {
    const column<std::int64_t> whole =
        read_column<std::int64_t>(input.attr("astype")("int64", py::arg("casting") = "safe"), "values");
    std::vector<std::int64_t> minor(whole.values.size());
    for (std::size_t i = 0; i < minor.size(); ++i)
      if (__builtin_mul_overflow(whole.values[i], scale, &minor[i]))
        throw overflow_error("huikuan.money.4", "values: row " + std::to_string(i) + ": " +
                                                    std::to_string(whole.values[i]) +
                                                    " leaves the int64 range of minor units", "values");
    return adopt(std::move(minor));
  }
  const column<double> amounts = read_column<double>(input, "values");
  std::vector<std::int64_t> minor(amounts.values.size());
  std::size_t bad = minor.size();
  {
    py::gil_scoped_release release;
    const auto factor = static_cast<double>(scale);
    for (std::size_t i = 0; i < minor.size(); ++i) {
      // std::round rounds half away from zero; 2^63 is exactly representable.
      const double scaled = std::round(amounts.values[i] * factor);
      if (!(scaled >= -0x1p63 && scaled < 0x1p63)) {
        bad = i;
        break;
      }
      minor[i] = static_cast<std::int64_t>(scaled);
    }
  }
  if (bad < minor.size()) {
    const double v = amounts.values[bad];
    if (!std::isfinite(v))
      argument_error(error_id::not_finite, "values", "row " + std::to_string(bad) + " is " + (std::isnan(v) ? "NaN" : "infinite"));
    throw overflow_error("huikuan.money.4", "values: row " + std::to_string(bad) + ": " + std::to_string(v) +
                                                " leaves the int64 range of minor units", "values");
  }
  return adopt(std::move(minor));
}

}  // namespace

void bind_money_dates(py::module_& m) {
  m.def("parse_money", &parse_money, py::arg("text"), py::arg("decimals") = 2,
        "Parses a decimal amount ('12500', '980.5', '-3.25', '1,234,567.89') into int minor units with `decimals` "
        "fractional digits. Raises InputError [huikuan.money.1] empty, [.2] not a number, [.3] too many decimals, "
        "[.4] beyond int64.");
  m.def("format_money", [](money amount, int decimals, bool grouped) {
          return grouped ? format_money_grouped(amount, decimals) : format_money(amount, decimals);
        },
        py::arg("minor_units"), py::arg("decimals") = 2, py::arg("grouped") = false,
        "Formats int minor units as decimal text: 123450 -> '1234.50' ('1,234.50' when grouped).");
  m.def("sum_minor_units", [](array_like amounts) {
          const column<std::int64_t> c = read_column<std::int64_t>(amounts, "amounts");
          py::gil_scoped_release release;
          return sum_minor_units(c.values);
        },
        py::arg("amounts"),
        "Exact sum of an int64 array of minor units; raises MoneyOverflowError [huikuan.money.5] beyond int64.");
  m.def("to_minor_units", &to_minor_units, py::arg("values"), py::arg("decimals") = 2,
        "Converts amounts in major units (yuan, dollars) to an int64 array of minor units, the form every huikuan "
        "amount takes. Floats are rounded half away from zero after scaling by 10**decimals in double precision: "
        "exact for every amount written with at most `decimals` decimals and up to 15 significant digits "
        "(12345.67 -> 1234567; 0.125 -> 13 with decimals=2). Integer arrays are scaled exactly. Raises InputError "
        "[huikuan.python.5] for NaN or infinity and MoneyOverflowError [huikuan.money.4] beyond int64, naming "
        "the row.");

  m.def("parse_date", &parse_date, py::arg("text"),
        "Parses ISO 'YYYY-MM-DD'. Raises InputError [huikuan.date.1] malformed, [huikuan.date.2] impossible date.");
  m.def("format_date", &format_date, py::arg("date"), "ISO 'YYYY-MM-DD' text of a date.");
  m.def("end_of_month", &end_of_month, py::arg("date"), "The last day of the date's month.");
  m.def("start_of_month", &start_of_month, py::arg("date"), "The first day of the date's month.");
  m.def("day_number", [](day d) { return d.serial(); }, py::arg("date"),
        "Days since 1970-01-01 (the int32 day numbers of huikuan's columns; numpy datetime64[D]'s count).");
  m.def("date_of_day_number", [](std::int32_t serial) { return day(serial); }, py::arg("day_number"),
        "The date of a day number (days since 1970-01-01).");

  bind_enum<terms_kind>(m, "TermsKind", "How a due date follows from the issue date.",
                        {{"net", terms_kind::net},
                         {"end_of_month", terms_kind::end_of_month},
                         {"day_of_following_month", terms_kind::day_of_following_month}});
  py::class_<payment_terms>(m, "PaymentTerms",
                            "Payment terms: NET n (due n days after issue), EOM n (n days after the end of the issue "
                            "month), DAY d (day d of the following month). Accepted as text ('NET 30') wherever "
                            "terms are expected.")
      .def(py::init(&parse_terms), py::arg("text"), "Parses 'NET 30', 'EOM 30', 'DAY 10' (case-insensitive).")
      .def_static("net", &payment_terms::net, py::arg("days_after_issue"))
      .def_static("end_of_month_plus", &payment_terms::end_of_month_plus, py::arg("days_after_month_end"))
      .def_static("day_of_following_month", &payment_terms::day_of_following_month, py::arg("day_of_month"))
      .def_readonly("kind", &payment_terms::kind)
      .def_readonly("number", &payment_terms::number)
      .def("due_date", &payment_terms::due_date, py::arg("issue_date"), "The due date of an invoice issued on issue_date.")
      .def("__str__", &payment_terms::to_string)
      .def("__repr__", [](const payment_terms& t) { return "PaymentTerms('" + t.to_string() + "')"; })
      .def("__eq__", [](const payment_terms& a, const py::object& b) {
             return py::isinstance<payment_terms>(b) && a == b.cast<payment_terms>();
           })
      .def("__hash__", [](const payment_terms& t) { return py::hash(py::str(t.to_string())); });
  py::implicitly_convertible<py::str, payment_terms>();
  m.def("parse_terms", &parse_terms, py::arg("text"),
        "Parses payment terms. Raises InputError [huikuan.terms.1] unknown form, [huikuan.terms.2]/[.3] out of range.");
}

}  // namespace huikuan::python
