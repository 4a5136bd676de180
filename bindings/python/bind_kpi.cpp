// kpi.hpp and kpi_report.hpp: DSO, best possible DSO, ADD, CEI and AR
// turnover under the names of their variants, and the KPIs of a ledger.
#include "common.hpp"

namespace huikuan::python {

void bind_kpi(py::module_& m) {
  m.def("days_sales_outstanding_simple", &days_sales_outstanding_simple, py::arg("ending_receivables"),
        py::arg("credit_sales"), py::arg("days_in_period"),
        "Simple DSO: ending_receivables / credit_sales x days_in_period (amounts in int minor units). Raises "
        "InputError [huikuan.kpi.1] days <= 0, [.2] sales <= 0, [.3] receivables < 0.");
  bind_enum<countback_beyond_history>(
      m, "CountbackBeyondHistory", "What countback DSO does when receivables exceed every month's sales.",
      {{"reject", countback_beyond_history::reject},
       {"cap", countback_beyond_history::cap},
       {"extrapolate", countback_beyond_history::extrapolate}});
  m.def("days_sales_outstanding_countback",
        [](money ending_receivables, array_like credit_sales_by_month, array_like days_by_month,
           countback_beyond_history beyond_history) {
          const column<std::int64_t> sales = read_column<std::int64_t>(credit_sales_by_month, "credit_sales_by_month");
          const column<std::int32_t> lengths = read_column<std::int32_t>(days_by_month, "days_by_month");
          std::vector<money> amounts;
          amounts.reserve(sales.values.size());
          for (std::int64_t minor : sales.values) amounts.push_back(money::from_minor_units(minor));
          return days_sales_outstanding_countback(ending_receivables, amounts, lengths.values, beyond_history);
        },
        py::arg("ending_receivables"), py::arg("credit_sales_by_month"), py::arg("days_by_month"),
        py::arg_v("beyond_history", countback_beyond_history::reject, "'reject'"),
        "Countback DSO. Months OLDEST FIRST: credit_sales_by_month (int64 minor units) and days_by_month (int32). "
        "Raises InputError [huikuan.kpi.4] no months, [.5] different lengths, [.6] receivables beyond history "
        "under 'reject'.");
  m.def("best_possible_days_sales_outstanding", &best_possible_days_sales_outstanding, py::arg("current_receivables"),
        py::arg("credit_sales"), py::arg("days_in_period"),
        "Best possible DSO: current (not yet due) receivables / credit_sales x days_in_period.");
  m.def("average_days_delinquent", &average_days_delinquent, py::arg("dso"), py::arg("best_possible_dso"),
        "ADD = DSO - best possible DSO. Raises InputError [huikuan.kpi.7] for a negative or non-finite value, "
        "[.8] if best_possible_dso > dso.");
  m.def("average_days_delinquent_amount_weighted",
        [](array_like open_amounts, array_like days_past_due) {
          const column<std::int64_t> amounts = read_column<std::int64_t>(open_amounts, "open_amounts");
          const column<std::int32_t> ages = read_column<std::int32_t>(days_past_due, "days_past_due");
          py::gil_scoped_release release;
          return average_days_delinquent_amount_weighted(amounts.values, ages.values);
        },
        py::arg("open_amounts"), py::arg("days_past_due"),
        "Invoice-level ADD: days past due weighted by open amount (int64 minor units) over overdue items "
        "(days_past_due int32 > 0); 0.0 when nothing is overdue.");
  m.def("collection_effectiveness_index_period", &collection_effectiveness_index_period, py::arg("opening_receivables"),
        py::arg("credit_sales"), py::arg("closing_total_receivables"), py::arg("closing_current_receivables"),
        "CEI, period convention, in percent: (opening + sales - closing total) / (opening + sales - closing "
        "current) x 100, with the whole period's credit sales.");
  m.def("collection_effectiveness_index_monthly_average", &collection_effectiveness_index_monthly_average,
        py::arg("opening_receivables"), py::arg("credit_sales"), py::arg("closing_total_receivables"),
        py::arg("closing_current_receivables"), py::arg("months"),
        "CEI, monthly-average convention: credit_sales / months in place of credit_sales.");
  m.def("average_accounts_receivable", &average_accounts_receivable, py::arg("opening_receivables"),
        py::arg("closing_receivables"), "(opening + closing) / 2, rounded half away from zero to the minor unit.");
  m.def("accounts_receivable_turnover",
        py::overload_cast<money, money>(&accounts_receivable_turnover), py::arg("net_credit_sales"),
        py::arg("average_receivables"),
        "AR turnover in times per period: net_credit_sales / average_receivables. Raises InputError "
        "[huikuan.kpi.3] negative sales, [.2] average <= 0.");
  m.def("accounts_receivable_turnover_from_balances",
        py::overload_cast<money, money, money>(&accounts_receivable_turnover), py::arg("net_credit_sales"),
        py::arg("opening_receivables"), py::arg("closing_receivables"),
        "AR turnover over the exact average of opening and closing receivables: 2 x sales / (opening + closing).");

  py::class_<payment_behaviour>(m, "PaymentBehaviour", "How a customer paid in a period (cleared payments).")
      .def_readonly("paid", &payment_behaviour::paid)
      .def_readonly("average_days_to_pay", &payment_behaviour::average_days_to_pay)
      .def_readonly("average_days_beyond_terms", &payment_behaviour::average_days_beyond_terms)
      .def_readonly("share_paid_on_time", &payment_behaviour::share_paid_on_time)
      .def_readonly("bounced_payments", &payment_behaviour::bounced_payments);
  py::class_<kpi_report>(m, "KpiReport",
                         "Portfolio KPIs of a period; a KPI whose denominator is zero is None. Amounts in int minor units.")
      .def_readonly("from_date", &kpi_report::from)
      .def_readonly("to_date", &kpi_report::to)
      .def_readonly("days_in_period", &kpi_report::days_in_period)
      .def_readonly("months", &kpi_report::months)
      .def_readonly("opening_receivables", &kpi_report::opening_receivables)
      .def_readonly("closing_receivables", &kpi_report::closing_receivables)
      .def_readonly("closing_current_receivables", &kpi_report::closing_current_receivables)
      .def_readonly("closing_overdue_receivables", &kpi_report::closing_overdue_receivables)
      .def_readonly("credit_sales", &kpi_report::credit_sales)
      .def_readonly("credit_notes", &kpi_report::credit_notes)
      .def_readonly("net_credit_sales", &kpi_report::net_credit_sales)
      .def_readonly("cash_collected", &kpi_report::cash_collected)
      .def_readonly("unapplied_credit", &kpi_report::unapplied_credit)
      .def_readonly("dso_simple", &kpi_report::dso_simple)
      .def_readonly("dso_countback", &kpi_report::dso_countback)
      .def_readonly("best_possible_dso", &kpi_report::best_possible_dso)
      .def_readonly("add_from_dso", &kpi_report::add_from_dso)
      .def_readonly("add_amount_weighted", &kpi_report::add_amount_weighted)
      .def_readonly("cei_period", &kpi_report::cei_period)
      .def_readonly("cei_monthly_average", &kpi_report::cei_monthly_average)
      .def_readonly("ar_turnover", &kpi_report::ar_turnover)
      .def_readonly("portfolio", &kpi_report::portfolio)
      .def_readonly("customers", &kpi_report::customers, "Per customer, indexed like the ledger's customers.");
  m.def("compute_kpis",
        [](const ledger_holder& h, day from_date, day to_date) {
          return read_ledger(h, [&](const ledger& book) { return compute_kpis(book, from_date, to_date); });
        },
        py::arg("ledger"), py::arg("from_date"), py::arg("to_date"),
        "The KPIs of [from_date, to_date] (see kpi_report.hpp for which ledger figures feed which formula). Raises "
        "InputError [huikuan.kpi.20] if from_date > to_date.");
  m.def("payment_behaviour_by_customer",
        [](const ledger_holder& h, const position_holder& p, day from_date, day to_date) {
          return read_ledger(h, [&](const ledger& book) {
            require_position_of(p, h);
            return payment_behaviour_by_customer(book, p.position, from_date, to_date);
          });
        },
        py::arg("ledger"), py::arg("position"), py::arg("from_date"), py::arg("to_date"),
        "Each customer's payment behaviour for payments dated in [from_date, to_date] (allocate as of to_date or later).");
}

}  // namespace huikuan::python
