// allocation.hpp, escalation.hpp, aging.hpp, statement.hpp: who paid what,
// open items by age, the colour ladder, statements and dormant accounts.
#include <algorithm>
#include <limits>

#include "common.hpp"

namespace huikuan::python {

namespace {

py::dict settlements_table(const std::vector<settlement>& s) {
  const std::size_t n = s.size();
  std::vector<std::uint8_t> source(n);
  std::vector<std::uint32_t> index(n), invoice(n);
  std::vector<std::int32_t> date(n);
  std::vector<std::int64_t> amount(n);
  for (std::size_t i = 0; i < n; ++i) {
    source[i] = static_cast<std::uint8_t>(s[i].source);
    index[i] = s[i].source_index;
    invoice[i] = s[i].invoice;
    date[i] = s[i].date.serial();
    amount[i] = s[i].amount.minor_units();
  }
  py::dict d;
  d["source"] = adopt(std::move(source));
  d["source_index"] = adopt(std::move(index));
  d["invoice"] = adopt(std::move(invoice));
  d["date"] = days_as_datetime64(date, std::numeric_limits<std::int32_t>::min());
  d["amount"] = adopt(std::move(amount));
  return d;
}

// age_into_buckets: checks with the GIL held, then the kernel without it.
py::array_t<std::int64_t> age_into_buckets_py(array_like group, array_like issue_day, array_like due_day,
                                              array_like open_amount, day as_of, const bucket_policy& policy,
                                              std::optional<std::size_t> groups, optional_array out, int threads_argument,
                                              aging_workspace* workspace) {
  const unsigned threads = checked_threads(threads_argument);
  const column<std::uint32_t> g = read_column<std::uint32_t>(group, "group");
  const day_column issued = read_days(issue_day, "issue_day");
  const day_column due = read_days(due_day, "due_day");
  const column<std::int64_t> open = read_column<std::int64_t>(open_amount, "open_amount");
  const std::size_t n = g.values.size();
  require_length(issued.values.size(), n, "issue_day", "group");
  require_length(due.values.size(), n, "due_day", "group");
  require_length(open.values.size(), n, "open_amount", "group");
  policy.validate();
  std::size_t rows = 0;
  if (groups) rows = *groups;
  else if (n > 0) rows = static_cast<std::size_t>(*std::max_element(g.values.begin(), g.values.end())) + 1;
  const std::size_t width = policy.bucket_count();
  py::array_t<std::int64_t> result;
  if (out.is_none()) {
    result = py::array_t<std::int64_t>({static_cast<py::ssize_t>(rows), static_cast<py::ssize_t>(width)});
    std::fill_n(result.mutable_data(), rows * width, std::int64_t{0});
  } else {
    if (!py::isinstance<py::array>(out) || !py::reinterpret_borrow<py::array>(out).dtype().equal(py::dtype::of<std::int64_t>()))
      argument_error(error_id::dtype, "out", "expected an int64 numpy array to add into");
    result = py::reinterpret_borrow<py::array_t<std::int64_t>>(out);
    if (result.ndim() != 2 || static_cast<std::size_t>(result.shape(0)) != rows ||
        static_cast<std::size_t>(result.shape(1)) != width)
      argument_error(error_id::shape, "out",
                     "shape " + std::string(py::str(py::tuple(result.attr("shape")))) + "; expected (" +
                         std::to_string(rows) + ", " + std::to_string(width) + ")");
    require_layout(result, "out", py::array::c_style);
    if (!result.writeable()) argument_error(error_id::layout, "out", "the array is read-only");
  }
  const aging_columns columns{g.values, issued.values, due.values, open.values};
  std::span<std::int64_t> cells(result.mutable_data(), rows * width);
  {
    py::gil_scoped_release release;
    aging_workspace scratch;  // used only without a workspace, on several threads
    age_into_buckets(columns, as_of, policy, rows, cells, threads, workspace != nullptr ? *workspace : scratch);
  }
  return result;
}

}  // namespace

void bind_aging(py::module_& m) {
  bind_enum<settlement_source>(m, "SettlementSource", "What settled an invoice.",
                               {{"payment", settlement_source::payment}, {"credit_note", settlement_source::credit_note}});

  py::class_<position_holder>(
      m, "ReceivablesPosition",
      "The receivables as of a date (from allocate): per invoice and per customer numpy arrays viewing the "
      "result without copies (read-only; they keep it alive).")
      .def_property_readonly("as_of", [](const position_holder& p) { return p.position.as_of; })
      .def_property_readonly("open_amount", [](py::object self) {
        const auto& p = self.cast<const position_holder&>().position;
        return view<std::int64_t>(p.open_amount, self);
      }, "Open amount per invoice, int64 minor units (0 for invoices issued after as_of).")
      .def_property_readonly("issued", [](py::object self) {
        const auto& p = self.cast<const position_holder&>().position;
        py::array a = view<std::uint8_t>(p.issued, self);
        return py::array(a.attr("view")("bool"));
      }, "Per invoice: issued on or before as_of (bool).")
      .def_property_readonly("settled_day", [](py::object self) {
        const auto& p = self.cast<const position_holder&>().position;
        return view<std::int32_t>(p.settled_day, self);
      }, "Per invoice: the day number it was fully settled, NOT_SETTLED while open or not issued.")
      .def_property_readonly("settled_date", [](const position_holder& p) {
        return days_as_datetime64(p.position.settled_day, receivables_position::not_settled);
      }, "settled_day as datetime64[D] with NaT while open (a copy).")
      .def_property_readonly("unapplied", [](py::object self) {
        const auto& p = self.cast<const position_holder&>().position;
        return view<std::int64_t>(p.unapplied, self);
      }, "Unapplied credit per customer, int64 minor units.")
      .def_property_readonly("bounced_payments", [](py::object self) {
        const auto& p = self.cast<const position_holder&>().position;
        return view<std::uint32_t>(p.bounced_payments, self);
      }, "Payment indices of bounced payments dated on or before as_of.")
      .def_property_readonly("short_paid_invoices", [](py::object self) {
        const auto& p = self.cast<const position_holder&>().position;
        return view<std::uint32_t>(p.short_paid_invoices, self);
      }, "Invoice indices paid only in part by a payment naming them, still open.")
      .def_property_readonly("settlements", [](const position_holder& p) { return settlements_table(p.position.settlements); },
                             "Every settlement as a dict of numpy columns (copies): source (SettlementSource code), "
                             "source_index, invoice, date (datetime64[D]), amount (minor units).")
      .def("total_open", [](const position_holder& p) { return p.position.total_open(); },
           "Open balance of all invoices, int minor units.")
      .def("total_unapplied", [](const position_holder& p) { return p.position.total_unapplied(); },
           "Unapplied credit of all customers, int minor units.");
  m.attr("NOT_SETTLED") = receivables_position::not_settled;

  m.def("allocate",
        [](const ledger_ptr& h, day as_of) {
          position_holder result;
          result.position = read_ledger(*h, [&](const ledger& book) {
            result.version = h->version;
            return allocate(book, as_of);
          });
          result.source = h;
          return result;
        },
        py::arg("ledger"), py::arg("as_of"),
        "Allocates payments and credit notes to invoices as of a date (rows dated later are ignored) and returns "
        "the ReceivablesPosition. Raises MoneyOverflowError if a customer's sums leave int64.");

  py::class_<escalation_stage>(m, "EscalationStage", "One rung of the escalation ladder.")
      .def(py::init([](std::string name, std::string colour, std::int32_t from_days_past_due, std::string action) {
             return escalation_stage{std::move(name), std::move(colour), from_days_past_due, std::move(action)};
           }),
           py::arg("name"), py::arg("colour"), py::arg("from_days_past_due"), py::arg("action") = "")
      .def_readwrite("name", &escalation_stage::name)
      .def_readwrite("colour", &escalation_stage::colour)
      .def_readwrite("from_days_past_due", &escalation_stage::from_days_past_due)
      .def_readwrite("action", &escalation_stage::action)
      .def("__repr__", [](const escalation_stage& s) {
        return "<huikuan.EscalationStage " + s.name + " (" + s.colour + ") from " + std::to_string(s.from_days_past_due) + ">";
      });
  py::bind_vector<std::vector<escalation_stage>>(m, "EscalationStageList", "The stages of a ladder (a list edited in place).");
  py::class_<escalation_ladder>(m, "EscalationLadder",
                                "Stages ordered by the days past due from which they apply; the first starts at "
                                "the lowest int32 so every count has one.")
      .def(py::init([](std::vector<escalation_stage> stages) { return escalation_ladder{std::move(stages)}; }),
           py::arg("stages"))
      .def_static("standard", &escalation_ladder::standard,
                  "green (up to 20 days past due), blue (21-40), yellow (41-60), red (61-120), stop after-sales "
                  "service (121-180), legal (over 180).")
      .def_readwrite("stages", &escalation_ladder::stages)
      .def("validate", &escalation_ladder::validate, "Raises InputError [huikuan.escalation.1] naming the bad stage.")
      .def("stage_for", &escalation_ladder::stage_for, py::arg("days_past_due"), "Index of the stage that applies.");

  bind_enum<aging_basis>(m, "AgingBasis", "The age buckets measure.",
                         {{"days_past_due", aging_basis::days_past_due}, {"days_since_invoice", aging_basis::days_since_invoice}});
  bind_enum<aging_grouping>(m, "AgingGrouping", "The rows of an aging report.",
                            {{"customer", aging_grouping::customer},
                             {"sales_rep", aging_grouping::sales_rep},
                             {"portfolio", aging_grouping::portfolio}});
  py::class_<bucket_policy>(m, "BucketPolicy",
                            "Aging buckets by increasing upper edges in days: bucket 0 holds ages <= e0, bucket j "
                            "e(j-1) < age <= e(j), the last ages > the last edge. Default edges 0, 30, 60, 90, 120: "
                            "current, 1-30, 31-60, 61-90, 91-120, over 120.")
      .def(py::init([](std::vector<std::int32_t> upper_edges, aging_basis basis) {
             return bucket_policy{std::move(upper_edges), basis};
           }),
           py::arg("upper_edges") = std::vector<std::int32_t>{0, 30, 60, 90, 120},
           py::arg_v("basis", aging_basis::days_past_due, "'days_past_due'"))
      .def_readwrite("upper_edges", &bucket_policy::upper_edges)
      .def_readwrite("basis", &bucket_policy::basis)
      .def_property_readonly("bucket_count", &bucket_policy::bucket_count)
      .def("labels", &bucket_policy::labels, "'current', '1-30', ..., 'over 120'.")
      .def("validate", &bucket_policy::validate, "Raises InputError [huikuan.aging.1] quoting the edges.")
      .def("bucket_of", &bucket_policy::bucket_of, py::arg("age_days"), "The bucket an age in days falls into.");

  py::class_<aging_workspace>(m, "AgingWorkspace",
                              "Scratch for age_into_buckets on several threads: one groups x buckets int64 table per "
                              "thread after the first, kept between calls so that repeated calls do not allocate. "
                              "Pass the same one to calls made one after another, not to concurrent calls.")
      .def(py::init<>())
      .def_property_readonly("bytes", &aging_workspace::bytes, "Bytes of scratch held now.")
      .def("release", &aging_workspace::release, "Gives the scratch back to the system.");

  m.def("age_into_buckets", &age_into_buckets_py, py::arg("group"), py::arg("issue_day"), py::arg("due_day"),
        py::arg("open_amount"), py::arg("as_of"), py::arg_v("policy", bucket_policy{}, "BucketPolicy()"),
        py::arg("groups") = py::none(), py::arg("out") = py::none(), py::arg("threads") = 1,
        py::arg("workspace") = static_cast<aging_workspace*>(nullptr),
        "The aging kernel on numpy columns, one row per invoice: group (uint32 output row), issue_day and due_day "
        "(datetime64[D] or int32 day numbers), open_amount (int64 minor units). Returns (or adds into `out`) an "
        "int64 (groups, buckets) array; groups defaults to max(group) + 1. Invoices issued after as_of and zero "
        "amounts are skipped. Inputs of the right dtype are read in place; the GIL is released while it runs. "
        "With threads > 1 the rows are split between threads (the result is the same); give a workspace "
        "(AgingWorkspace) to reuse its scratch across calls, or one is made for the call. "
        "Raises InputError [huikuan.python.1]..[.3] for a bad array, [huikuan.aging.3] for a group out of range, "
        "MoneyOverflowError when a bucket leaves int64.");

  py::class_<aging_row>(m, "AgingRow", "One row of an aging report (amounts in int minor units).")
      .def_readonly("key", &aging_row::key)
      .def_readonly("name", &aging_row::name)
      .def_readonly("sales_rep", &aging_row::sales_rep)
      .def_readonly("open", &aging_row::open)
      .def_readonly("unapplied", &aging_row::unapplied)
      .def_readonly("net", &aging_row::net)
      .def_readonly("overdue", &aging_row::overdue)
      .def_readonly("open_invoices", &aging_row::open_invoices)
      .def_readonly("oldest_days_past_due", &aging_row::oldest_days_past_due)
      .def_readonly("weighted_days_past_due", &aging_row::weighted_days_past_due)
      .def_readonly("stage", &aging_row::stage, "Index into the report's ladder stages.")
      .def("__repr__", [](const aging_row& r) { return "<huikuan.AgingRow " + r.key + " open " + format_money(r.open) + ">"; });
  py::class_<aging_report>(m, "AgingReport", "An aging report as of a date.")
      .def_readonly("as_of", &aging_report::as_of)
      .def_readonly("policy", &aging_report::policy)
      .def_readonly("grouping", &aging_report::grouping)
      .def_readonly("ladder", &aging_report::ladder)
      .def_readonly("rows", &aging_report::rows)
      .def_readonly("total", &aging_report::total)
      .def_property_readonly("buckets", [](py::object self) {
        const auto& r = self.cast<const aging_report&>();
        return view_rows(r.buckets, r.rows.size(), r.policy.bucket_count(), self);
      }, "int64 (rows, buckets) minor units, a read-only view.")
      .def_property_readonly("total_buckets", [](py::object self) {
        const auto& r = self.cast<const aging_report&>();
        return view<std::int64_t>(r.total_buckets, self);
      }, "int64 (buckets,) minor units of the total row.")
      .def("bucket_labels", [](const aging_report& r) { return r.policy.labels(); });

  m.def("age_receivables",
        [](const ledger_holder& h, const position_holder& p, const bucket_policy& policy, aging_grouping grouping,
           const escalation_ladder& ladder) {
          return with_position(h, p, [&](const ledger& book) { return age_receivables(book, p.position, policy, grouping, ladder); });
        },
        py::arg("ledger"), py::arg("position"), py::arg_v("policy", bucket_policy{}, "BucketPolicy()"),
        py::arg_v("grouping", aging_grouping::customer, "'customer'"),
        py::arg_v("ladder", escalation_ladder::standard(), "EscalationLadder.standard()"),
        "An aging report from an allocated position, rows per customer (ledger order), sales rep (byte order) or "
        "the portfolio; rows without open items or unapplied credit are left out. Buckets of every row sum "
        "exactly to its open balance. Raises InputError [huikuan.python.8] for a position of another (or a "
        "changed) ledger, and the policy's and ladder's validation errors.");
  m.def("invoice_stages",
        [](const ledger_holder& h, const position_holder& p, const escalation_ladder& ladder) {
          return adopt(with_position(h, p, [&](const ledger& book) { return invoice_stages(book, p.position, ladder); }));
        },
        py::arg("ledger"), py::arg("position"), py::arg_v("ladder", escalation_ladder::standard(), "EscalationLadder.standard()"),
        "The ladder stage index of every invoice (0 for settled and not-issued ones), a uint64 array.");

  bind_enum<movement_kind>(m, "MovementKind", "A line of a statement.",
                           {{"invoice", movement_kind::invoice},
                            {"payment", movement_kind::payment},
                            {"credit_note", movement_kind::credit_note},
                            {"bounced_payment", movement_kind::bounced_payment}});
  py::class_<statement_line>(m, "StatementLine", "One movement on the account; amounts in int minor units.")
      .def_readonly("date", &statement_line::date)
      .def_readonly("kind", &statement_line::kind)
      .def_readonly("reference", &statement_line::reference)
      .def_readonly("invoice_id", &statement_line::invoice_id)
      .def_readonly("debit", &statement_line::debit)
      .def_readonly("credit", &statement_line::credit)
      .def_readonly("balance", &statement_line::balance)
      .def_readonly("note", &statement_line::note);
  py::class_<open_item>(m, "OpenItem", "An invoice still open on the statement date.")
      .def_readonly("invoice_id", &open_item::invoice_id)
      .def_readonly("contract_no", &open_item::contract_no)
      .def_readonly("issue_date", &open_item::issue_date)
      .def_readonly("due_date", &open_item::due_date)
      .def_readonly("amount", &open_item::amount)
      .def_readonly("open", &open_item::open)
      .def_readonly("days_past_due", &open_item::days_past_due)
      .def_readonly("short_paid", &open_item::short_paid)
      .def_readonly("stage", &open_item::stage);
  py::class_<statement_of_account>(m, "StatementOfAccount",
                                   "A customer's statement for [from_date, as_of]: closing_balance == open_total - "
                                   "unapplied.")
      .def_readonly("customer_id", &statement_of_account::customer_id)
      .def_readonly("name", &statement_of_account::name)
      .def_readonly("sales_rep", &statement_of_account::sales_rep)
      .def_readonly("terms", &statement_of_account::terms)
      .def_readonly("credit_limit", &statement_of_account::credit_limit)
      .def_readonly("from_date", &statement_of_account::from)
      .def_readonly("as_of", &statement_of_account::as_of)
      .def_readonly("opening_balance", &statement_of_account::opening_balance)
      .def_readonly("lines", &statement_of_account::lines)
      .def_readonly("closing_balance", &statement_of_account::closing_balance)
      .def_readonly("bucket_labels", &statement_of_account::bucket_labels)
      .def_readonly("buckets", &statement_of_account::buckets)
      .def_readonly("open_total", &statement_of_account::open_total)
      .def_readonly("unapplied", &statement_of_account::unapplied)
      .def_readonly("open_items", &statement_of_account::open_items)
      .def_readonly("bounced", &statement_of_account::bounced);

  m.def("make_statement",
        [](const ledger_holder& h, customer_key customer, day from_date, std::optional<day> as_of,
           const position_holder* position, const bucket_policy& policy, const escalation_ladder& ladder) {
          if (as_of.has_value() == (position != nullptr))
            argument_error(error_id::value, "as_of", "give either as_of (the ledger is allocated as of it) or position");
          std::shared_lock lock(h.mutex);
          const customer_index who = resolve_customer(h.book, customer);
          lock.unlock();
          if (position)
            return with_position(h, *position, [&](const ledger& book) {
              return make_statement(book, position->position, who, from_date, policy, ladder);
            });
          return read_ledger(h, [&](const ledger& book) { return make_statement(book, who, from_date, *as_of, policy, ladder); });
        },
        py::arg("ledger"), py::arg("customer"), py::arg("from_date"), py::arg("as_of") = py::none(),
        py::arg("position") = py::none(), py::arg_v("policy", bucket_policy{}, "BucketPolicy()"),
        py::arg_v("ladder", escalation_ladder::standard(), "EscalationLadder.standard()"),
        "The statement of account of a customer (id or index) for [from_date, as_of]; pass position instead of "
        "as_of to reuse an allocation (the period then ends on position.as_of). Raises NotFoundError for an "
        "unknown id, InputError [huikuan.statement.1] when from_date is after as_of.");

  m.def("make_statements",
        [](const ledger_holder& h, const position_holder& p, const std::vector<customer_key>& customers, day from_date,
           const bucket_policy& policy, const escalation_ladder& ladder) {
          std::vector<customer_index> who;
          {
            std::shared_lock lock(h.mutex);
            for (const customer_key& key : customers) who.push_back(resolve_customer(h.book, key));
          }
          return with_position(h, p, [&](const ledger& book) {
            return make_statements(book, p.position, who, from_date, policy, ladder);
          });
        },
        py::arg("ledger"), py::arg("position"), py::arg("customers"), py::arg("from_date"),
        py::arg_v("policy", bucket_policy{}, "BucketPolicy()"),
        py::arg_v("ladder", escalation_ladder::standard(), "EscalationLadder.standard()"),
        "The statements of many customers (ids or indices) for [from_date, position.as_of], in the order given, "
        "each equal to make_statement's: the ledger's rows are grouped by customer once, so a month-end run over "
        "every customer is one pass, with the GIL released. Raises NotFoundError for an unknown id, InputError "
        "[huikuan.statement.1] when from_date is after as_of, [huikuan.python.8] for a position of another ledger.");

  py::class_<dormant_account>(m, "DormantAccount", "An account with open items or credit and no movement for long.")
      .def_readonly("customer", &dormant_account::customer)
      .def_readonly("open", &dormant_account::open)
      .def_readonly("unapplied", &dormant_account::unapplied)
      .def_readonly("last_movement", &dormant_account::last_movement)
      .def_readonly("days_quiet", &dormant_account::days_quiet);
  m.def("find_dormant_accounts",
        [](const ledger_holder& h, const position_holder& p, days quiet_for) {
          return with_position(h, p, [&](const ledger& book) { return find_dormant_accounts(book, p.position, quiet_for); });
        },
        py::arg("ledger"), py::arg("position"), py::arg("quiet_for") = days(180),
        "Accounts with open items or unapplied credit and no movement for more than quiet_for days before the "
        "position's date, most quiet first. Raises InputError [huikuan.statement.2] for a negative quiet_for.");
}

}  // namespace huikuan::python
