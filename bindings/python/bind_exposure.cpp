// exposure.hpp, orders.hpp, percent.hpp, receivables_cost.hpp,
// provision.hpp: the receivables-to-assets ceiling, credit limits with open
// orders, the overdue block, concentration, the order release check, what
// receivables cost, and IFRS 9 provisions.
#include <algorithm>
#include <climits>

#include "common.hpp"
#include "huikuan/exposure.hpp"
#include "huikuan/orders.hpp"
#include "huikuan/percent.hpp"
#include "huikuan/provision.hpp"
#include "huikuan/receivables_cost.hpp"

// Lists that Python code edits in place (policy.group_overdue.append(...),
// history.snapshots.pop()) are bound as list-like classes (common.hpp).
PYBIND11_MAKE_OPAQUE(std::vector<huikuan::group_overdue_rule>)
PYBIND11_MAKE_OPAQUE(std::vector<huikuan::aging_snapshot>)

namespace pybind11::detail {

/// huikuan::basis_points <-> int, a count of basis points (2000 = 20%). A
/// float is refused: 0.2 could mean 0.2% or 20% (parse_percent reads "20%").
template <>
struct type_caster<huikuan::basis_points> {
  PYBIND11_TYPE_CASTER(huikuan::basis_points, const_name("int"));
  bool load(handle source, bool) {
    if (PyFloat_Check(source.ptr()))
      throw type_error("basis points are an int count (20% is 2000); got the float " + std::string(str(source)) +
                       ": convert with huikuan.parse_percent('20%')");
    long long count = 0;
    bool overflow = false;
    if (!huikuan::python::load_exact_integer(source, count, overflow)) return false;
    if (overflow || count < INT32_MIN || count > INT32_MAX)
      throw huikuan::input_error(huikuan::python::error_id::range,
                                 std::string(str(source)) + " basis points leave the int32 range");
    value = huikuan::basis_points(static_cast<std::int32_t>(count));
    return true;
  }
  static handle cast(huikuan::basis_points share, return_value_policy, handle) { return PyLong_FromLong(share.count()); }
};

}  // namespace pybind11::detail

namespace huikuan::python {

namespace {

/// An order table shared with Python: kernels read it without the GIL under
/// the shared lock; add_order writes under the exclusive lock and refuses
/// while numpy arrays view its columns (as the ledger does).
struct order_table_holder {
  order_table table;
  mutable std::shared_mutex mutex;
  std::atomic<std::size_t> views{0};
};
using order_table_ptr = std::shared_ptr<order_table_holder>;

struct orders_loaded {
  order_table_ptr orders;
  std::vector<load_problem> problems;
  file_summary summary;
};

/// A book with the ledger it was built from (none when built from columns),
/// so that checks can name customers by id.
struct book_holder {
  exposure_book book;
  ledger_ptr source;
};

customer_index book_customer(const book_holder& b, py::handle key) {
  if (py::isinstance<py::str>(key)) {
    if (!b.source)
      argument_error(error_id::value, "customer",
                     "a book built from columns knows no customer ids: pass the customer index (int)");
    std::shared_lock lock(b.source->mutex);
    const customer_index index = resolve_customer(b.source->book, key);
    if (static_cast<std::size_t>(index) >= b.book.customer_count())
      throw not_found_error("huikuan.exposure.11", "customer " + std::string(py::str(key)) +
                                                       " was added to the ledger after the book was built (the book has " +
                                                       std::to_string(b.book.customer_count()) +
                                                       " customers): build the book again");
    return index;
  }
  // An index in uint32 is checked by the book itself; one outside it (-1)
  // gets the book's own error, NotFoundError [huikuan.exposure.11].
  long long index = 0;
  bool overflow = false;
  if (load_exact_integer(key, index, overflow)) {
    if (overflow || index < 0 || index > UINT32_MAX)
      throw not_found_error("huikuan.exposure.11", "customer index " + std::string(py::str(key)) +
                                                       " is not in the book (" +
                                                       std::to_string(b.book.customer_count()) + " customers)");
    return customer_index{static_cast<std::uint32_t>(index)};
  }
  throw py::type_error("customer: expected a customer id (str) or index (int), got " +
                       std::string(py::str(key.get_type().attr("__name__"))));
}

/// Money per row as an int64 array (a copy: money is a strong type).
py::array_t<std::int64_t> money_array(const std::vector<money>& values) {
  std::vector<std::int64_t> minor(values.size());
  std::transform(values.begin(), values.end(), minor.begin(), [](money m) { return m.minor_units(); });
  return adopt(std::move(minor));
}

py::list int_list(const std::vector<money_total>& totals) {
  py::list result;
  for (const money_total& t : totals) result.append(make_int(t));
  return result;
}

/// The bulk check's outcome with its per-customer arrays.
struct scan_result {
  exposure_scan scan;
  py::object exposure, status;
};

struct carrying_cost_result {
  carrying_cost_report report;
  py::object average_balance, cost;
};

struct late_interest_result {
  late_interest_report report;
  py::object invoice_interest, days_late, customer_interest;
};

late_interest_result late_result(late_interest_report&& report) {
  late_interest_result r{std::move(report), {}, {}, {}};
  r.invoice_interest = money_array(r.report.invoice_interest);
  r.days_late = adopt(std::move(r.report.days_late));
  r.customer_interest = money_array(r.report.customer_interest);
  r.report.invoice_interest.clear();
  r.report.customer_interest.clear();
  return r;
}

const char* const rate_doc = "annual_rate_bp is the annual rate in basis points (435 = 4.35%); ";

}  // namespace

void bind_exposure(py::module_& m) {
  // ------------------------------------------------------------ percent
  m.def("parse_percent", &parse_percent, py::arg("text"),
        "A percentage as an int count of basis points: '20%' -> 2000, '16.5%' -> 1650, '-1%' -> -100. The '%' is "
        "required. Raises InputError [huikuan.percent.1] for other text, [huikuan.percent.2] for more than two "
        "decimals (finer than a basis point), [huikuan.percent.3] beyond +-1,000,000%.");
  m.def("format_percent", &format_percent, py::arg("share"),
        "Basis points (int) as a percentage with two decimals, the exact value: 1650 -> '16.50%'.");

  // ------------------------------------------------------------ ceiling
  py::class_<ceiling_policy>(m, "CeilingPolicy",
                             "The receivables-to-assets ceiling and its warning line, in basis points (int: 2000 = "
                             "20%). warning_line None: 80% of the ceiling, rounded up.")
      .def(py::init([](basis_points ceiling, std::optional<basis_points> warning_line) {
             return ceiling_policy{ceiling, warning_line};
           }),
           py::arg("ceiling") = basis_points(2000), py::arg("warning_line") = py::none())
      .def_readwrite("ceiling", &ceiling_policy::ceiling)
      .def_readwrite("warning_line", &ceiling_policy::warning_line)
      .def("effective_warning_line", &ceiling_policy::effective_warning_line,
           "The warning line in force, basis points (the given one, or 80% of the ceiling rounded up).")
      .def("validate", &ceiling_policy::validate,
           "Raises InputError [huikuan.exposure.1] for a ceiling outside (0, 100%], [huikuan.exposure.2] for a "
           "warning line outside (0, ceiling].");
  bind_enum<ceiling_status>(m, "CeilingStatus",
                            "Receivables against the ceiling: at_ceiling is exactly on it (compliant, no headroom).",
                            {{"ok", ceiling_status::ok},
                             {"warning", ceiling_status::warning},
                             {"at_ceiling", ceiling_status::at_ceiling},
                             {"breach", ceiling_status::breach}});
  py::class_<ceiling_check>(m, "CeilingCheck",
                            "The ceiling check with its workings; amounts in int minor units, lines in basis points.")
      .def_readonly("receivables", &ceiling_check::receivables)
      .def_readonly("total_assets", &ceiling_check::total_assets)
      .def_readonly("ceiling", &ceiling_check::ceiling)
      .def_readonly("warning_line", &ceiling_check::warning_line)
      .def_readonly("status", &ceiling_check::status)
      .def_readonly("ceiling_amount", &ceiling_check::ceiling_amount,
                    "The largest compliant balance: floor(total_assets x ceiling).")
      .def_readonly("warning_amount", &ceiling_check::warning_amount,
                    "The smallest balance on the warning line: ceil(total_assets x warning line).")
      .def_readonly("headroom", &ceiling_check::headroom, "ceiling_amount - receivables (negative in breach).")
      .def_readonly("to_restore", &ceiling_check::to_restore, "What must be collected to comply again (0 unless in breach).")
      .def_readonly("ratio", &ceiling_check::ratio, "receivables / total_assets for display only (the status is exact).")
      .def("__repr__", [](const ceiling_check& c) {
        return "<huikuan.CeilingCheck " + std::string(to_string(c.status)) + " " + format_money(c.receivables) + " of " +
               format_money(c.total_assets) + " at " + format_percent(c.ceiling) + ">";
      });
  m.def("check_ceiling", &check_ceiling, py::arg("receivables"), py::arg("total_assets"),
        py::arg_v("policy", ceiling_policy{}, "CeilingPolicy()"),
        "Checks receivables (int minor units) against total assets on integers: breach when receivables x 10000 > "
        "assets x ceiling, at_ceiling when equal (200,000.00 of 1,000,000.00 at 20%), warning from the warning "
        "line. Raises what policy.validate() raises, InputError [huikuan.exposure.3] for assets <= 0, "
        "[huikuan.exposure.4] for negative receivables.");

  // ------------------------------------------------------------ policy
  py::class_<overdue_rule>(m, "OverdueRule", "When overdue items block new credit; None: that figure is not checked.")
      .def(py::init([](std::optional<std::int32_t> max_days_past_due, std::optional<money> max_overdue_amount) {
             return overdue_rule{max_days_past_due, max_overdue_amount};
           }),
           py::arg("max_days_past_due") = 60, py::arg("max_overdue_amount") = py::none())
      .def_readwrite("max_days_past_due", &overdue_rule::max_days_past_due,
                     "Block when an open item is more than this many days past due (>= 0).")
      .def_readwrite("max_overdue_amount", &overdue_rule::max_overdue_amount,
                     "Block when the overdue amount exceeds this (int minor units, >= 0).");
  py::class_<group_overdue_rule>(m, "GroupOverdueRule", "An overdue rule for the customers whose segment is `group`.")
      .def(py::init([](std::string group, overdue_rule rule) { return group_overdue_rule{std::move(group), rule}; }),
           py::arg("group"), py::arg_v("rule", overdue_rule{}, "OverdueRule()"))
      .def_readwrite("group", &group_overdue_rule::group)
      .def_readwrite("rule", &group_overdue_rule::rule);
  py::bind_vector<std::vector<group_overdue_rule>>(m, "GroupOverdueRuleList",
                                                   "The overdue rules per group (a list edited in place).");
  py::implicitly_convertible<py::list, std::vector<group_overdue_rule>>();
  py::class_<exposure_policy>(m, "ExposurePolicy",
                              "Every line the exposure checks use. Shares in basis points (int: 9000 = 90%), the HHI "
                              "cap in points of 10000; None: no cap.")
      .def(py::init([](ceiling_policy ceiling, basis_points limit_warning_line, overdue_rule overdue,
                       std::vector<group_overdue_rule> group_overdue, std::optional<basis_points> max_customer_share,
                       std::optional<basis_points> max_top10_share, std::optional<basis_points> max_herfindahl) {
             return exposure_policy{ceiling, limit_warning_line, overdue, std::move(group_overdue),
                                    max_customer_share, max_top10_share, max_herfindahl};
           }),
           py::arg_v("ceiling", ceiling_policy{}, "CeilingPolicy()"), py::arg("limit_warning_line") = basis_points(9000),
           py::arg_v("overdue", overdue_rule{}, "OverdueRule()"),
           py::arg_v("group_overdue", std::vector<group_overdue_rule>{}, "[]"),
           py::arg("max_customer_share") = py::none(), py::arg("max_top10_share") = py::none(),
           py::arg("max_herfindahl") = py::none())
      .def_readwrite("ceiling", &exposure_policy::ceiling)
      .def_readwrite("limit_warning_line", &exposure_policy::limit_warning_line,
                     "Warn when exposure reaches this share of the limit, basis points (default 9000).")
      .def_readwrite("overdue", &exposure_policy::overdue, "The rule of customers whose group has none of its own.")
      .def_readwrite("group_overdue", &exposure_policy::group_overdue, "Rules per customer group (segment), each once.")
      .def_readwrite("max_customer_share", &exposure_policy::max_customer_share)
      .def_readwrite("max_top10_share", &exposure_policy::max_top10_share)
      .def_readwrite("max_herfindahl", &exposure_policy::max_herfindahl, "HHI cap in points (2500 = 0.25).")
      .def("validate", &exposure_policy::validate,
           "Raises what the ceiling's validate() raises, InputError [huikuan.exposure.5] for a limit warning line "
           "outside (0, 100%], [huikuan.exposure.6] for a negative overdue figure or a group given twice, "
           "[huikuan.exposure.7] for a cap outside (0, 100%] (HHI: (0, 10000] points).")
      .def("overdue_rule_index", &exposure_policy::overdue_rule_index, py::arg("group"),
           "0 for the default rule, g + 1 for group_overdue[g].")
      .def("overdue_rule_at", &exposure_policy::overdue_rule_at, py::arg("index"),
           "The rule of an index from overdue_rule_index (a copy). Raises InputError [huikuan.exposure.8] out of range.");

  // ------------------------------------------------------------ bulk check
  bind_enum<limit_status>(m, "LimitStatus", "A customer's exposure against its credit limit (uint8 codes 0, 1, 2).",
                          {{"within", limit_status::within},
                           {"warning", limit_status::warning},
                           {"breach", limit_status::breach}});
  py::class_<scan_result>(m, "ExposureScan",
                          "The bulk check's outcome: the ceiling check of the open receivables, the sums (int minor "
                          "units), the limit warning and breach counts, and the per-customer arrays it wrote: "
                          "exposure (int64 minor units) and status (uint8 LimitStatus codes).")
      .def_property_readonly("ceiling", [](const scan_result& r) { return r.scan.ceiling; })
      .def_property_readonly("receivables", [](const scan_result& r) { return r.scan.receivables; })
      .def_property_readonly("open_orders", [](const scan_result& r) { return r.scan.open_orders; })
      .def_property_readonly("limit_warnings", [](const scan_result& r) { return r.scan.limit_warnings; })
      .def_property_readonly("limit_breaches", [](const scan_result& r) { return r.scan.limit_breaches; })
      .def_readonly("exposure", &scan_result::exposure)
      .def_readonly("status", &scan_result::status);
  m.def("scan_exposure",
        [](array_like customer, array_like open_amount, array_like open_orders, array_like credit_limits,
           money total_assets, const exposure_policy& policy, optional_array exposure, optional_array status) {
          const column<std::uint32_t> who = read_column<std::uint32_t>(customer, "customer");
          const column<std::int64_t> open = read_column<std::int64_t>(open_amount, "open_amount");
          const column<std::int64_t> orders = read_column<std::int64_t>(open_orders, "open_orders");
          const column<std::int64_t> limits = read_column<std::int64_t>(credit_limits, "credit_limits");
          require_length(open.values.size(), who.values.size(), "open_amount", "customer");
          const std::size_t customers = orders.values.size();
          require_length(limits.values.size(), customers, "credit_limits", "open_orders");
          py::array_t<std::int64_t> exposure_out = output_column<std::int64_t>(exposure, customers, "exposure");
          py::array_t<std::uint8_t> status_out = output_column<std::uint8_t>(status, customers, "status");
          const std::span<std::int64_t> exposure_cells(exposure_out.mutable_data(), customers);
          const std::span<limit_status> status_cells(reinterpret_cast<limit_status*>(status_out.mutable_data()), customers);
          scan_result result;
          {
            py::gil_scoped_release release;
            result.scan = scan_exposure({who.values, open.values}, orders.values, limits.values, total_assets, policy,
                                        exposure_cells, status_cells);
          }
          result.exposure = exposure_out;
          result.status = status_out;
          return result;
        },
        py::arg("customer"), py::arg("open_amount"), py::arg("open_orders"), py::arg("credit_limits"),
        py::arg("total_assets"), py::arg_v("policy", exposure_policy{}, "ExposurePolicy()"),
        py::arg("exposure") = py::none(), py::arg("status") = py::none(),
        "The bulk exposure check on numpy columns, used in place: one row per open item, customer (uint32 dense "
        "index) and open_amount (int64 minor units); one cell per customer, open_orders and credit_limits (int64 "
        "minor units). Writes exposure[c] = open_orders[c] + customer c's open amounts and status[c] (a LimitStatus "
        "code: breach above the limit, warning from policy.limit_warning_line of it) into the given int64 / uint8 "
        "arrays (new ones when None) and returns an ExposureScan holding both arrays, the ceiling check of the "
        "receivables against total_assets, the sums and the counts. Arrays are checked with the GIL held; the "
        "kernel runs without it. Raises InputError [huikuan.python.1]..[.3] for a bad array (dtype, shape, "
        "layout, read-only output), what policy.validate() and check_ceiling raise, [huikuan.exposure.8] for a "
        "customer index out of range, [huikuan.exposure.4] for a negative amount, order or limit, "
        "MoneyOverflowError [huikuan.money.5] when a sum leaves int64.");

  // ------------------------------------------------------------ concentration
  bind_enum<rule_verdict>(m, "RuleVerdict",
                          "A figure against its optional cap; pass_ (a Python keyword otherwise): within, off: no cap.",
                          {{"pass_", rule_verdict::pass},
                           {"warn", rule_verdict::warn},
                           {"block", rule_verdict::block},
                           {"off", rule_verdict::off}});
  py::class_<concentration>(m, "Concentration",
                            "Concentration of amounts per customer: amounts in int minor units, shares and HHI in "
                            "millionths of 1 (ppm) rounded up, each against its cap.")
      .def_readonly("total", &concentration::total)
      .def_readonly("largest", &concentration::largest,
                    "Up to ten customer indices with a positive amount, largest first (ties: lower index first).")
      .def_readonly("largest_amounts", &concentration::largest_amounts)
      .def_readonly("top10_amount", &concentration::top10_amount)
      .def_readonly("largest_share_ppm", &concentration::largest_share_ppm)
      .def_readonly("top10_share_ppm", &concentration::top10_share_ppm)
      .def_readonly("herfindahl_ppm", &concentration::herfindahl_ppm)
      .def_readonly("largest_share_verdict", &concentration::largest_share_verdict)
      .def_readonly("top10_share_verdict", &concentration::top10_share_verdict)
      .def_readonly("herfindahl_verdict", &concentration::herfindahl_verdict);
  m.def("measure_concentration",
        [](array_like per_customer, const exposure_policy& policy) {
          const column<std::int64_t> amounts = read_column<std::int64_t>(per_customer, "per_customer");
          py::gil_scoped_release release;
          return measure_concentration(amounts.values, policy);
        },
        py::arg("per_customer"), py::arg_v("policy", exposure_policy{}, "ExposurePolicy()"),
        "The concentration of int64 minor units per customer (read in place, e.g. ExposureBook.receivables) against "
        "policy.max_customer_share, max_top10_share and max_herfindahl. Raises InputError [huikuan.python.1]..[.3] "
        "for a bad array, what policy.validate() raises, [huikuan.exposure.4] for a negative amount, "
        "MoneyOverflowError [huikuan.money.5] when the total leaves int64.");

  // ------------------------------------------------------------ orders
  bind_enum<order_status>(m, "OrderStatus", "Where a sales order stands.",
                          {{"open", order_status::open},
                           {"invoiced", order_status::invoiced},
                           {"cancelled", order_status::cancelled}});
  py::class_<sales_order>(m, "SalesOrder",
                          "A sales order not yet invoiced: amount (int minor units, > 0) is what it will still "
                          "invoice; closed_date is the day an invoiced or cancelled order stopped being open.")
      .def(py::init([](std::string order_id, std::string customer_id, day date, money amount, order_status status,
                       std::optional<day> closed_date) {
             return sales_order{std::move(order_id), std::move(customer_id), date, amount, status, closed_date};
           }),
           py::arg("order_id"), py::arg("customer_id"), py::arg("date"), py::arg("amount"),
           py::arg_v("status", order_status::open, "'open'"), py::arg("closed_date") = py::none())
      .def_readwrite("order_id", &sales_order::id)
      .def_readwrite("customer_id", &sales_order::customer_id)
      .def_readwrite("date", &sales_order::date)
      .def_readwrite("amount", &sales_order::amount)
      .def_readwrite("status", &sales_order::status)
      .def_readwrite("closed_date", &sales_order::closed_date)
      .def("__repr__", [](const sales_order& o) {
        return "<huikuan.SalesOrder " + o.id + " " + o.customer_id + " " + format_money(o.amount) + " " +
               std::string(to_string(o.status)) + ">";
      });
  py::class_<order_table_holder, order_table_ptr>(
      m, "OrderTable",
      "The sales orders of one ledger's customers, stored as columns. Its column properties are read-only numpy "
      "views (no copy); while any of them is alive add_order raises InputError [huikuan.python.7].")
      .def(py::init([] { return std::make_shared<order_table_holder>(); }))
      .def("add_order",
           [](order_table_holder& t, const ledger_holder& h, sales_order order) {
             py::gil_scoped_release release;
             std::shared_lock ledger_lock(h.mutex);
             std::unique_lock lock(t.mutex);
             if (t.views.load() != 0)
               argument_error(error_id::ledger_viewed, "orders",
                              "numpy arrays view this table's columns: delete them (or copy them) before adding");
             t.table.add_order(h.book, std::move(order));
           },
           py::arg("ledger"), py::arg("order"),
           "Adds an order of a customer of the ledger. Raises InputError [huikuan.orders.2] for an empty or "
           "duplicate id, [huikuan.orders.3] for a customer not in the ledger, [huikuan.orders.4] for an amount "
           "that is not positive, [huikuan.orders.5] / [.6] for a closed date that does not fit the status; a "
           "rejected order leaves the table unchanged.")
      .def("__len__", [](const order_table_holder& t) {
        std::shared_lock lock(t.mutex);
        return t.table.size();
      })
      .def("order_id",
           [](const order_table_holder& t, std::size_t i) {
             std::shared_lock lock(t.mutex);
             if (i >= t.table.size()) throw py::index_error("order index " + std::to_string(i) + " is out of range");
             return t.table.order_id(i);
           },
           py::arg("i"), "The id of order i (IndexError out of range).")
      .def("status",
           [](const order_table_holder& t, std::size_t i) {
             std::shared_lock lock(t.mutex);
             if (i >= t.table.size()) throw py::index_error("order index " + std::to_string(i) + " is out of range");
             return t.table.status(i);
           },
           py::arg("i"), "The status of order i (IndexError out of range).")
      .def_property_readonly("customer", [](const order_table_ptr& t) {
        std::shared_lock lock(t->mutex);
        return view(t->table.columns().customer, pinning_view_owner(t));
      }, "uint32 customer index in the ledger, per order (a read-only view).")
      .def_property_readonly("date_day", [](const order_table_ptr& t) {
        std::shared_lock lock(t->mutex);
        return view(t->table.columns().date_day, pinning_view_owner(t));
      }, "int32 order day (days since 1970-01-01), per order (a read-only view).")
      .def_property_readonly("closed_day", [](const order_table_ptr& t) {
        std::shared_lock lock(t->mutex);
        return view(t->table.columns().closed_day, pinning_view_owner(t));
      }, "int32 day the order was invoiced or cancelled, INT32_MAX while open (a read-only view).")
      .def_property_readonly("amount", [](const order_table_ptr& t) {
        std::shared_lock lock(t->mutex);
        return view(t->table.columns().amount, pinning_view_owner(t));
      }, "int64 minor units still to invoice, per order (a read-only view).");
  auto orders_result = py::class_<orders_loaded>(m, "OrdersLoadResult", "orders.csv with what was left out of it.")
                           .def_readonly("orders", &orders_loaded::orders);
  bind_problems_and_summary<orders_loaded>(orders_result);
  m.def("load_orders",
        [](const std::string& text, const ledger_holder& h) {
          orders_load_result loaded = read_ledger(h, [&](const ledger& book) { return load_orders(text, book); });
          auto table = std::make_shared<order_table_holder>();
          table->table = std::move(loaded.orders);
          return orders_loaded{std::move(table), std::move(loaded.problems), loaded.summary};
        },
        py::arg("text"), py::arg("ledger"),
        "Reads orders.csv text (order_id, customer_id, date, amount; optional status and closed_date) for the "
        "customers of the ledger. Rows that cannot be used are left out, listed in problems and counted in the "
        "summary. Raises InputError [huikuan.load.2] for a missing required column, [huikuan.load.3] for a column "
        "named twice.");

  // ------------------------------------------------------------ the book
  py::class_<book_holder>(m, "ExposureBook",
                          "Every customer's exposure as of a date, built once; each check against it is O(1). "
                          "Immutable. Per-customer columns are read-only numpy views (no copy) indexed like the "
                          "customers; amounts in int64 minor units.")
      .def_property_readonly("as_of", [](const book_holder& b) { return b.book.as_of(); })
      .def_property_readonly("total_assets", [](const book_holder& b) { return b.book.total_assets(); })
      .def_property_readonly("policy", [](const book_holder& b) { return b.book.policy(); }, "The policy (a copy).")
      .def_property_readonly("customer_count", [](const book_holder& b) { return b.book.customer_count(); })
      .def_property_readonly("receivables", [](py::object self) {
        return view(self.cast<const book_holder&>().book.receivables(), self);
      }, "Open invoices per customer.")
      .def_property_readonly("open_orders", [](py::object self) {
        return view(self.cast<const book_holder&>().book.open_orders(), self);
      }, "Orders open as of the book's date per customer.")
      .def_property_readonly("credit_limits", [](py::object self) {
        return view(self.cast<const book_holder&>().book.credit_limits(), self);
      })
      .def_property_readonly("overdue", [](py::object self) {
        return view(self.cast<const book_holder&>().book.overdue(), self);
      }, "Open amount more than 0 days past due per customer.")
      .def_property_readonly("oldest_days_past_due", [](py::object self) {
        return view(self.cast<const book_holder&>().book.oldest_days_past_due(), self);
      }, "int32 days past due of the oldest open item, NO_OPEN_ITEMS when none.")
      .def_property_readonly("overdue_rule", [](py::object self) {
        return view(self.cast<const book_holder&>().book.overdue_rule(), self);
      }, "uint32 overdue rule index per customer (ExposurePolicy.overdue_rule_index).")
      .def("exposure",
           [](const book_holder& b, customer_key customer) { return b.book.exposure(book_customer(b, customer)); },
           py::arg("customer"),
           "Receivables + open orders of a customer (id, for a book built from a ledger, or index), int minor "
           "units. Raises NotFoundError for an unknown id or an index the book does not have [huikuan.exposure.11].")
      .def_property_readonly("total_receivables", [](const book_holder& b) { return b.book.total_receivables(); })
      .def_property_readonly("total_open_orders", [](const book_holder& b) { return b.book.total_open_orders(); })
      .def_property_readonly("committed", [](const book_holder& b) { return b.book.committed(); },
                             "Receivables + open orders of the portfolio.");
  m.attr("NO_OPEN_ITEMS") = exposure_book::no_open_items;

  m.def("build_exposure_book",
        [](const ledger_ptr& h, const position_holder& p, const order_table_holder& orders, money total_assets,
           const exposure_policy& policy, std::optional<array_like> credit_limits) {
          std::vector<money> limits;
          if (credit_limits) {
            const column<std::int64_t> given = read_column<std::int64_t>(*credit_limits, "credit_limits");
            limits.reserve(given.values.size());
            for (const std::int64_t v : given.values) limits.push_back(money::from_minor_units(v));
          }
          return book_holder{with_position(*h, p,
                                           [&](const ledger& book) {
                                             std::shared_lock lock(orders.mutex);
                                             return build_exposure_book(book, p.position, orders.table,
                                                                        total_assets, policy, limits);
                                           }),
                             h};
        },
        py::arg("ledger"), py::arg("position"), py::arg("orders"), py::arg("total_assets"),
        py::arg_v("policy", exposure_policy{}, "ExposurePolicy()"), py::arg("credit_limits") = py::none(),
        "The exposure book as of the position's date: receivables from the position (allocate(ledger, as_of)), "
        "the orders open then, each customer's overdue rule by its segment, and its credit limit from the ledger "
        "or from credit_limits (int64 minor units, one per customer, e.g. CreditReview.limit; converted to money). "
        "The book remembers the ledger, so checks accept customer ids. Raises InputError [huikuan.python.8] for a "
        "position of another (or a changed) ledger, what policy.validate() and check_ceiling raise, "
        "[huikuan.exposure.8] when orders or limits do not belong to the ledger, [huikuan.exposure.4] for a "
        "negative amount, MoneyOverflowError [huikuan.money.5] when the committed total leaves int64.");
  m.def("build_exposure_book_from_columns",
        [](array_like customer, array_like open_amount, array_like due_day, array_like open_orders,
           array_like credit_limits, day as_of, money total_assets, std::optional<array_like> overdue_rule,
           const exposure_policy& policy) {
          const column<std::uint32_t> who = read_column<std::uint32_t>(customer, "customer");
          const column<std::int64_t> open = read_column<std::int64_t>(open_amount, "open_amount");
          const day_column due = read_days(due_day, "due_day");
          const column<std::int64_t> orders = read_column<std::int64_t>(open_orders, "open_orders");
          const column<std::int64_t> limits = read_column<std::int64_t>(credit_limits, "credit_limits");
          require_length(open.values.size(), who.values.size(), "open_amount", "customer");
          require_length(due.values.size(), who.values.size(), "due_day", "customer");
          const std::size_t customers = orders.values.size();
          require_length(limits.values.size(), customers, "credit_limits", "open_orders");
          std::optional<column<std::uint32_t>> rules;
          std::vector<std::uint32_t> default_rules;
          if (overdue_rule) {
            rules = read_column<std::uint32_t>(*overdue_rule, "overdue_rule");
            require_length(rules->values.size(), customers, "overdue_rule", "open_orders");
          } else {
            default_rules.assign(customers, 0);
          }
          const exposure_book_columns columns{{who.values, open.values}, due.values, orders.values, limits.values,
                                              rules ? rules->values : std::span<const std::uint32_t>(default_rules)};
          py::gil_scoped_release release;
          return book_holder{build_exposure_book(columns, as_of, total_assets, policy), nullptr};
        },
        py::arg("customer"), py::arg("open_amount"), py::arg("due_day"), py::arg("open_orders"),
        py::arg("credit_limits"), py::arg("as_of"), py::arg("total_assets"), py::arg("overdue_rule") = py::none(),
        py::arg_v("policy", exposure_policy{}, "ExposurePolicy()"),
        "The exposure book from numpy columns (the bulk path), read in place: per open item customer (uint32), "
        "open_amount (int64 minor units) and due_day (int32 day numbers or datetime64[D]); per customer "
        "open_orders and credit_limits (int64 minor units) and overdue_rule (uint32 rule index; None: the default "
        "rule for all). Checks on this book take customer indices. Raises InputError [huikuan.python.1]..[.3] for "
        "a bad array, what policy.validate() and check_ceiling raise, [huikuan.exposure.8] for a customer or rule "
        "index out of range, [huikuan.exposure.4] for a negative amount, order or limit, MoneyOverflowError.");

  // ------------------------------------------------------------ order release
  bind_enum<release_verdict>(m, "ReleaseVerdict", "The release answer: allow, warn (release, but look), block.",
                             {{"allow", release_verdict::allow}, {"warn", release_verdict::warn}, {"block", release_verdict::block}});
  bind_enum<exposure_rule>(m, "ExposureRule", "The rules of the order release check, in report order.",
                           {{"credit_limit", exposure_rule::credit_limit},
                            {"overdue_days", exposure_rule::overdue_days},
                            {"overdue_amount", exposure_rule::overdue_amount},
                            {"portfolio_ceiling", exposure_rule::portfolio_ceiling},
                            {"customer_share", exposure_rule::customer_share},
                            {"top10_share", exposure_rule::top10_share},
                            {"herfindahl", exposure_rule::herfindahl}});
  bind_enum<rule_unit>(m, "RuleUnit", "The unit of a rule's figures: money (int minor units), days, ppm (millionths).",
                       {{"money", rule_unit::money}, {"days", rule_unit::days}, {"ppm", rule_unit::ppm}});
  py::class_<rule_check>(m, "RuleCheck",
                         "One rule's verdict with its figures in `unit`: current (before the order), projected (after "
                         "it), limit (0 when off), headroom = limit - projected; order_headroom: the largest order "
                         "this rule would pass where the order's size decides it (int minor units), else None.")
      .def_readonly("rule", &rule_check::rule)
      .def_readonly("verdict", &rule_check::verdict)
      .def_readonly("unit", &rule_check::unit)
      .def_readonly("current", &rule_check::current)
      .def_readonly("projected", &rule_check::projected)
      .def_readonly("limit", &rule_check::limit)
      .def_readonly("headroom", &rule_check::headroom)
      .def_readonly("order_headroom", &rule_check::order_headroom)
      .def("__repr__", [](const rule_check& r) {
        return "<huikuan.RuleCheck " + std::string(to_string(r.rule)) + " " + std::string(to_string(r.verdict)) + ">";
      });
  py::class_<order_release>(m, "OrderRelease",
                            "The release decision for one order (or a customer as it stands): the verdict, every "
                            "rule (indexed by ExposureRule) and the largest order the amount rules allow (None: no "
                            "limit).")
      .def_readonly("customer", &order_release::customer)
      .def_readonly("amount", &order_release::amount)
      .def_readonly("date", &order_release::date)
      .def_readonly("verdict", &order_release::verdict)
      .def_readonly("rules", &order_release::rules)
      .def_readonly("largest_order", &order_release::largest_order)
      .def("rule", &order_release::rule, py::arg("r"), "The check of one rule (a copy).")
      .def("__repr__", [](const order_release& r) {
        return "<huikuan.OrderRelease " + std::string(to_string(r.verdict)) + " " + format_money(r.amount) + ">";
      });
  m.def("check_order",
        [](const book_holder& b, customer_key customer, money amount, day date) {
          const customer_index who = book_customer(b, customer);
          return check_order(b.book, who, amount, date);
        },
        py::arg("book"), py::arg("customer"), py::arg("amount"), py::arg("date"),
        "Checks a proposed order of `amount` (int minor units) for a customer (id, for a book built from a ledger, "
        "or index) dated `date` against every rule, as if all open orders and this one were invoiced: credit "
        "limit, overdue days and amount, portfolio ceiling, customer share, top-10 share, HHI. Raises InputError "
        "[huikuan.exposure.9] for an amount <= 0, [huikuan.exposure.10] for a date other than the book's as_of, "
        "NotFoundError for an unknown id or [huikuan.exposure.11] an index the book does not have, "
        "MoneyOverflowError [huikuan.money.5].");
  m.def("assess_customer",
        [](const book_holder& b, customer_key customer) { return assess_customer(b.book, book_customer(b, customer)); },
        py::arg("book"), py::arg("customer"),
        "The same rules for a customer as it stands (an order of 0 on the book's date). Raises NotFoundError for "
        "an unknown id or [huikuan.exposure.11] an index the book does not have.");

  // ------------------------------------------------------------ cost
  bind_enum<day_count_convention>(m, "DayCountConvention", "How days turn into a fraction of a year (365 or 360).",
                                  {{"actual_365_fixed", day_count_convention::actual_365_fixed},
                                   {"actual_360", day_count_convention::actual_360}});
  m.def("simple_interest",
        [](money outstanding, basis_points annual_rate_bp, days elapsed, day_count_convention convention) {
          return simple_interest(outstanding, annual_rate_bp, elapsed, convention);
        },
        py::arg("outstanding"), py::arg("annual_rate_bp"), py::arg("elapsed"),
        py::arg_v("convention", day_count_convention::actual_365_fixed, "'actual_365_fixed'"),
        (std::string("outstanding x rate x elapsed days / days in year, rounded half up to the minor unit (int); ") +
         rate_doc +
         "10,000.00 at 800 for 10 days (Actual/365) is 21.92. Raises InputError [huikuan.cost.1] for a negative "
         "rate, [huikuan.cost.2] for a negative amount or day count, MoneyOverflowError [huikuan.money.5].")
            .c_str());
  py::class_<carrying_cost_result>(m, "CarryingCostReport",
                                   "The financing cost of every customer's open invoices over [from_date, to_date]: "
                                   "per customer average_balance and cost (int64 minor units, ledger order).")
      .def_property_readonly("from_date", [](const carrying_cost_result& r) { return r.report.from; })
      .def_property_readonly("to_date", [](const carrying_cost_result& r) { return r.report.to; })
      .def_property_readonly("annual_rate", [](const carrying_cost_result& r) { return r.report.annual_rate; },
                             "Basis points.")
      .def_property_readonly("convention", [](const carrying_cost_result& r) { return r.report.convention; })
      .def_property_readonly("days_in_period", [](const carrying_cost_result& r) { return r.report.days_in_period; })
      .def_readonly("average_balance", &carrying_cost_result::average_balance)
      .def_readonly("cost", &carrying_cost_result::cost)
      .def_property_readonly("total_average_balance",
                             [](const carrying_cost_result& r) { return r.report.total_average_balance; })
      .def_property_readonly("total_cost", [](const carrying_cost_result& r) { return r.report.total_cost; });
  m.def("carrying_cost",
        [](const ledger_holder& h, day from_date, day to_date, basis_points annual_rate_bp, day_count_convention convention) {
          carrying_cost_result r{read_ledger(h, [&](const ledger& book) {
                                   return carrying_cost(book, from_date, to_date, annual_rate_bp, convention);
                                 }),
                                 {}, {}};
          r.average_balance = money_array(r.report.average_balance);
          r.cost = money_array(r.report.cost);
          r.report.average_balance.clear();
          r.report.cost.clear();
          return r;
        },
        py::arg("ledger"), py::arg("from_date"), py::arg("to_date"), py::arg("annual_rate_bp"),
        py::arg_v("convention", day_count_convention::actual_365_fixed, "'actual_365_fixed'"),
        (std::string("The carrying cost of open receivables from from_date to to_date (both included): each day "
                     "counts the balance at its start; per customer the sum of daily balances x rate / days in "
                     "year, rounded half up. ") +
         rate_doc +
         "allocation is as of to_date. Raises InputError [huikuan.cost.1] for a negative rate, [huikuan.cost.3] for "
         "to_date before from_date, MoneyOverflowError [huikuan.money.5].")
            .c_str());
  py::class_<late_interest_result>(m, "LateInterestReport",
                                   "Late-payment interest accrued up to as_of: per invoice invoice_interest (int64 "
                                   "minor units) and days_late (int32), per customer customer_interest.")
      .def_property_readonly("as_of", [](const late_interest_result& r) { return r.report.as_of; })
      .def_property_readonly("annual_rate", [](const late_interest_result& r) { return r.report.annual_rate; },
                             "Basis points.")
      .def_property_readonly("convention", [](const late_interest_result& r) { return r.report.convention; })
      .def_readonly("invoice_interest", &late_interest_result::invoice_interest)
      .def_readonly("days_late", &late_interest_result::days_late)
      .def_readonly("customer_interest", &late_interest_result::customer_interest)
      .def_property_readonly("total", [](const late_interest_result& r) { return r.report.total; });
  m.def("late_payment_interest",
        [](const ledger_holder& h, const position_holder& p, basis_points annual_rate_bp, day_count_convention convention) {
          return late_result(with_position(h, p, [&](const ledger& book) {
            return late_payment_interest(book, p.position, annual_rate_bp, convention);
          }));
        },
        py::arg("ledger"), py::arg("position"), py::arg("annual_rate_bp"),
        py::arg_v("convention", day_count_convention::actual_365_fixed, "'actual_365_fixed'"),
        (std::string("Late-payment interest as of the position's date (or as_of, allocating the ledger): on each "
                     "invoice, outstanding x rate x days / days in year on every interval from its due date, the "
                     "outstanding falling with each payment; rounded half up per invoice. ") +
         rate_doc +
         "Raises InputError [huikuan.python.8] for a position of another (or a changed) ledger, [huikuan.cost.1] "
         "for a negative rate, MoneyOverflowError [huikuan.money.5].")
            .c_str());
  m.def("late_payment_interest",
        [](const ledger_holder& h, day as_of, basis_points annual_rate_bp, day_count_convention convention) {
          return late_result(read_ledger(h, [&](const ledger& book) {
            return late_payment_interest(book, as_of, annual_rate_bp, convention);
          }));
        },
        py::arg("ledger"), py::arg("as_of"), py::arg("annual_rate_bp"),
        py::arg_v("convention", day_count_convention::actual_365_fixed, "'actual_365_fixed'"));

  // ------------------------------------------------------------ provisions
  py::class_<provision_matrix>(m, "ProvisionMatrix", "Loss rates (float, each in [0, 1]) per aging bucket.")
      .def(py::init([](bucket_policy buckets, std::vector<double> loss_rates) {
             return provision_matrix{std::move(buckets), std::move(loss_rates)};
           }),
           py::arg_v("buckets", bucket_policy{}, "BucketPolicy()"), py::arg("loss_rates") = std::vector<double>{})
      .def_readwrite("buckets", &provision_matrix::buckets)
      .def_readwrite("loss_rates", &provision_matrix::loss_rates)
      .def("validate", &provision_matrix::validate,
           "Raises the buckets' validation errors, InputError [huikuan.provision.1] for a rate count other than the "
           "bucket count, [huikuan.provision.2] for a rate outside [0, 1] or NaN.");
  m.def("adjust_for_forward_looking", &adjust_for_forward_looking, py::arg("matrix"), py::arg("adjustment"),
        "The matrix with every loss rate multiplied by (1 + adjustment), e.g. 0.1 for a worse outlook. Raises "
        "InputError [huikuan.provision.3] for an adjustment not finite or <= -1, [huikuan.provision.2] when a rate "
        "would exceed 1 (nothing is capped).");
  m.def("expected_credit_loss", &expected_credit_loss, py::arg("balance"), py::arg("loss_rate"),
        "balance (int minor units) x loss_rate (to nine decimals), rounded half up to the minor unit: 100000 at "
        "0.0105 is 1050. Raises InputError [huikuan.provision.2] for a rate outside [0, 1], [huikuan.provision.7] "
        "for a negative balance.");
  py::class_<provision_result>(m, "ProvisionResult",
                               "The provision for bucket balances: per bucket balances and expected_loss (int minor "
                               "units), their totals and coverage (for display).")
      .def_readonly("matrix", &provision_result::matrix)
      .def_readonly("balances", &provision_result::balances)
      .def_readonly("expected_loss", &provision_result::expected_loss)
      .def_readonly("total_balance", &provision_result::total_balance)
      .def_readonly("total_expected_loss", &provision_result::total_expected_loss)
      .def_readonly("coverage", &provision_result::coverage);
  m.def("apply_provision_matrix",
        [](const provision_matrix& matrix, const std::vector<money>& balances) {
          return apply_provision_matrix(matrix, balances);
        },
        py::arg("matrix"), py::arg("balances"),
        "Applies the matrix to bucket balances (ints of minor units, one per bucket). Raises what "
        "matrix.validate() raises, InputError [huikuan.provision.1] for a count mismatch, [huikuan.provision.7] "
        "for a negative balance, MoneyOverflowError [huikuan.money.5].");
  m.def("provide_for", &provide_for, py::arg("aging"), py::arg("matrix"),
        "The provision for the portfolio total of an aging report (age_receivables with the matrix's buckets). "
        "Raises InputError [huikuan.provision.5] when the report's buckets differ from the matrix's, and what "
        "apply_provision_matrix raises.");
  py::class_<aging_snapshot>(m, "AgingSnapshot",
                             "The portfolio's bucket balances on one date (int minor units, >= 0) and what left the "
                             "oldest bucket in the period ending then.")
      .def(py::init([](day date, std::vector<money> balances, money left_oldest) {
             return aging_snapshot{date, std::move(balances), left_oldest};
           }),
           py::arg("date"), py::arg("balances"), py::arg("left_oldest") = money{})
      .def_readwrite("date", &aging_snapshot::date)
      .def_readwrite("balances", &aging_snapshot::balances)
      .def_readwrite("left_oldest", &aging_snapshot::left_oldest);
  py::bind_vector<std::vector<aging_snapshot>>(m, "AgingSnapshotList", "Aging snapshots (a list edited in place).");
  py::implicitly_convertible<py::list, std::vector<aging_snapshot>>();
  py::class_<aging_history>(m, "AgingHistory",
                            "Aging snapshots in date order, all with the same buckets (by days past due); left_out: "
                            "dates of snapshots that could not be used (no roll is taken across them).")
      .def(py::init([](bucket_policy buckets, std::vector<aging_snapshot> snapshots, std::vector<day> left_out) {
             return aging_history{std::move(buckets), std::move(snapshots), std::move(left_out)};
           }),
           py::arg_v("buckets", bucket_policy{}, "BucketPolicy()"),
           py::arg_v("snapshots", std::vector<aging_snapshot>{}, "[]"), py::arg("left_out") = std::vector<day>{})
      .def_readwrite("buckets", &aging_history::buckets)
      .def_readwrite("snapshots", &aging_history::snapshots)
      .def_readwrite("left_out", &aging_history::left_out);
  py::class_<roll_rate_analysis>(m, "RollRateAnalysis",
                                 "Roll rates and the loss rates they give: per bucket k < last the pooled balance "
                                 "rolled from, what rolled into k+1 (exact ints of minor units) and their quotient; "
                                 "the pairs of snapshots used and the derived matrix.")
      .def_property_readonly("rolled_from", [](const roll_rate_analysis& r) { return int_list(r.rolled_from); })
      .def_property_readonly("rolled_into", [](const roll_rate_analysis& r) { return int_list(r.rolled_into); })
      .def_readonly("roll_rates", &roll_rate_analysis::roll_rates)
      .def_readonly("terminal_loss_rate", &roll_rate_analysis::terminal_loss_rate)
      .def_readonly("pairs", &roll_rate_analysis::pairs)
      .def_readonly("matrix", &roll_rate_analysis::matrix);
  m.def("derive_loss_rates", &derive_loss_rates, py::arg("history"), py::arg("terminal_loss_rate") = 1.0,
        "Loss rates by pooled roll rates over consecutive snapshots: loss rate k = roll rate k x ... x "
        "terminal_loss_rate. Raises InputError [huikuan.provision.2] for a rate outside [0, 1], "
        "[huikuan.provision.4] for fewer than two consecutive snapshots, [huikuan.provision.5] for a snapshot with "
        "another bucket count, [huikuan.provision.6] for a bucket with nothing to roll from, [huikuan.provision.7] "
        "for a negative balance, [huikuan.provision.9] for dates out of order, [huikuan.provision.11] when the "
        "oldest bucket shrank by more than what left it.");
  m.def("buckets_from_labels",
        [](const std::vector<std::string>& labels) { return buckets_from_labels(labels); }, py::arg("labels"),
        "The BucketPolicy (days past due) that aging labels such as 'current', '1-30', 'over 120' describe, in any "
        "order. Raises InputError [huikuan.provision.8] for another label form or labels that leave a gap or "
        "overlap, [huikuan.provision.9] for a label given twice.");
  auto history_result = py::class_<aging_history_load_result>(m, "AgingHistoryLoadResult",
                                                       "aging_history.csv with what was left out of it.")
                     .def_readonly("history", &aging_history_load_result::history);
  bind_problems_and_summary<aging_history_load_result>(history_result);
  m.def("load_aging_history",
        [](const std::string& text, std::string file) {
          py::gil_scoped_release release;
          return load_aging_history(text, std::move(file));
        },
        py::arg("text"), py::arg("file") = "aging_history.csv",
        "Reads aging_history.csv text (snapshot_date, bucket, balance; the bucket 'left oldest' gives what left "
        "the oldest bucket). A bad row leaves its whole snapshot out, each of its rows listed in problems (named "
        "by `file`). Raises InputError [huikuan.load.2] / [huikuan.load.3] for a missing or doubled column, "
        "[huikuan.provision.5] when usable snapshots have different buckets.");
}

}  // namespace huikuan::python
