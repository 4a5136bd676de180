// worklist, promises and targets: the collections engine.
//
// Optional files in the data directory, each used when present:
//   promises.csv, disputes.csv, contacts.csv, holidays.csv, targets.csv,
//   financials.csv (5C grades and PD for the worklist).
#include <iostream>
#include <numeric>

#include "commands.hpp"

namespace huikuan::cli {
namespace {

struct collections_options : common_options {
  std::string as_of;
  std::size_t top = 20;
  std::int32_t capacity = -1;
  std::int32_t collectors = 1;
  std::string model_path;
};

// The ledger with promises.csv when present.
struct collections_inputs : directory_inputs {
  std::optional<promises_load_result> promises;

  explicit collections_inputs(const std::string& dir) : directory_inputs(dir) {
    promises = optional_file("promises.csv", [&](std::string_view text) { return load_promises(text, loaded.book); });
  }
};

std::string points_text(const std::array<double, priority_factor_count>& contributions) {
  std::string text;
  for (double points : contributions) text += (text.empty() ? "" : "+") + ratio(points, 0).text;
  return text;
}

int run_worklist(const collections_options& o) {
  const day as_of = date_option(o.as_of, "as-of", today());
  if (o.collectors < 1)
    throw input_error("huikuan.cli.3", "--collectors " + std::to_string(o.collectors) + " must be at least 1",
                      "collectors");
  collections_inputs in(o.directory);
  const ledger& book = in.loaded.book;
  const receivables_position position = allocate(book, as_of);

  worklist_context context;
  std::optional<promise_report> promises;
  std::vector<double> kept;
  if (in.promises) {
    promises = evaluate_promises(book, in.promises->promises, as_of);
    context.promises = &*promises;
    kept = promises_kept_ratios(*promises);
  }
  std::vector<std::uint8_t> disputed;
  if (auto d = in.optional_file("disputes.csv", [&](std::string_view t) { return load_disputes(t, book); })) {
    disputed = disputed_invoices(book, d->disputes, as_of);
    context.disputed = disputed;
  }
  std::vector<std::int32_t> last_contact;
  if (auto c = in.optional_file("contacts.csv",
                                [&](std::string_view t) { return load_contacts(t, book, as_of); })) {
    last_contact = std::move(c->last_contact);
    context.last_contact = last_contact;
  }
  if (auto h = in.optional_file("holidays.csv", [](std::string_view t) { return load_holidays(t); }))
    context.calendar = business_calendar(h->holidays, business_calendar::saturday_and_sunday, h->worked_weekend_days);

  // 5C grade and PD: the review the score command prints, promises included.
  const credit_model model = o.model_path.empty() ? credit_model{} : load_model(o.model_path);
  financials_table financials = no_financials(book);
  if (auto f = in.optional_file("financials.csv",
                                [&](std::string_view t) { return load_financials(t, book, model.card); }))
    financials = std::move(f->table);
  const std::vector<credit_review_row> review = review_credit(book, as_of, financials, model, 0, kept);
  std::vector<double> pd(book.customer_count());
  std::vector<std::string> grade(book.customer_count());
  for (const credit_review_row& row : review) {
    pd[static_cast<std::size_t>(row.customer)] = row.pd;
    grade[static_cast<std::size_t>(row.customer)] = model.card.grades.labels[row.grade];
  }
  context.pd = pd;
  context.grade = grade;

  const worklist_policy policy;
  // The plan draws on every debtor; the table shows the top of the same ranking.
  const worklist list = build_worklist(book, position, policy, context, o.capacity >= 0 ? 0 : o.top);
  const std::size_t shown = o.top == 0 ? list.rows.size() : std::min(o.top, list.rows.size());

  section s{"collections worklist as of " + format_date(as_of),
            {"rank", "customer", "name", "sales rep", "priority", "points"}, {}, {}};
  s.columns.insert(s.columns.end(), list.bucket_labels.begin(), list.bucket_labels.end());
  for (const char* c : {"overdue", "disputed", "days past due", "colour", "grade", "PD %", "action", "next contact",
                        "reasons"})
    s.columns.emplace_back(c);
  for (std::size_t r = 0; r < shown; ++r) {
    const worklist_row& row = list.rows[r];
    const customer& who = book.customer_at(row.customer);
    std::vector<cell> cells{number(static_cast<std::int64_t>(r + 1)), text(who.id), text(who.name), text(who.sales_rep),
                            ratio(row.priority, 1), text(points_text(row.contributions))};
    for (std::size_t b = 0; b < list.bucket_labels.size(); ++b) cells.push_back(amount(list.bucket(r, b)));
    std::string reasons;
    for (const std::string& reason : row.reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
    cells.insert(cells.end(), {amount(row.overdue), amount(row.disputed), number(row.days_past_due),
                               text(row.overdue.is_positive() ? list.ladder.stages[row.stage].colour : ""),
                               text(row.grade), {percent(row.pd), true}, text(std::string(to_string(row.action))),
                               text(format_date(row.next_contact)), text(reasons)});
    s.rows.push_back(std::move(cells));
  }
  s.notes.push_back("points: days past due + amount at risk + broken promises + promise falling due + over credit limit");
  s.notes.push_back(std::to_string(shown) + " of " + std::to_string(list.debtors) + " debtors shown; overdue " +
                    format_money_grouped(list.overdue_total) + ", disputed " +
                    format_money_grouped(list.disputed_total));
  s.key = "worklist";
  report r;
  r.sections.push_back(std::move(s));

  if (o.capacity >= 0) {
    std::vector<collector> team;
    for (std::int32_t k = 0; k < o.collectors; ++k) team.push_back({"collector " + std::to_string(k + 1), o.capacity});
    const day_plan plan = plan_day(list, team);
    section p{"today's plan (" + std::to_string(o.collectors) + " x " + std::to_string(o.capacity) + " minutes)",
              {"collector", "rank", "customer", "name", "action", "minutes", "amount", "success %", "expected"}, {}, {}};
    for (const planned_contact& c : plan.contacts) {
      const customer& who = book.customer_at(list.rows[c.row].customer);
      p.rows.push_back({text(team[c.collector].name), number(c.row + 1), text(who.id), text(who.name),
                        text(std::string(to_string(c.action))), number(c.minutes), amount(c.amount),
                        {percent(c.success_probability), true}, amount(c.expected)});
    }
    std::vector<std::uint32_t> order(list.rows.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return list.rows[a].overdue > list.rows[b].overdue; });
    const money largest_first = plan_in_order(list, team, order).expected_cash;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return list.rows[a].days_past_due > list.rows[b].days_past_due;
    });
    const money oldest_first = plan_in_order(list, team, order).expected_cash;
    std::string used;
    for (std::size_t k = 0; k < team.size(); ++k)
      used += (k ? ", " : "") + std::to_string(plan.minutes_used[k]) + " of " + std::to_string(team[k].minutes);
    p.notes.push_back("expected cash " + format_money_grouped(plan.expected_cash) + " (minutes used: " + used + ")");
    p.notes.push_back("same minutes, largest balance first: " + format_money_grouped(largest_first) +
                      "; oldest first: " + format_money_grouped(oldest_first));
    p.key = "plan";
    r.sections.push_back(std::move(p));
  }
  add_left_out(r, in.files, in.problems.size());
  return finish(r, o.format, in.problems);
}

int run_promises(const collections_options& o) {
  const day as_of = date_option(o.as_of, "as-of", today());
  collections_inputs in(o.directory);
  if (!in.promises)
    throw input_error("huikuan.load.1", "no promises.csv in " + o.directory, "promises.csv");
  const ledger& book = in.loaded.book;
  const promise_list& list = in.promises->promises;
  const promise_report report_ = evaluate_promises(book, list, as_of);

  section s{"promises to pay as of " + format_date(as_of),
            {"promise", "customer", "name", "promised on", "instalments", "promised", "paid by deadline", "paid late",
             "status", "next due", "next amount"}, {}, {}};
  std::array<std::size_t, 4> counts{};
  for (std::size_t p = 0; p < list.size(); ++p) {
    const promise_to_pay& promise = list.at(p);
    const promise_result& result = report_.promises[p];
    const customer& who = book.customer_at(list.customer_of(p));
    const bool pending = result.status == promise_status::pending;
    s.rows.push_back({text(promise.id), text(who.id), text(who.name), text(format_date(promise.promised_on)),
                      number(result.instalment_count), amount(result.promised), amount(result.paid_by_deadline),
                      amount(result.paid_late), text(std::string(to_string(result.status))),
                      text(pending ? format_date(result.next_due_date) : ""),
                      pending ? amount(result.next_amount) : text("")});
    ++counts[static_cast<std::size_t>(result.status)];
  }
  s.notes.push_back("pending " + std::to_string(counts[0]) + ", kept " + std::to_string(counts[1]) +
                    ", partially kept " + std::to_string(counts[2]) + ", broken " + std::to_string(counts[3]));
  s.key = "promises";
  section c{"customers with promises", {"customer", "name", "promises", "kept ratio %", "broken in 365 days",
                                        "falling due", "cash beyond promises"}, {}, {}};
  for (std::size_t k = 0; k < report_.customers.size(); ++k) {
    const customer_promise_summary& summary = report_.customers[k];
    if (summary.promises == 0) continue;
    const customer& who = book.customers()[k];
    c.rows.push_back({text(who.id), text(who.name), number(summary.promises),
                      std::isnan(summary.kept_ratio) ? cell{"", true} : cell{percent(summary.kept_ratio), true},
                      number(summary.broken_in_window), amount(summary.falling_due),
                      amount(summary.cash_beyond_promises)});
  }
  c.key = "customers";
  report r;
  r.sections.push_back(std::move(s));
  r.sections.push_back(std::move(c));
  add_left_out(r, in.files, in.problems.size());
  return finish(r, o.format, in.problems);
}

int run_targets(const collections_options& o) {
  const day as_of = date_option(o.as_of, "as-of", today());
  collections_inputs in(o.directory);
  const ledger& book = in.loaded.book;
  auto loaded = in.optional_file("targets.csv", [&](std::string_view t) { return load_targets(t, book); });
  if (!loaded) throw input_error("huikuan.load.1", "no targets.csv in " + o.directory, "targets.csv");
  const target_report tracked = track_targets(book, loaded->targets, as_of);

  section s{"collection targets as of " + format_date(as_of),
            {"customer", "name", "sales rep", "period", "target", "commitment", "gap", "measures", "remaining gap",
             "collected", "to target", "phases", "follow up"}, {}, {}};
  for (std::size_t t = 0; t < tracked.targets.size(); ++t) {
    const target_progress& p = tracked.targets[t];
    const customer& who = book.customer_at(p.customer);
    std::string phases;
    for (const phase_progress& phase : p.phases) {
      phases += (phases.empty() ? "" : "; ") + format_date(phase.due_date) + " " + std::string(to_string(phase.status));
      if (phase.status == phase_status::short_of_plan) phases += " by " + format_money_grouped(phase.shortfall);
    }
    s.rows.push_back({text(who.id), text(who.name), text(who.sales_rep),
                      text(format_date(loaded->targets[t].period_start).substr(0, 7)), amount(p.target),
                      amount(p.commitment), amount(p.gap), amount(p.measures_expected), amount(p.remaining_gap),
                      amount(p.collected), amount(p.to_target), text(phases), text(p.needs_follow_up ? "yes" : "")});
  }
  s.key = "targets";
  section rollup{"by sales rep", {"sales rep", "targets", "target", "committed", "measures", "collected",
                                  "needing follow-up"}, {}, {}};
  const auto add = [&](const target_rollup& line) {
    rollup.rows.push_back({text(line.key), number(line.targets), amount(line.target), amount(line.commitment),
                           amount(line.measures_expected), amount(line.collected), number(line.needing_follow_up)});
  };
  for (const target_rollup& line : tracked.by_sales_rep) add(line);
  add(tracked.portfolio);
  rollup.key = "by_sales_rep";
  report r;
  r.sections.push_back(std::move(s));
  r.sections.push_back(std::move(rollup));
  add_left_out(r, in.files, in.problems.size());
  return finish(r, o.format, in.problems);
}

}  // namespace

void add_collections_commands(CLI::App& app, command_list& commands) {
  auto o = std::make_shared<collections_options>();
  CLI::App* list = app.add_subcommand("worklist", "Ranked collections worklist with actions, next contacts and the day's plan");
  add_common_options(list, *o);
  list->add_option("--as-of", o->as_of, "Date of the worklist (default: today)");
  list->add_option("--top", o->top, "Debtors to show, highest priority first (0: all; default 20)");
  list->add_option("--capacity", o->capacity, "Minutes each collector has today: adds the day's plan")
      ->check(CLI::Range(0, 100000));
  list->add_option("--collectors", o->collectors, "Number of collectors (default 1)")->check(CLI::Range(1, 1000));
  list->add_option("--model", o->model_path, "Credit model JSON for grades and PD (default: the standard 5C model)");
  commands.push_back({list, [o] { return run_worklist(*o); }});

  CLI::App* promises = app.add_subcommand("promises", "Promises to pay (promises.csv): kept, partially kept, broken, pending");
  add_common_options(promises, *o);
  promises->add_option("--as-of", o->as_of, "Evaluation date (default: today)");
  commands.push_back({promises, [o] { return run_promises(*o); }});

  CLI::App* targets = app.add_subcommand("targets", "Collection targets (targets.csv): gap, measures, phases, roll-ups");
  add_common_options(targets, *o);
  targets->add_option("--as-of", o->as_of, "Tracking date (default: today)");
  commands.push_back({targets, [o] { return run_targets(*o); }});
}

}  // namespace huikuan::cli
