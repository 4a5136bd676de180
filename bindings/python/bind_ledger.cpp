// ledger.hpp and load.hpp: the ledger (built record by record, loaded from
// CSV files or texts, or from columns of numpy arrays), its records, and
// zero-copy numpy views of its columns.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <limits>

#include <pybind11/stl/filesystem.h>

#include "common.hpp"

namespace huikuan::python {

namespace {

/// A load result whose ledger is shared with Python.
struct loaded_ledger {
  ledger_ptr book;
  std::vector<load_problem> problems;
  std::array<file_summary, 4> files;
};

loaded_ledger share(load_result&& result) {
  auto holder = std::make_shared<ledger_holder>();
  holder->book = std::move(result.book);
  return {std::move(holder), std::move(result.problems), result.files};
}

// ---------------------------------------------------------- from columns
//
// Columns given as numpy arrays (or anything np.asarray reads) go through
// the library's own CSV loader: they are written as CSV text in memory and
// read by load_ledger, so every rule, problem and summary is the loader's.
// Problems then name the table ("invoices") and the 1-based row.

enum class field_kind { text, amount, date };

struct field_spec {
  const char* name;
  field_kind kind;
  bool required;
};

struct table_spec {
  const char* table;  // "invoices"
  std::vector<field_spec> fields;
};

const table_spec customers_spec{"customers",
                                {{"customer_id", field_kind::text, true},
                                 {"name", field_kind::text, true},
                                 {"sales_rep", field_kind::text, true},
                                 {"terms", field_kind::text, true},
                                 {"credit_limit", field_kind::amount, true},
                                 {"segment", field_kind::text, false}}};
const table_spec invoices_spec{"invoices",
                               {{"invoice_id", field_kind::text, true},
                                {"customer_id", field_kind::text, true},
                                {"issue_date", field_kind::date, true},
                                {"amount", field_kind::amount, true},
                                {"due_date", field_kind::date, false},
                                {"contract_no", field_kind::text, false},
                                {"project_no", field_kind::text, false},
                                {"sales_rep", field_kind::text, false}}};
const table_spec payments_spec{"payments",
                               {{"payment_id", field_kind::text, true},
                                {"customer_id", field_kind::text, true},
                                {"date", field_kind::date, true},
                                {"amount", field_kind::amount, true},
                                {"method", field_kind::text, false},
                                {"status", field_kind::text, false},
                                {"invoice_id", field_kind::text, false}}};
const table_spec credit_notes_spec{"credit_notes",
                                   {{"credit_note_id", field_kind::text, true},
                                    {"customer_id", field_kind::text, true},
                                    {"date", field_kind::date, true},
                                    {"amount", field_kind::amount, true},
                                    {"invoice_id", field_kind::text, false},
                                    {"reason", field_kind::text, false}}};

/// A table written as CSV, with the physical line each row starts on.
struct csv_table {
  std::string text;
  std::vector<std::size_t> row_lines;
};

bool is_missing(py::handle item) {
  if (item.is_none()) return true;
  return PyFloat_Check(item.ptr()) && std::isnan(PyFloat_AS_DOUBLE(item.ptr()));
}

// Text cells: str as is, None and NaN (pandas' missing) empty, anything
// else (an int id) as str() gives it.
std::vector<std::string> read_text_column(py::handle object, const std::string& argument) {
  const py::array a = as_array(object);
  if (a.size() == 0) return {};
  if (a.ndim() != 1)
    argument_error(error_id::shape, argument, std::to_string(a.ndim()) + "-D array; expected a 1-D column");
  const char kind = a.dtype().kind();
  if (kind != 'U' && kind != 'O' && kind != 'i' && kind != 'u')
    argument_error(error_id::dtype, argument, "dtype " + dtype_name(a) + "; expected str (object or unicode) values");
  const py::list items = a.attr("tolist")();
  std::vector<std::string> cells;
  cells.reserve(items.size());
  for (py::handle item : items) {
    if (is_missing(item)) cells.emplace_back();
    else if (PyUnicode_Check(item.ptr())) cells.push_back(item.cast<std::string>());
    else cells.push_back(py::str(item).cast<std::string>());
  }
  return cells;
}

// A column of text (str or object dtype): dates and amounts given as text
// are parsed by the loader, with its per-row problems.
bool is_text(py::handle values) {
  const char kind = as_array(values).dtype().kind();
  return kind == 'U' || kind == 'O';
}

void append_quoted(std::string& out, std::string_view cell) {
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(cell);
    return;
  }
  out.push_back('"');
  for (char c : cell) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

csv_table write_table(const table_spec& spec, py::handle mapping) {
  if (!py::hasattr(mapping, "__getitem__") || !py::hasattr(mapping, "__contains__"))
    argument_error(error_id::value, spec.table, "expected a mapping of column name to array (a dict of numpy arrays)");
  const py::object columns = py::reinterpret_borrow<py::object>(mapping);
  std::vector<std::function<void(std::string&, std::size_t)>> writers;
  std::vector<const char*> names;
  std::optional<std::size_t> rows;
  std::string first_name;
  // Keeps the converted cells alive for the writers.
  auto texts = std::make_shared<std::vector<std::vector<std::string>>>();
  auto amounts = std::make_shared<std::vector<column<std::int64_t>>>();
  auto dates = std::make_shared<std::vector<day_column>>();
  texts->reserve(spec.fields.size());
  amounts->reserve(spec.fields.size());
  dates->reserve(spec.fields.size());
  static constexpr std::int32_t no_day = std::numeric_limits<std::int32_t>::min();
  // Text cells are written as they are; the loader parses them.
  const auto add_text_writer = [&](const py::object& values, const std::string& argument) {
    texts->push_back(read_text_column(values, argument));
    const std::vector<std::string>& cells = texts->back();
    writers.emplace_back([&cells](std::string& out, std::size_t r) { append_quoted(out, cells[r]); });
    return cells.size();
  };
  for (const field_spec& field : spec.fields) {
    if (!columns.contains(py::str(field.name))) {
      if (field.required)
        throw input_error("huikuan.load.2", std::string(spec.table) + " has no " + field.name + " column", field.name);
      continue;
    }
    const std::string argument = std::string(spec.table) + "['" + field.name + "']";
    const py::object values = columns[py::str(field.name)];
    std::size_t size = 0;
    // An empty column has no values to check (np.asarray([]) is float64).
    const bool empty_column = as_array(values).size() == 0;
    switch (empty_column ? field_kind::text : field.kind) {
      case field_kind::text:
        size = add_text_writer(values, argument);
        break;
      case field_kind::amount: {
        if (is_text(values)) {
          size = add_text_writer(values, argument);
          break;
        }
        amounts->push_back(read_column<std::int64_t>(values, argument));
        const std::span<const std::int64_t> minor = amounts->back().values;
        size = minor.size();
        writers.emplace_back([minor](std::string& out, std::size_t r) {
          out.append(format_money(money::from_minor_units(minor[r])));
        });
        break;
      }
      case field_kind::date: {
        if (is_text(values)) {
          size = add_text_writer(values, argument);
          break;
        }
        // NaT is written as an empty cell: the loader derives a missing due
        // date from the terms and reports a missing required date on its row.
        dates->push_back(read_days(values, argument, &no_day));
        const std::span<const std::int32_t> serials = dates->back().values;
        size = serials.size();
        for (std::size_t r = 0; r < size; ++r)
          if (serials[r] != no_day && (serials[r] < min_supported_day.serial() || serials[r] > max_supported_day.serial()))
            argument_error(error_id::range, argument,
                           "row " + std::to_string(r) + ": day number " + std::to_string(serials[r]) +
                               " is outside 1400-01-01 .. 9999-12-31");
        writers.emplace_back([serials](std::string& out, std::size_t r) {
          if (serials[r] != no_day) out.append(format_date(day(serials[r])));
        });
        break;
      }
    }
    if (!rows) {
      rows = size;
      first_name = field.name;
    } else {
      require_length(size, *rows, argument, std::string(spec.table) + "['" + first_name + "']");
    }
    names.push_back(field.name);
  }

  csv_table table;
  for (std::size_t k = 0; k < names.size(); ++k) table.text.append(k ? "," : "").append(names[k]);
  table.text.push_back('\n');
  std::size_t line = 2;
  const std::size_t n = rows.value_or(0);
  table.row_lines.reserve(n);
  for (std::size_t r = 0; r < n; ++r) {
    table.row_lines.push_back(line);
    const std::size_t start = table.text.size();
    for (std::size_t k = 0; k < writers.size(); ++k) {
      if (k) table.text.push_back(',');
      writers[k](table.text, r);
    }
    // A row of empty cells would be a blank line, which CSV readers skip.
    if (std::all_of(table.text.begin() + static_cast<std::ptrdiff_t>(start), table.text.end(),
                    [](char c) { return c == ','; }))
      table.text.append("\"\"");
    line += static_cast<std::size_t>(
        std::count(table.text.begin() + static_cast<std::ptrdiff_t>(start), table.text.end(), '\n')) + 1;
    table.text.push_back('\n');
  }
  return table;
}

// "invoices.csv", line 17 -> "invoices", row 16 (1-based); "(customers.csv:12)"
// in a reason -> "(customers row 11)".
void rename_problems(std::vector<load_problem>& problems, const std::array<const csv_table*, 4>& tables,
                     std::array<file_summary, 4>& files) {
  const char* table_names[] = {"customers", "invoices", "payments", "credit_notes"};
  const auto row_of = [&](std::size_t t, std::size_t line) -> std::size_t {
    const std::vector<std::size_t>& lines = tables[t]->row_lines;
    const auto found = std::lower_bound(lines.begin(), lines.end(), line);
    return found != lines.end() && *found == line ? static_cast<std::size_t>(found - lines.begin()) + 1 : 0;
  };
  for (load_problem& p : problems) {
    for (std::size_t t = 0; t < tables.size(); ++t) {
      if (tables[t] && p.file == std::string(table_names[t]) + ".csv") {
        p.file = table_names[t];
        if (p.line) p.line = row_of(t, p.line);
      }
      if (!tables[t]) continue;
      const std::string marker = "(" + std::string(table_names[t]) + ".csv:";
      const std::size_t at = p.reason.find(marker);
      if (at == std::string::npos) continue;
      const std::size_t close = p.reason.find(')', at);
      if (close == std::string::npos) continue;
      const std::size_t line = std::stoul(p.reason.substr(at + marker.size(), close - at - marker.size()));
      p.reason.replace(at, close - at + 1, "(" + std::string(table_names[t]) + " row " + std::to_string(row_of(t, line)) + ")");
    }
  }
  for (std::size_t t = 0; t < files.size(); ++t)
    if (tables[t]) files[t].file = table_names[t];
}

loaded_ledger ledger_from_arrays(table_like customers, table_like invoices, table_like payments,
                                 std::optional<table_like> credit_notes) {
  const csv_table c = write_table(customers_spec, customers);
  const csv_table i = write_table(invoices_spec, invoices);
  const csv_table p = write_table(payments_spec, payments);
  std::optional<csv_table> n;
  if (credit_notes) n = write_table(credit_notes_spec, *credit_notes);
  load_result result;
  {
    py::gil_scoped_release release;
    ledger_texts texts{c.text, i.text, p.text, std::nullopt};
    if (n) texts.credit_notes = n->text;
    result = load_ledger(texts);
  }
  rename_problems(result.problems, {&c, &i, &p, n ? &*n : nullptr}, result.files);
  return share(std::move(result));
}

// ------------------------------------------------------------ to columns

py::array object_array(const std::vector<std::string>& cells) {
  py::list items(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) items[i] = py::str(cells[i]);
  return py::module_::import("numpy").attr("array")(items, py::arg("dtype") = "object");
}

template <class F>
py::array text_column(std::size_t n, F cell) {
  std::vector<std::string> cells(n);
  for (std::size_t i = 0; i < n; ++i) cells[i] = cell(i);
  return object_array(cells);
}

template <class T>
py::array copy_column(std::span<const T> values) {
  return adopt(std::vector<T>(values.begin(), values.end()));
}

// Ledger indices as int64 with -1 for "none" (no_index).
py::array index_column(std::span<const std::uint32_t> values) {
  std::vector<std::int64_t> out(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = values[i] == no_index ? std::int64_t{-1} : std::int64_t{values[i]};
  return adopt(std::move(out));
}

template <class Enum>
py::array enum_text_column(std::span<const Enum> values) {
  return text_column(values.size(), [&](std::size_t i) { return std::string(to_string(values[i])); });
}

py::dict customers_table(const ledger& book) {
  const auto cs = book.customers();
  const std::size_t n = cs.size();
  std::vector<std::int64_t> limits(n);
  for (std::size_t i = 0; i < n; ++i) limits[i] = cs[i].credit_limit.minor_units();
  py::dict t;
  t["customer_id"] = text_column(n, [&](std::size_t i) { return cs[i].id; });
  t["name"] = text_column(n, [&](std::size_t i) { return cs[i].name; });
  t["sales_rep"] = text_column(n, [&](std::size_t i) { return cs[i].sales_rep; });
  t["terms"] = text_column(n, [&](std::size_t i) { return cs[i].terms.to_string(); });
  t["credit_limit"] = adopt(std::move(limits));
  t["segment"] = text_column(n, [&](std::size_t i) { return cs[i].segment; });
  return t;
}

py::dict invoices_table(const ledger& book) {
  const invoice_columns c = book.invoices();
  const std::size_t n = c.amount.size();
  const auto customer_id = [&](std::size_t i) { return book.customers()[c.customer[i]].id; };
  py::dict t;
  t["invoice_id"] = text_column(n, [&](std::size_t i) { return book.invoice_id(i); });
  t["customer_id"] = text_column(n, customer_id);
  t["customer"] = index_column(c.customer);
  t["issue_date"] = days_as_datetime64(c.issue_day, std::numeric_limits<std::int32_t>::min());
  t["due_date"] = days_as_datetime64(c.due_day, std::numeric_limits<std::int32_t>::min());
  t["amount"] = copy_column(c.amount);
  t["contract_no"] = text_column(n, [&](std::size_t i) { return book.invoice_contract_no(i); });
  t["project_no"] = text_column(n, [&](std::size_t i) { return book.invoice_at(invoice_index{static_cast<std::uint32_t>(i)}).project_no; });
  t["sales_rep"] = text_column(n, [&](std::size_t i) { return book.invoice_at(invoice_index{static_cast<std::uint32_t>(i)}).sales_rep; });
  t["responsible_sales_rep"] = text_column(n, [&](std::size_t i) { return book.invoice_sales_rep(i); });
  return t;
}

py::dict settlements_table(const ledger& book, bool payments) {
  const settlement_columns c = payments ? book.payments() : book.credit_notes();
  const std::size_t n = c.amount.size();
  const auto invoice_id = [&](std::size_t i) { return c.invoice[i] == no_index ? std::string() : book.invoice_id(c.invoice[i]); };
  py::dict t;
  if (payments) t["payment_id"] = text_column(n, [&](std::size_t i) { return book.payment_id(i); });
  else t["credit_note_id"] = text_column(n, [&](std::size_t i) { return book.credit_note_id(i); });
  t["customer_id"] = text_column(n, [&](std::size_t i) { return book.customers()[c.customer[i]].id; });
  t["customer"] = index_column(c.customer);
  t["date"] = days_as_datetime64(c.date_day, std::numeric_limits<std::int32_t>::min());
  t["amount"] = copy_column(c.amount);
  if (payments) {
    t["method"] = enum_text_column(c.method);
    t["status"] = enum_text_column(c.status);
  }
  t["invoice_id"] = text_column(n, invoice_id);
  t["invoice"] = index_column(c.invoice);
  if (!payments) t["reason"] = text_column(n, [&](std::size_t i) { return book.credit_note_at(i).reason; });
  return t;
}

// --------------------------------------------------------- record access

void require_no_views(const ledger_holder& holder) {
  if (holder.views.load() != 0)
    argument_error(error_id::ledger_viewed, "ledger",
                   "numpy arrays view its columns (from *_columns()), and adding a record may move them: delete "
                   "those arrays (or copy them) first");
}

template <class Add>
auto write_ledger(ledger_holder& holder, Add add) {
  py::gil_scoped_release release;
  std::unique_lock lock(holder.mutex);
  require_no_views(holder);
  auto result = add(holder.book);
  ++holder.version;
  return result;
}

std::size_t checked_row(long long index, std::size_t count, const char* what) {
  if (index < 0 || static_cast<unsigned long long>(index) >= count)
    throw py::index_error(std::string(what) + " index " + std::to_string(index) + " is out of range (the ledger has " +
                          std::to_string(count) + ")");
  return static_cast<std::size_t>(index);
}

invoice_index resolve_invoice(const ledger& book, py::handle key) {
  if (py::isinstance<py::str>(key)) {
    const std::string id = key.cast<std::string>();
    if (const auto found = book.find_invoice(id)) return *found;
    throw not_found_error(error_id::not_found, "invoice " + id + " is not in the ledger");
  }
  return invoice_index{static_cast<std::uint32_t>(checked_row(key.cast<long long>(), book.invoice_count(), "invoice"))};
}

std::string ledger_repr(const ledger& book) {
  return "<huikuan.Ledger: " + std::to_string(book.customer_count()) + " customers, " +
         std::to_string(book.invoice_count()) + " invoices, " + std::to_string(book.payment_count()) + " payments, " +
         std::to_string(book.credit_note_count()) + " credit notes>";
}

}  // namespace

void bind_ledger(py::module_& m) {
  m.attr("NO_INDEX") = no_index;
  bind_enum<payment_method>(m, "PaymentMethod", "How a payment was made.",
                            {{"cash", payment_method::cash},
                             {"transfer", payment_method::transfer},
                             {"cheque", payment_method::cheque},
                             {"draft", payment_method::draft}});
  bind_enum<payment_status>(m, "PaymentStatus", "Whether a payment cleared or bounced (a bounced one settles nothing).",
                            {{"cleared", payment_status::cleared}, {"bounced", payment_status::bounced}});

  py::class_<customer>(m, "Customer", "A customer (debtor) of the ledger. Amounts are int minor units.")
      .def_readonly("customer_id", &customer::id)
      .def_readonly("name", &customer::name)
      .def_readonly("sales_rep", &customer::sales_rep)
      .def_readonly("terms", &customer::terms)
      .def_readonly("credit_limit", &customer::credit_limit)
      .def_readonly("segment", &customer::segment)
      .def("__repr__", [](const customer& c) { return "<huikuan.Customer " + c.id + " " + c.name + ">"; });
  py::class_<invoice>(m, "Invoice", "An invoice, its due date filled in. Amounts are int minor units.")
      .def_readonly("invoice_id", &invoice::id)
      .def_readonly("customer_id", &invoice::customer_id)
      .def_readonly("issue_date", &invoice::issue_date)
      .def_readonly("due_date", &invoice::due_date)
      .def_readonly("amount", &invoice::amount)
      .def_readonly("contract_no", &invoice::contract_no)
      .def_readonly("project_no", &invoice::project_no)
      .def_readonly("sales_rep", &invoice::sales_rep)
      .def("__repr__", [](const invoice& i) { return "<huikuan.Invoice " + i.id + " " + format_money(i.amount) + ">"; });
  py::class_<payment>(m, "Payment", "A payment received. Amounts are int minor units.")
      .def_readonly("payment_id", &payment::id)
      .def_readonly("customer_id", &payment::customer_id)
      .def_readonly("date", &payment::date)
      .def_readonly("amount", &payment::amount)
      .def_readonly("method", &payment::method)
      .def_readonly("status", &payment::status)
      .def_readonly("invoice_id", &payment::invoice_id)
      .def("__repr__", [](const payment& p) { return "<huikuan.Payment " + p.id + " " + format_money(p.amount) + ">"; });
  py::class_<credit_note>(m, "CreditNote", "A credit note. Amounts are int minor units.")
      .def_readonly("credit_note_id", &credit_note::id)
      .def_readonly("customer_id", &credit_note::customer_id)
      .def_readonly("date", &credit_note::date)
      .def_readonly("amount", &credit_note::amount)
      .def_readonly("invoice_id", &credit_note::invoice_id)
      .def_readonly("reason", &credit_note::reason)
      .def("__repr__", [](const credit_note& c) { return "<huikuan.CreditNote " + c.id + " " + format_money(c.amount) + ">"; });

  py::class_<ledger_holder, ledger_ptr>(
      m, "Ledger",
      "The receivables ledger: customers, invoices, payments and credit notes, validated as they are added and "
      "stored as columns. Build one record by record with add_*, or load one with load_ledger, "
      "load_ledger_texts or ledger_from_arrays. Safe to read from several threads; add_* waits for readers.")
      .def(py::init([] { return std::make_shared<ledger_holder>(); }))
      .def("add_customer",
           [](ledger_holder& h, std::string customer_id, std::string name, std::string sales_rep, payment_terms terms,
              money credit_limit, std::string segment) {
             customer record{std::move(customer_id), std::move(name), std::move(sales_rep), terms, credit_limit,
                             std::move(segment)};
             return write_ledger(h, [&](ledger& book) { return book.add_customer(std::move(record)); });
           },
           py::arg("customer_id"), py::arg("name"), py::arg("sales_rep") = "",
           py::arg_v("terms", payment_terms{}, "'NET 30'"), py::arg("credit_limit") = money{}, py::arg("segment") = "",
           "Adds a customer and returns its index. Raises InputError [huikuan.ledger.1] empty or duplicate id, "
           "[huikuan.terms.2]/[.3] terms out of range, [huikuan.ledger.3] negative credit limit.")
      .def("add_invoice",
           [](ledger_holder& h, std::string invoice_id, std::string customer_id, day issue_date, money amount,
              std::optional<day> due_date, std::string contract_no, std::string project_no, std::string sales_rep) {
             invoice record{std::move(invoice_id), std::move(customer_id), issue_date, due_date, amount,
                            std::move(contract_no), std::move(project_no), std::move(sales_rep)};
             return write_ledger(h, [&](ledger& book) { return book.add_invoice(std::move(record)); });
           },
           py::arg("invoice_id"), py::arg("customer_id"), py::arg("issue_date"), py::arg("amount"),
           py::arg("due_date") = py::none(), py::arg("contract_no") = "", py::arg("project_no") = "",
           py::arg("sales_rep") = "",
           "Adds an invoice (due date from the customer's terms when None) and returns its index. Raises "
           "InputError [huikuan.ledger.1] empty or duplicate id, [.4] unknown customer, [.6] due before issue, "
           "[.7] amount not positive.")
      .def("add_payment",
           [](ledger_holder& h, std::string payment_id, std::string customer_id, day date, money amount,
              payment_method method, payment_status status, std::string invoice_id) {
             payment record{std::move(payment_id), std::move(customer_id), date, amount, method, status, std::move(invoice_id)};
             write_ledger(h, [&](ledger& book) {
               book.add_payment(std::move(record));
               return 0;
             });
           },
           py::arg("payment_id"), py::arg("customer_id"), py::arg("date"), py::arg("amount"),
           py::arg_v("method", payment_method::transfer, "'transfer'"),
           py::arg_v("status", payment_status::cleared, "'cleared'"), py::arg("invoice_id") = "",
           "Adds a payment (invoice_id, when given, names the invoice it settles). Raises InputError "
           "[huikuan.ledger.1] empty or duplicate id, [.4] unknown customer, [.7] amount not positive, [.9] unknown "
           "invoice, [.10] invoice of another customer.")
      .def("add_credit_note",
           [](ledger_holder& h, std::string credit_note_id, std::string customer_id, day date, money amount,
              std::string invoice_id, std::string reason) {
             credit_note record{std::move(credit_note_id), std::move(customer_id), date, amount, std::move(invoice_id),
                                std::move(reason)};
             write_ledger(h, [&](ledger& book) {
               book.add_credit_note(std::move(record));
               return 0;
             });
           },
           py::arg("credit_note_id"), py::arg("customer_id"), py::arg("date"), py::arg("amount"),
           py::arg("invoice_id") = "", py::arg("reason") = "", "Adds a credit note; the checks of add_payment.")
      .def_property_readonly("customer_count", [](const ledger_holder& h) {
        std::shared_lock lock(h.mutex);
        return h.book.customer_count();
      })
      .def_property_readonly("invoice_count", [](const ledger_holder& h) {
        std::shared_lock lock(h.mutex);
        return h.book.invoice_count();
      })
      .def_property_readonly("payment_count", [](const ledger_holder& h) {
        std::shared_lock lock(h.mutex);
        return h.book.payment_count();
      })
      .def_property_readonly("credit_note_count", [](const ledger_holder& h) {
        std::shared_lock lock(h.mutex);
        return h.book.credit_note_count();
      })
      .def("customer",
           [](const ledger_holder& h, customer_key key) {
             std::shared_lock lock(h.mutex);
             return h.book.customer_at(resolve_customer(h.book, key));
           },
           py::arg("key"), "The customer with this id (NotFoundError, a KeyError, if unknown) or index (IndexError).")
      .def("customer_index",
           [](const ledger_holder& h, const std::string& customer_id) {
             std::shared_lock lock(h.mutex);
             return h.book.customer_index_of(customer_id);
           },
           py::arg("customer_id"), "The index of a customer id; NotFoundError [huikuan.ledger.14] (a KeyError) if unknown.")
      .def("find_customer",
           [](const ledger_holder& h, const std::string& customer_id) {
             std::shared_lock lock(h.mutex);
             return h.book.find_customer(customer_id);
           },
           py::arg("customer_id"), "The index of a customer id, or None.")
      .def("find_invoice",
           [](const ledger_holder& h, const std::string& invoice_id) {
             std::shared_lock lock(h.mutex);
             return h.book.find_invoice(invoice_id);
           },
           py::arg("invoice_id"), "The index of an invoice id, or None.")
      .def("invoice",
           [](const ledger_holder& h, customer_key key) {
             std::shared_lock lock(h.mutex);
             return h.book.invoice_at(resolve_invoice(h.book, key));
           },
           py::arg("key"), "The invoice with this id (NotFoundError if unknown) or index (IndexError).")
      .def("payment",
           [](const ledger_holder& h, long long index) {
             std::shared_lock lock(h.mutex);
             return h.book.payment_at(checked_row(index, h.book.payment_count(), "payment"));
           },
           py::arg("index"), "Payment number `index` (IndexError if out of range).")
      .def("credit_note",
           [](const ledger_holder& h, long long index) {
             std::shared_lock lock(h.mutex);
             return h.book.credit_note_at(checked_row(index, h.book.credit_note_count(), "credit note"));
           },
           py::arg("index"), "Credit note number `index` (IndexError if out of range).")
      .def("invoice_columns",
           [](const ledger_ptr& h) {
             std::shared_lock lock(h->mutex);
             const py::object owner = ledger_view_owner(h);
             const invoice_columns c = h->book.invoices();
             py::dict d;
             d["customer"] = view(c.customer, owner);
             d["issue_day"] = view(c.issue_day, owner);
             d["due_day"] = view(c.due_day, owner);
             d["amount"] = view(c.amount, owner);
             return d;
           },
           "Read-only numpy views (no copy) of the invoice columns: customer (uint32 index), issue_day and "
           "due_day (int32 days since 1970-01-01; .astype('datetime64[D]') for dates), amount (int64 minor units). "
           "While any of them is alive, add_* raises InputError [huikuan.python.7].")
      .def("payment_columns",
           [](const ledger_ptr& h) {
             std::shared_lock lock(h->mutex);
             const py::object owner = ledger_view_owner(h);
             const settlement_columns c = h->book.payments();
             py::dict d;
             d["customer"] = view(c.customer, owner);
             d["date_day"] = view(c.date_day, owner);
             d["amount"] = view(c.amount, owner);
             d["invoice"] = view(c.invoice, owner);
             d["method"] = view<std::uint8_t>({reinterpret_cast<const std::uint8_t*>(c.method.data()), c.method.size()}, owner);
             d["status"] = view<std::uint8_t>({reinterpret_cast<const std::uint8_t*>(c.status.data()), c.status.size()}, owner);
             return d;
           },
           "Read-only numpy views of the payment columns: customer, date_day, amount, invoice (uint32, NO_INDEX "
           "for on account), method and status (uint8 codes of PaymentMethod / PaymentStatus).")
      .def("credit_note_columns",
           [](const ledger_ptr& h) {
             std::shared_lock lock(h->mutex);
             const py::object owner = ledger_view_owner(h);
             const settlement_columns c = h->book.credit_notes();
             py::dict d;
             d["customer"] = view(c.customer, owner);
             d["date_day"] = view(c.date_day, owner);
             d["amount"] = view(c.amount, owner);
             d["invoice"] = view(c.invoice, owner);
             return d;
           },
           "Read-only numpy views of the credit-note columns: customer, date_day, amount, invoice.")
      .def("customers_table",
           [](const ledger_holder& h) {
             std::shared_lock lock(h.mutex);
             return customers_table(h.book);
           },
           "The customers as a dict of numpy columns (copies), named as in customers.csv.")
      .def("invoices_table",
           [](const ledger_holder& h) {
             std::shared_lock lock(h.mutex);
             return invoices_table(h.book);
           },
           "The invoices as a dict of numpy columns (copies): the invoices.csv columns with dates as "
           "datetime64[D] and amounts in int64 minor units, plus customer (index) and responsible_sales_rep.")
      .def("payments_table",
           [](const ledger_holder& h) {
             std::shared_lock lock(h.mutex);
             return settlements_table(h.book, true);
           },
           "The payments as a dict of numpy columns (copies), plus customer and invoice indices (-1: none).")
      .def("credit_notes_table",
           [](const ledger_holder& h) {
             std::shared_lock lock(h.mutex);
             return settlements_table(h.book, false);
           },
           "The credit notes as a dict of numpy columns (copies), plus customer and invoice indices (-1: none).")
      .def("__repr__", [](const ledger_holder& h) {
        std::shared_lock lock(h.mutex);
        return ledger_repr(h.book);
      });

  py::class_<load_problem>(m, "LoadProblem",
                           "A row left out while loading (line 0: a whole file). From CSV, file and line name the "
                           "file and its physical line; from arrays, the table ('invoices') and the 1-based row.")
      .def_readonly("file", &load_problem::file)
      .def_readonly("line", &load_problem::line)
      .def_readonly("column", &load_problem::column)
      .def_readonly("id", &load_problem::id)
      .def_readonly("reason", &load_problem::reason)
      .def("message", &load_problem::message, "'invoices.csv:17: due_date: [huikuan.date.2] ...'")
      .def("__repr__", [](const load_problem& p) { return "<huikuan.LoadProblem " + p.message() + ">"; });
  py::class_<file_summary>(m, "FileSummary", "What one file (or table) contributed, and what was left out of it.")
      .def_readonly("file", &file_summary::file)
      .def_readonly("present", &file_summary::present)
      .def_readonly("rows_read", &file_summary::rows_read)
      .def_readonly("rows_loaded", &file_summary::rows_loaded)
      .def_readonly("rows_left_out", &file_summary::rows_left_out)
      .def_property_readonly("amount_left_out", [](const file_summary& s) { return make_int(s.amount_left_out); },
                             "Minor units of the left-out rows whose amount could be read (an exact int).")
      .def_readonly("rows_left_out_without_amount", &file_summary::rows_left_out_without_amount)
      .def_property_readonly("amount_loaded", [](const file_summary& s) { return make_int(s.amount_loaded); },
                             "Minor units of the loaded rows (an exact int).");
  py::class_<loaded_ledger>(m, "LoadResult", "A loaded ledger with every row left out of it.")
      .def_readonly("ledger", &loaded_ledger::book)
      .def_readonly("problems", &loaded_ledger::problems)
      .def_readonly("files", &loaded_ledger::files, "customers, invoices, payments, credit notes (in that order).")
      .def_property_readonly("clean", [](const loaded_ledger& r) { return r.problems.empty(); },
                             "True when no row was left out.");

  m.def("load_ledger",
        [](const std::filesystem::path& directory) {
          load_result result;
          {
            py::gil_scoped_release release;
            result = load_ledger_directory(directory);
          }
          return share(std::move(result));
        },
        py::arg("directory"),
        "Loads customers.csv, invoices.csv, payments.csv and, if present, credit_notes.csv from a directory. Rows "
        "that cannot be used are left out and listed in problems. Raises InputError [huikuan.load.1] for a missing "
        "file, [huikuan.load.2] for a missing column, [huikuan.load.3] for a column named twice.");
  m.def("load_ledger_texts",
        [](const std::string& customers, const std::string& invoices, const std::string& payments,
           std::optional<std::string> credit_notes) {
          load_result result;
          {
            py::gil_scoped_release release;
            ledger_texts texts{customers, invoices, payments, std::nullopt};
            if (credit_notes) texts.credit_notes = *credit_notes;
            result = load_ledger(texts);
          }
          return share(std::move(result));
        },
        py::arg("customers"), py::arg("invoices"), py::arg("payments"), py::arg("credit_notes") = py::none(),
        "Loads a ledger from the CSV texts of the four files (as load_ledger).");
  m.def("ledger_from_arrays", &ledger_from_arrays, py::arg("customers"), py::arg("invoices"), py::arg("payments"),
        py::arg("credit_notes") = py::none(),
        "Loads a ledger from tables given as mappings of column name to 1-D array (dicts of numpy arrays), with "
        "the columns of the CSV files: text columns as str (None or NaN: empty); dates as datetime64[D], int32 "
        "day numbers or ISO text (NaT or empty in due_date: from the terms); amounts as int64 minor units or "
        "decimal text (to_minor_units converts floats). The columns are read by the CSV loader itself (written "
        "as CSV text in memory), so its rules, problems and summaries apply unchanged; a problem names the table "
        "('invoices') and the 1-based row. Raises InputError [huikuan.load.2] for a missing required column and "
        "[huikuan.python.1]..[.6] for a column of the wrong dtype, shape or length.");
}

}  // namespace huikuan::python
