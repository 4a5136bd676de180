// collections.hpp, promises.hpp, collection_targets.hpp, collection_plan.hpp,
// business_calendar.hpp: the priority kernel and top-k ranking, the
// worklist, promises to pay, collection targets and the day's plan.
#include <algorithm>
#include <limits>

#include "common.hpp"
#include "huikuan/business_calendar.hpp"
#include "huikuan/collection_plan.hpp"
#include "huikuan/collection_targets.hpp"
#include "huikuan/collections.hpp"
#include "huikuan/promises.hpp"

namespace huikuan::python {

namespace {

/// A promise list together with the ledger it belongs to (kept alive, and
/// read under its lock).
struct promises_holder {
  ledger_ptr source;
  promise_list list;
  explicit promises_holder(ledger_ptr holder) : source(std::move(holder)), list(source->book) {}
};
using promises_ptr = std::shared_ptr<promises_holder>;

struct promises_loaded {
  promises_ptr promises;
  std::vector<load_problem> problems;
  file_summary summary;
};

// priority_scores: checks with the GIL held, the kernel without it.
py::array_t<double> priority_scores_py(array_like days_past_due, array_like amount_at_risk, array_like broken_promises,
                                       array_like promise_falling_due, array_like over_limit,
                                       const priority_weights& weights, optional_array out) {
  const column<std::int32_t> dpd = read_column<std::int32_t>(days_past_due, "days_past_due");
  const column<std::int64_t> risk = read_column<std::int64_t>(amount_at_risk, "amount_at_risk");
  const column<std::int32_t> broken = read_column<std::int32_t>(broken_promises, "broken_promises");
  const column<std::int64_t> due = read_column<std::int64_t>(promise_falling_due, "promise_falling_due");
  const column<std::int64_t> over = read_column<std::int64_t>(over_limit, "over_limit");
  const std::size_t n = dpd.values.size();
  require_length(risk.values.size(), n, "amount_at_risk", "days_past_due");
  require_length(broken.values.size(), n, "broken_promises", "days_past_due");
  require_length(due.values.size(), n, "promise_falling_due", "days_past_due");
  require_length(over.values.size(), n, "over_limit", "days_past_due");
  weights.validate();
  py::array_t<double> result = output_column<double>(out, n, "out");
  const priority_inputs inputs{dpd.values, risk.values, broken.values, due.values, over.values};
  std::span<double> scores(result.mutable_data(), n);
  {
    py::gil_scoped_release release;
    priority_scores(inputs, weights, scores);
  }
  return result;
}

py::array_t<std::uint32_t> rank_top_k_py(array_like scores, std::size_t k) {
  const column<double> s = read_column<double>(scores, "scores");
  std::vector<std::uint32_t> top(std::min(k, s.values.size()));
  {
    py::gil_scoped_release release;
    top.resize(rank_top_k(s.values, top));
  }
  return adopt(std::move(top));
}

worklist build_worklist_py(const ledger_holder& h, const position_holder& p, const worklist_policy& policy,
                           optional_array pd, std::optional<std::vector<std::string>> grade, optional_array last_contact,
                           optional_array disputed, const promise_report* promises,
                           std::optional<business_calendar> calendar, std::size_t top) {
  worklist_context context;
  std::optional<column<double>> pd_column;
  if (!pd.is_none()) {
    pd_column = read_column<double>(pd, "pd");
    context.pd = pd_column->values;
  }
  if (grade) context.grade = *grade;
  static constexpr std::int32_t never = std::numeric_limits<std::int32_t>::min();
  std::optional<day_column> contacted;
  if (!last_contact.is_none()) {
    contacted = read_days(last_contact, "last_contact", &never);
    context.last_contact = contacted->values;
  }
  std::optional<column<std::uint8_t>> disputed_column;
  if (!disputed.is_none()) {
    disputed_column = read_column<std::uint8_t>(disputed, "disputed", true, true);
    context.disputed = disputed_column->values;
  }
  context.promises = promises;
  if (calendar) context.calendar = std::move(*calendar);
  return with_position(h, p, [&](const ledger& book) { return build_worklist(book, p.position, policy, context, top); });
}

template <std::size_t N>
std::vector<double> to_list(const std::array<double, N>& values) {
  return {values.begin(), values.end()};
}

std::array<action_profile, collection_action_count> profiles_from(const std::vector<action_profile>& profiles,
                                                                  const char* argument) {
  if (profiles.size() != collection_action_count)
    argument_error(error_id::shape, argument,
                   std::to_string(profiles.size()) + " profiles; expected one per CollectionAction (" +
                       std::to_string(collection_action_count) + ")");
  std::array<action_profile, collection_action_count> result;
  std::copy(profiles.begin(), profiles.end(), result.begin());
  return result;
}

void bind_priority(py::module_& m) {
  bind_enum<priority_factor>(m, "PriorityFactor", "The factors of the priority score, in the order of the contributions.",
                             {{"days_past_due", priority_factor::days_past_due},
                              {"amount_at_risk", priority_factor::amount_at_risk},
                              {"broken_promises", priority_factor::broken_promises},
                              {"promise_falling_due", priority_factor::promise_falling_due},
                              {"over_credit_limit", priority_factor::over_credit_limit}});
  py::class_<priority_weights>(
      m, "PriorityWeights",
      "Points per factor. Defaults: 1 point per day past due (capped at 360: age dominates), 20 points per "
      "tenfold of the amount at risk in major units (amount_unit minor units each), 40 per broken promise (at "
      "most 3), 60 for a promise falling due, 30 when over the credit limit.")
      .def(py::init<>())
      .def_readwrite("points_per_day_past_due", &priority_weights::points_per_day_past_due)
      .def_readwrite("days_past_due_cap", &priority_weights::days_past_due_cap)
      .def_readwrite("points_per_tenfold_at_risk", &priority_weights::points_per_tenfold_at_risk)
      .def_readwrite("amount_unit", &priority_weights::amount_unit)
      .def_readwrite("points_per_broken_promise", &priority_weights::points_per_broken_promise)
      .def_readwrite("broken_promises_cap", &priority_weights::broken_promises_cap)
      .def_readwrite("points_for_promise_falling_due", &priority_weights::points_for_promise_falling_due)
      .def_readwrite("points_for_over_limit", &priority_weights::points_for_over_limit)
      .def("validate", &priority_weights::validate,
           "Raises InputError [huikuan.priority.1] for a negative or non-finite weight, a negative cap or an "
           "amount unit < 1.");
  m.def(
      "priority_contributions",
      [](const priority_weights& weights, std::int32_t days_past_due, money amount_at_risk, std::int32_t broken_promises,
         money promise_falling_due, money over_limit) {
        return to_list(priority_contributions(weights, days_past_due, amount_at_risk.minor_units(), broken_promises,
                                              promise_falling_due.minor_units(), over_limit.minor_units()));
      },
      py::arg("weights"), py::arg("days_past_due"), py::arg("amount_at_risk"), py::arg("broken_promises"),
      py::arg("promise_falling_due"), py::arg("over_limit"),
      "The points of each factor for one debtor (amounts in int minor units), in PriorityFactor order; their sum "
      "equals priority_scores' score bit for bit.");
  m.def("priority_scores", &priority_scores_py, py::arg("days_past_due"), py::arg("amount_at_risk"),
        py::arg("broken_promises"), py::arg("promise_falling_due"), py::arg("over_limit"),
        py::arg_v("weights", priority_weights{}, "PriorityWeights()"), py::arg("out") = py::none(),
        "The bulk priority kernel on numpy columns, one row per debtor: days_past_due (int32, <= 0: nothing "
        "overdue), amount_at_risk (int64 minor units), broken_promises (int32 count), promise_falling_due and "
        "over_limit (int64 minor units, > 0 adds their points). Returns (or writes into `out`) float64 scores; "
        "inputs are read in place and the GIL is released. Raises InputError [huikuan.python.1]..[.3] for a bad "
        "array and what weights.validate() raises.");
  m.def("rank_top_k", &rank_top_k_py, py::arg("scores"), py::arg("k"),
        "The indices (uint32) of the k highest float64 scores, highest first; equal scores rank the lower index "
        "first, so the same input gives the same order. O(N log k), the GIL released. Raises InputError "
        "[huikuan.priority.3] for a NaN score (naming its index).");
}

void bind_calendar(py::module_& m) {
  py::class_<business_calendar>(m, "BusinessCalendar",
                                "Business days: weekends by a mask (bit w is weekday w, 0 Sunday .. 6 Saturday), "
                                "holidays, and weekend days that are worked (China's make-up days).")
      .def(py::init([](std::vector<day> holidays, std::uint8_t weekend_mask, std::vector<day> worked_weekend_days) {
             return business_calendar(std::move(holidays), weekend_mask, std::move(worked_weekend_days));
           }),
           py::arg("holidays") = std::vector<day>{}, py::arg("weekend_mask") = business_calendar::saturday_and_sunday,
           py::arg("worked_weekend_days") = std::vector<day>{},
           "Raises InputError [huikuan.calendar.1] when every weekday is a weekend day, [huikuan.calendar.3] for a "
           "day both a holiday and worked.")
      .def("is_business_day", &business_calendar::is_business_day, py::arg("date"))
      .def("on_or_after", &business_calendar::on_or_after, py::arg("date"), "The first business day on or after date.")
      .def("before", &business_calendar::before, py::arg("date"), "The last business day strictly before date.")
      .def("add_business_days", &business_calendar::add_business_days, py::arg("date"), py::arg("n"),
           "The n-th business day after date (n == 0: on_or_after). Raises InputError [huikuan.calendar.2] for n < 0.")
      .def_property_readonly("holidays", [](const business_calendar& c) {
        return std::vector<day>(c.holidays().begin(), c.holidays().end());
      }, "Sorted, without duplicates.")
      .def_property_readonly("weekend_mask", &business_calendar::weekend_mask)
      .def_property_readonly("worked_weekend_days", [](const business_calendar& c) {
        return std::vector<day>(c.worked_weekend_days().begin(), c.worked_weekend_days().end());
      });
  m.attr("SATURDAY_AND_SUNDAY") = business_calendar::saturday_and_sunday;

  auto holidays = py::class_<holidays_load_result>(m, "HolidaysLoadResult", "holidays.csv with what was left out of it.")
                      .def_readonly("holidays", &holidays_load_result::holidays)
                      .def_readonly("worked_weekend_days", &holidays_load_result::worked_weekend_days)
                      .def("calendar", [](const holidays_load_result& r, std::uint8_t weekend_mask) {
                        return business_calendar(r.holidays, weekend_mask, r.worked_weekend_days);
                      }, py::arg("weekend_mask") = business_calendar::saturday_and_sunday,
                         "A BusinessCalendar of these holidays and worked days.");
  bind_problems_and_summary<holidays_load_result>(holidays);
  m.def("load_holidays", &load_holidays, py::arg("text"),
        "Reads holidays.csv text: date (YYYY-MM-DD), optional kind (holiday or workday) and name. Bad rows are "
        "reported and left out. Raises InputError [huikuan.load.2] without a date column.");
}

void bind_promises(py::module_& m) {
  py::class_<promise_instalment>(m, "PromiseInstalment", "One promised payment: an amount (int minor units, > 0) due on a date.")
      .def(py::init([](day due_date, money amount) { return promise_instalment{due_date, amount}; }),
           py::arg("due_date"), py::arg("amount"))
      .def_readwrite("due_date", &promise_instalment::due_date)
      .def_readwrite("amount", &promise_instalment::amount);
  py::class_<promise_to_pay>(m, "PromiseToPay",
                             "A promise to pay as recorded by the collector: instalments with strictly increasing due "
                             "dates, and grace (tolerance) days after each.")
      .def(py::init([](std::string promise_id, std::string customer_id, day promised_on,
                       std::vector<promise_instalment> instalments, std::int32_t tolerance_days, std::string note) {
             return promise_to_pay{std::move(promise_id), std::move(customer_id), promised_on, std::move(instalments),
                                   tolerance_days, std::move(note)};
           }),
           py::arg("promise_id"), py::arg("customer_id"), py::arg("promised_on"), py::arg("instalments"),
           py::arg("tolerance_days") = 0, py::arg("note") = "")
      .def_readwrite("promise_id", &promise_to_pay::id)
      .def_readwrite("customer_id", &promise_to_pay::customer_id)
      .def_readwrite("promised_on", &promise_to_pay::promised_on)
      .def_readwrite("instalments", &promise_to_pay::instalments)
      .def_readwrite("tolerance_days", &promise_to_pay::tolerance_days)
      .def_readwrite("note", &promise_to_pay::note);
  py::class_<promises_holder, promises_ptr>(m, "PromiseList", "Validated promises of one ledger's customers.")
      .def(py::init([](ledger_ptr ledger) { return std::make_shared<promises_holder>(std::move(ledger)); }),
           py::arg("ledger"))
      .def("add",
           [](promises_holder& p, promise_to_pay promise) {
             std::shared_lock lock(p.source->mutex);
             p.list.add(std::move(promise));
           },
           py::arg("promise"),
           "Adds a promise. Raises InputError with the field at fault: [huikuan.promise.1] empty or duplicate id, "
           "[.2] unknown customer, [.3] no instalments, [.4] an instalment due on or before the previous one, [.5] "
           "an amount that is not positive, [.6] negative tolerance days, [.7] an instalment due before the "
           "promise was made.")
      .def("__len__", [](const promises_holder& p) { return p.list.size(); })
      .def("__getitem__", [](const promises_holder& p, std::size_t i) {
        if (i >= p.list.size()) throw py::index_error("promise " + std::to_string(i) + " is out of range");
        return p.list.at(i);
      }, py::arg("index"))
      .def("customer_of", [](const promises_holder& p, std::size_t i) {
        if (i >= p.list.size()) throw py::index_error("promise " + std::to_string(i) + " is out of range");
        return p.list.customer_of(i);
      }, py::arg("index"), "The ledger customer index of promise `index`.")
      .def_property_readonly("ledger", [](const promises_holder& p) { return p.source; });

  auto loaded = py::class_<promises_loaded>(m, "PromisesLoadResult", "promises.csv with what was left out of it.")
                    .def_readonly("promises", &promises_loaded::promises);
  bind_problems_and_summary<promises_loaded>(loaded);
  m.def("load_promises",
        [](const std::string& text, const ledger_ptr& h) {
          promises_loaded result{std::make_shared<promises_holder>(h), {}, {}};
          std::shared_lock lock(h->mutex);
          promises_load_result r = load_promises(text, h->book);
          result.promises->list = std::move(r.promises);
          result.problems = std::move(r.problems);
          result.summary = std::move(r.summary);
          return result;
        },
        py::arg("text"), py::arg("ledger"),
        "Reads promises.csv text: promise_id, customer_id, promised_on, due_date, amount (optional "
        "tolerance_days, note), one row per instalment. A row with a problem is reported and its whole promise "
        "left out. Raises InputError [huikuan.load.2] for a missing required column.");

  bind_enum<promise_status>(m, "PromiseStatus", "A promise or instalment as of the evaluation date.",
                            {{"pending", promise_status::pending},
                             {"kept", promise_status::kept},
                             {"partially_kept", promise_status::partially_kept},
                             {"broken", promise_status::broken}});
  py::class_<promise_policy>(m, "PromisePolicy", "Window (days back, >= 1) of kept ratios and broken counts, and the "
                                                 "horizon (days ahead, >= 0) of promises falling due.")
      .def(py::init([](std::int32_t window_days, std::int32_t falling_due_horizon) {
             return promise_policy{window_days, falling_due_horizon};
           }),
           py::arg("window_days") = 365, py::arg("falling_due_horizon") = 3)
      .def_readwrite("window_days", &promise_policy::window_days)
      .def_readwrite("falling_due_horizon", &promise_policy::falling_due_horizon);
  py::class_<instalment_result>(m, "InstalmentResult", "One instalment as of the evaluation date (int minor units).")
      .def_readonly("promise", &instalment_result::promise)
      .def_readonly("instalment", &instalment_result::instalment)
      .def_readonly("due_date", &instalment_result::due_date)
      .def_readonly("deadline", &instalment_result::deadline, "Due date + tolerance days.")
      .def_readonly("amount", &instalment_result::amount)
      .def_readonly("paid_by_deadline", &instalment_result::paid_by_deadline)
      .def_readonly("paid_late", &instalment_result::paid_late)
      .def_readonly("status", &instalment_result::status);
  py::class_<promise_result>(m, "PromiseResult", "One promise as of the evaluation date (int minor units).")
      .def_readonly("status", &promise_result::status)
      .def_readonly("promised", &promise_result::promised)
      .def_readonly("paid_by_deadline", &promise_result::paid_by_deadline)
      .def_readonly("paid_late", &promise_result::paid_late)
      .def_readonly("next_amount", &promise_result::next_amount, "Remaining amount of the first pending instalment.")
      .def_readonly("next_due_date", &promise_result::next_due_date)
      .def_readonly("first_instalment", &promise_result::first_instalment)
      .def_readonly("instalment_count", &promise_result::instalment_count);
  py::class_<customer_promise_summary>(m, "CustomerPromiseSummary", "Promise figures of one customer.")
      .def_readonly("kept_ratio", &customer_promise_summary::kept_ratio,
                    "Kept share of resolved instalments in the window; NaN when none.")
      .def_readonly("broken_in_window", &customer_promise_summary::broken_in_window)
      .def_readonly("falling_due", &customer_promise_summary::falling_due)
      .def_readonly("falling_due_date", &customer_promise_summary::falling_due_date)
      .def_readonly("cash_beyond_promises", &customer_promise_summary::cash_beyond_promises)
      .def_readonly("promises", &customer_promise_summary::promises);
  py::class_<promise_report>(m, "PromiseReport", "Every promise evaluated as of a date.")
      .def_readonly("as_of", &promise_report::as_of)
      .def_readonly("promises", &promise_report::promises, "Indexed like the promise list.")
      .def_readonly("instalments", &promise_report::instalments, "Grouped by promise, in promise order.")
      .def_readonly("customers", &promise_report::customers, "Indexed like the ledger's customers.")
      .def("kept_ratios", [](const promise_report& r) { return adopt(promises_kept_ratios(r)); },
           "Per customer kept ratio (float64, NaN: no resolved promise): the promises_kept_ratio column that "
           "review_credit takes for the Character C.");
  m.def("evaluate_promises",
        [](const ledger_holder& h, const promises_holder& promises, day as_of, const promise_policy& policy) {
          return read_ledger(h, [&](const ledger& book) { return evaluate_promises(book, promises.list, as_of, policy); });
        },
        py::arg("ledger"), py::arg("promises"), py::arg("as_of"),
        py::arg_v("policy", promise_policy{}, "PromisePolicy()"),
        "Evaluates every promise made on or before as_of against the ledger's cleared payments dated on or before "
        "it: cash meets the earliest unpaid instalments first; cash after an instalment's deadline is paid late. "
        "Raises InputError [huikuan.promise.8] for promises of another ledger, [huikuan.promise.9] for a bad "
        "policy, MoneyOverflowError.");
}

void bind_worklist(py::module_& m) {
  bind_enum<collection_action>(m, "CollectionAction", "What the collector should do next.",
                               {{"confirm_promise", collection_action::confirm_promise},
                                {"phone", collection_action::phone},
                                {"dunning_letter", collection_action::dunning_letter},
                                {"scheduled_visit", collection_action::scheduled_visit},
                                {"supervisor_visit", collection_action::supervisor_visit},
                                {"stop_supply", collection_action::stop_supply},
                                {"legal", collection_action::legal},
                                {"resolve_dispute", collection_action::resolve_dispute}});
  m.def("action_text", [](collection_action a) { return std::string(to_string(a)); }, py::arg("action"),
        "'confirm promise', 'phone', 'dunning letter', ...");
  py::class_<worklist_policy>(
      m, "WorklistPolicy",
      "Everything build_worklist needs besides the ledger: weights, buckets, the ladder and each stage's action, "
      "PD by age of the overdue amount (pd_by_age[k] up to pd_age_edges[k] days, the last beyond), the poor and "
      "fair PD lines, and contact cadences in business days.")
      .def(py::init<>())
      .def_readwrite("weights", &worklist_policy::weights)
      .def_readwrite("buckets", &worklist_policy::buckets)
      .def_readwrite("ladder", &worklist_policy::ladder)
      .def_readwrite("stage_actions", &worklist_policy::stage_actions)
      .def_readwrite("pd_age_edges", &worklist_policy::pd_age_edges)
      .def_readwrite("pd_by_age", &worklist_policy::pd_by_age)
      .def_readwrite("poor_pd", &worklist_policy::poor_pd)
      .def_readwrite("fair_pd", &worklist_policy::fair_pd)
      .def_readwrite("cadence_poor", &worklist_policy::cadence_poor)
      .def_readwrite("cadence_fair", &worklist_policy::cadence_fair)
      .def_readwrite("cadence_good", &worklist_policy::cadence_good)
      .def("validate", &worklist_policy::validate, "Raises InputError [huikuan.worklist.1] naming what is wrong.");
  py::class_<worklist_row>(m, "WorklistRow", "One debtor on the worklist (amounts in int minor units).")
      .def_readonly("customer", &worklist_row::customer)
      .def_readonly("priority", &worklist_row::priority)
      .def_property_readonly("contributions", [](const worklist_row& r) { return to_list(r.contributions); },
                             "Points per PriorityFactor; they sum to priority.")
      .def_readonly("days_past_due", &worklist_row::days_past_due)
      .def_readonly("overdue", &worklist_row::overdue)
      .def_readonly("disputed", &worklist_row::disputed)
      .def_readonly("at_risk", &worklist_row::at_risk)
      .def_readonly("over_limit", &worklist_row::over_limit)
      .def_readonly("promise_falling_due", &worklist_row::promise_falling_due)
      .def_readonly("broken_promises", &worklist_row::broken_promises)
      .def_readonly("pd", &worklist_row::pd)
      .def_readonly("grade", &worklist_row::grade)
      .def_readonly("repeat_customer", &worklist_row::repeat_customer)
      .def_readonly("stage", &worklist_row::stage, "Index into the worklist's ladder stages.")
      .def_readonly("action", &worklist_row::action)
      .def_readonly("next_contact", &worklist_row::next_contact)
      .def_readonly("reasons", &worklist_row::reasons)
      .def("__repr__", [](const worklist_row& r) {
        return "<huikuan.WorklistRow customer " + std::to_string(static_cast<std::uint32_t>(r.customer)) +
               " priority " + std::to_string(r.priority) + " " + std::string(to_string(r.action)) + ">";
      });
  py::class_<worklist>(m, "Worklist", "A ranked worklist as of a date, highest priority first.")
      .def_readonly("as_of", &worklist::as_of)
      .def_readonly("bucket_labels", &worklist::bucket_labels)
      .def_readonly("ladder", &worklist::ladder)
      .def_readonly("rows", &worklist::rows)
      .def_property_readonly("buckets", [](py::object self) {
        const auto& w = self.cast<const worklist&>();
        return view_rows(w.buckets, w.rows.size(), w.bucket_labels.size(), self);
      }, "int64 (rows, buckets) undisputed open amounts, minor units, a read-only view.")
      .def_readonly("debtors", &worklist::debtors, "Customers with something to chase, before the top cut.")
      .def_readonly("overdue_total", &worklist::overdue_total)
      .def_readonly("disputed_total", &worklist::disputed_total)
      .def("__len__", [](const worklist& w) { return w.rows.size(); });
  m.def("build_worklist", &build_worklist_py, py::arg("ledger"), py::arg("position"),
        py::arg_v("policy", worklist_policy{}, "WorklistPolicy()"), py::arg("pd") = py::none(),
        py::arg("grade") = py::none(), py::arg("last_contact") = py::none(), py::arg("disputed") = py::none(),
        py::arg("promises") = py::none(), py::arg("calendar") = py::none(), py::arg("top") = 0,
        "The collections worklist as of position.as_of: every customer with undisputed overdue items, a disputed "
        "open item or a promise falling due, ranked by priority (top 0: all). Optional knowledge, one entry per "
        "customer: pd (float64 5C PD, NaN: not scored), grade (labels), last_contact (datetime64[D] with NaT, or "
        "int32 day numbers with NEVER_CONTACTED); per invoice: disputed (bool or uint8); promises: a "
        "PromiseReport as of the same date; calendar: a BusinessCalendar (default: weekends only). Raises "
        "InputError [huikuan.worklist.1] for a bad policy, [huikuan.worklist.2] for a column of the wrong length "
        "or a report of another date, [huikuan.python.8] for a position of another ledger.");
  m.attr("NEVER_CONTACTED") = std::numeric_limits<std::int32_t>::min();

  py::class_<invoice_dispute>(m, "InvoiceDispute", "An invoice dispute (quality, price, quantity ...).")
      .def(py::init([](std::string invoice_id, day opened_on, std::optional<day> resolved_on, std::string reason) {
             return invoice_dispute{std::move(invoice_id), opened_on, resolved_on, std::move(reason)};
           }),
           py::arg("invoice_id"), py::arg("opened_on"), py::arg("resolved_on") = py::none(), py::arg("reason") = "")
      .def_readwrite("invoice_id", &invoice_dispute::invoice_id)
      .def_readwrite("opened_on", &invoice_dispute::opened_on)
      .def_readwrite("resolved_on", &invoice_dispute::resolved_on)
      .def_readwrite("reason", &invoice_dispute::reason);
  auto disputes = py::class_<disputes_load_result>(m, "DisputesLoadResult", "disputes.csv with what was left out of it.")
                      .def_readonly("disputes", &disputes_load_result::disputes);
  bind_problems_and_summary<disputes_load_result>(disputes);
  m.def("load_disputes",
        [](const std::string& text, const ledger_holder& h) {
          std::shared_lock lock(h.mutex);
          return load_disputes(text, h.book);
        },
        py::arg("text"), py::arg("ledger"),
        "Reads disputes.csv text: invoice_id, opened_on (optional resolved_on, reason). Unknown invoices, bad "
        "dates and resolutions before the opening are reported and left out. Raises InputError [huikuan.load.2] "
        "for a missing required column.");
  m.def("disputed_invoices",
        [](const ledger_holder& h, const std::vector<invoice_dispute>& list, day as_of) {
          return adopt(read_ledger(h, [&](const ledger& book) { return disputed_invoices(book, list, as_of); }));
        },
        py::arg("ledger"), py::arg("disputes"), py::arg("as_of"),
        "uint8 per invoice: 1 when a dispute is open on as_of (the `disputed` column of build_worklist). Raises "
        "InputError [huikuan.dispute.1] for an unknown invoice.");
  auto contacts = py::class_<contacts_load_result>(m, "ContactsLoadResult", "contacts.csv with what was left out of it.")
                      .def_property_readonly("last_contact", [](py::object self) {
                        const auto& r = self.cast<const contacts_load_result&>();
                        return view<std::int32_t>(r.last_contact, self);
                      }, "Per customer, the last contact on or before as_of as int32 day numbers (NEVER_CONTACTED: "
                         "never), the `last_contact` column of build_worklist.");
  bind_problems_and_summary<contacts_load_result>(contacts);
  m.def("load_contacts",
        [](const std::string& text, const ledger_holder& h, day as_of) {
          std::shared_lock lock(h.mutex);
          return load_contacts(text, h.book, as_of);
        },
        py::arg("text"), py::arg("ledger"), py::arg("as_of"),
        "Reads contacts.csv text: customer_id, date (optional action, outcome), one row per contact made. Raises "
        "InputError [huikuan.load.2] for a missing required column.");
}

void bind_plan(py::module_& m) {
  py::class_<action_profile>(m, "ActionProfile", "Minutes (>= 0) and success probability ([0, 1]) of one action.")
      .def(py::init([](std::int32_t minutes, double success_probability) {
             return action_profile{minutes, success_probability};
           }),
           py::arg("minutes"), py::arg("success_probability"))
      .def_readwrite("minutes", &action_profile::minutes)
      .def_readwrite("success_probability", &action_profile::success_probability);
  py::class_<contact_costs>(m, "ContactCosts",
                            "Minutes and success per CollectionAction for repeat and first-time customers. "
                            "from_seeds(): a scheduled visit with an agreed appointment pays 94% of the time in 10 "
                            "minutes (12 for a first-time customer, who pays 20% of the time), repeat chasing by "
                            "a supervisor 85 minutes; phone, letter, stop supply, legal and disputes are "
                            "configurable assumptions.")
      .def(py::init(&contact_costs::from_seeds))
      .def_static("from_seeds", &contact_costs::from_seeds)
      .def_property(
          "repeat_customer",
          [](const contact_costs& c) { return std::vector<action_profile>(c.repeat_customer.begin(), c.repeat_customer.end()); },
          [](contact_costs& c, const std::vector<action_profile>& p) { c.repeat_customer = profiles_from(p, "repeat_customer"); },
          "One ActionProfile per CollectionAction (a copy; assign a whole list to change it).")
      .def_property(
          "first_time_customer",
          [](const contact_costs& c) {
            return std::vector<action_profile>(c.first_time_customer.begin(), c.first_time_customer.end());
          },
          [](contact_costs& c, const std::vector<action_profile>& p) {
            c.first_time_customer = profiles_from(p, "first_time_customer");
          },
          "One ActionProfile per CollectionAction (a copy; assign a whole list to change it).")
      .def("of", &contact_costs::of, py::arg("action"), py::arg("repeat"))
      .def("set",
           [](contact_costs& c, collection_action action, bool repeat, const action_profile& profile) {
             (repeat ? c.repeat_customer : c.first_time_customer)[static_cast<std::size_t>(action)] = profile;
           },
           py::arg("action"), py::arg("repeat"), py::arg("profile"), "Sets the profile of one action.")
      .def("validate", &contact_costs::validate,
           "Raises InputError [huikuan.plan.2] for negative minutes or a probability outside [0, 1], naming the action.");
  py::class_<collector>(m, "Collector", "A collector and the minutes they have today.")
      .def(py::init([](std::string name, std::int32_t minutes) { return collector{std::move(name), minutes}; }),
           py::arg("name"), py::arg("minutes"))
      .def_readwrite("name", &collector::name)
      .def_readwrite("minutes", &collector::minutes);
  py::class_<planned_contact>(m, "PlannedContact", "One contact in the plan (amounts in int minor units).")
      .def_readonly("row", &planned_contact::row, "Worklist row.")
      .def_readonly("collector", &planned_contact::collector, "Index into the collectors.")
      .def_readonly("action", &planned_contact::action)
      .def_readonly("minutes", &planned_contact::minutes)
      .def_readonly("success_probability", &planned_contact::success_probability)
      .def_readonly("amount", &planned_contact::amount)
      .def_readonly("expected", &planned_contact::expected, "success probability x amount, rounded to the minor unit.");
  py::class_<day_plan>(m, "DayPlan", "A day's plan: contacts by collector, then worklist row.")
      .def_readonly("contacts", &day_plan::contacts)
      .def_readonly("minutes_used", &day_plan::minutes_used)
      .def_readonly("expected_cash", &day_plan::expected_cash);
  m.def("plan_day",
        [](const worklist& list, const std::vector<collector>& collectors, const contact_costs& costs) {
          py::gil_scoped_release release;
          return plan_day(list, collectors, costs);
        },
        py::arg("worklist"), py::arg("collectors"), py::arg_v("costs", contact_costs::from_seeds(), "ContactCosts.from_seeds()"),
        "The contacts that maximise expected cash within each collector's minutes (a multiple-choice knapsack, "
        "exact for one collector; never more minutes than a collector has). Raises InputError [huikuan.plan.1] "
        "for negative minutes (or more than 100,000), [huikuan.plan.2] for bad costs.");
  m.def("plan_in_order",
        [](const worklist& list, const std::vector<collector>& collectors, array_like order, const contact_costs& costs) {
          const column<std::uint32_t> rows = read_column<std::uint32_t>(order, "order");
          py::gil_scoped_release release;
          return plan_in_order(list, collectors, rows.values, costs);
        },
        py::arg("worklist"), py::arg("collectors"), py::arg("order"),
        py::arg_v("costs", contact_costs::from_seeds(), "ContactCosts.from_seeds()"),
        "A baseline: worklist rows (uint32 indices) taken in `order`, each recommended action given to the first "
        "collector with minutes left. Raises what plan_day raises and InputError [huikuan.plan.3] for a row out "
        "of range.");
}

void bind_targets(py::module_& m) {
  py::class_<collection_measure>(m, "CollectionMeasure",
                                 "A measure to close the gap: what we ask for and what we expect to land (int minor units).")
      .def(py::init([](std::string description, money expected, money asked) {
             return collection_measure{std::move(description), expected, asked};
           }),
           py::arg("description"), py::arg("expected"), py::arg("asked") = money{})
      .def_readwrite("description", &collection_measure::description)
      .def_readwrite("expected", &collection_measure::expected)
      .def_readwrite("asked", &collection_measure::asked);
  py::class_<target_phase>(m, "TargetPhase", "One phase of the plan: `planned` more (int minor units) by due_date.")
      .def(py::init([](day due_date, money planned) { return target_phase{due_date, planned}; }), py::arg("due_date"),
           py::arg("planned"))
      .def_readwrite("due_date", &target_phase::due_date)
      .def_readwrite("planned", &target_phase::planned);
  py::class_<collection_target>(m, "CollectionTarget",
                                "A customer's collection target for one period (first .. last day): our target, the "
                                "customer's commitment, measures and phases. Lists are copies: assign whole lists.")
      .def(py::init([](std::string customer_id, day period_start, day period_end, money target, money commitment,
                       std::vector<collection_measure> measures, std::vector<target_phase> phases) {
             return collection_target{std::move(customer_id), period_start, period_end, target, commitment,
                                      std::move(measures), std::move(phases)};
           }),
           py::arg("customer_id"), py::arg("period_start"), py::arg("period_end"), py::arg("target"),
           py::arg("commitment") = money{}, py::arg("measures") = std::vector<collection_measure>{},
           py::arg("phases") = std::vector<target_phase>{})
      .def_readwrite("customer_id", &collection_target::customer_id)
      .def_readwrite("period_start", &collection_target::period_start)
      .def_readwrite("period_end", &collection_target::period_end)
      .def_readwrite("target", &collection_target::target)
      .def_readwrite("commitment", &collection_target::commitment)
      .def_readwrite("measures", &collection_target::measures)
      .def_readwrite("phases", &collection_target::phases);
  m.def("validate_target",
        [](const collection_target& target, const ledger_holder& h) {
          std::shared_lock lock(h.mutex);
          return validate_target(target, h.book);
        },
        py::arg("target"), py::arg("ledger"),
        "The target's customer index. Raises InputError with the field at fault: [huikuan.target.1] unknown "
        "customer, [.2] period end before start, [.3] negative target or commitment, [.4] a measure not "
        "positive or above what is asked, [.5] a phase amount not positive, [.6] a phase due outside the period "
        "or not after the previous one.");
  bind_enum<phase_status>(m, "PhaseStatus", "A tracked phase.",
                          {{"upcoming", phase_status::upcoming},
                           {"on_plan", phase_status::on_plan},
                           {"short_of_plan", phase_status::short_of_plan}});
  py::class_<phase_progress>(m, "PhaseProgress", "One tracked phase (int minor units, cumulative from the period start).")
      .def_readonly("due_date", &phase_progress::due_date)
      .def_readonly("planned_cumulative", &phase_progress::planned_cumulative)
      .def_readonly("collected_cumulative", &phase_progress::collected_cumulative)
      .def_readonly("shortfall", &phase_progress::shortfall)
      .def_readonly("status", &phase_progress::status);
  py::class_<target_progress>(m, "TargetProgress", "One tracked target (int minor units).")
      .def_readonly("customer", &target_progress::customer)
      .def_readonly("target", &target_progress::target)
      .def_readonly("commitment", &target_progress::commitment)
      .def_readonly("gap", &target_progress::gap, "max(0, target - commitment).")
      .def_readonly("measures_expected", &target_progress::measures_expected)
      .def_readonly("remaining_gap", &target_progress::remaining_gap, "max(0, gap - measures_expected).")
      .def_readonly("planned", &target_progress::planned)
      .def_readonly("collected", &target_progress::collected, "Cleared cash dated in the period, up to as_of.")
      .def_readonly("to_target", &target_progress::to_target)
      .def_readonly("phases", &target_progress::phases)
      .def_readonly("needs_follow_up", &target_progress::needs_follow_up, "Some phase is short of plan.");
  py::class_<target_rollup>(m, "TargetRollup", "A roll-up line: a sales rep or the portfolio (int minor units).")
      .def_readonly("key", &target_rollup::key)
      .def_readonly("target", &target_rollup::target)
      .def_readonly("commitment", &target_rollup::commitment)
      .def_readonly("measures_expected", &target_rollup::measures_expected)
      .def_readonly("collected", &target_rollup::collected)
      .def_readonly("targets", &target_rollup::targets)
      .def_readonly("needing_follow_up", &target_rollup::needing_follow_up);
  py::class_<target_report>(m, "TargetReport", "Targets tracked as of a date, with roll-ups.")
      .def_readonly("as_of", &target_report::as_of)
      .def_readonly("targets", &target_report::targets, "In input order.")
      .def_readonly("by_sales_rep", &target_report::by_sales_rep)
      .def_readonly("portfolio", &target_report::portfolio);
  m.def("track_targets",
        [](const ledger_holder& h, const std::vector<collection_target>& targets, day as_of) {
          return read_ledger(h, [&](const ledger& book) { return track_targets(book, targets, as_of); });
        },
        py::arg("ledger"), py::arg("targets"), py::arg("as_of"),
        "Tracks every target as of a date against the ledger's cleared payments (a phase whose due date has "
        "passed with cumulative cash below plan is short of plan). Raises what validate_target raises, "
        "MoneyOverflowError.");
  auto loaded = py::class_<targets_load_result>(m, "TargetsLoadResult", "targets.csv with what was left out of it.")
                    .def_readonly("targets", &targets_load_result::targets);
  bind_problems_and_summary<targets_load_result>(loaded);
  m.def("load_targets",
        [](const std::string& text, const ledger_holder& h) {
          std::shared_lock lock(h.mutex);
          return load_targets(text, h.book);
        },
        py::arg("text"), py::arg("ledger"),
        "Reads targets.csv text: customer_id, period (YYYY-MM), kind (target | commitment | measure | phase), "
        "amount (optional due_date, description, asked). A row with a problem is reported and its whole target "
        "left out. Raises InputError [huikuan.load.2] for a missing required column.");
}

}  // namespace

void bind_collections(py::module_& m) {
  bind_priority(m);
  bind_calendar(m);
  bind_promises(m);
  bind_worklist(m);
  bind_plan(m);
  bind_targets(m);
}

}  // namespace huikuan::python
