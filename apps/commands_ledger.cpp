// aging, statement, kpi, dormant and check: reports over the ledger.
#include <iostream>
#include <sstream>

#include "commands.hpp"

namespace huikuan::cli {
namespace {

struct ledger_options : common_options {
  std::string as_of;
  std::string from;
  std::string to;
  std::string buckets;
  std::string basis = "due";
  std::string by = "customer";
  std::string customer_id;
  std::int32_t quiet_days = 180;
  bool per_customer = false;
};

bucket_policy policy_option(const ledger_options& o) {
  bucket_policy policy;
  policy.basis = o.basis == "invoice" ? aging_basis::days_since_invoice : aging_basis::days_past_due;
  if (!o.buckets.empty()) {
    policy.upper_edges.clear();
    std::stringstream list(o.buckets);
    std::string item;
    while (std::getline(list, item, ',')) {
      std::size_t used = 0;
      int edge = 0;
      try {
        edge = std::stoi(item, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != item.size())
        throw input_error("huikuan.cli.1", "--buckets: \"" + item + "\" is not a whole number of days", "buckets");
      policy.upper_edges.push_back(edge);
    }
    // Aging by days past due always has a "current" bucket for items not yet due.
    if (policy.basis == aging_basis::days_past_due && (policy.upper_edges.empty() || policy.upper_edges.front() > 0))
      policy.upper_edges.insert(policy.upper_edges.begin(), 0);
  }
  policy.validate();
  return policy;
}

int run_aging(const ledger_options& o) {
  const bucket_policy policy = policy_option(o);
  const day as_of = date_option(o.as_of, "as-of", today());
  const aging_grouping grouping = o.by == "rep" ? aging_grouping::sales_rep
                                  : o.by == "portfolio" ? aging_grouping::portfolio
                                                        : aging_grouping::customer;
  const load_result loaded = load_ledger_directory(o.directory);
  const receivables_position position = allocate(loaded.book, as_of);
  const aging_report result = age_receivables(loaded.book, position, policy, grouping);

  section s;
  s.title = "aging as of " + format_date(as_of) + " by " +
            (grouping == aging_grouping::customer ? "customer" : grouping == aging_grouping::sales_rep ? "sales rep" : "portfolio") +
            (policy.basis == aging_basis::days_past_due ? " (days past due)" : " (days since invoice)");
  if (grouping == aging_grouping::customer) s.columns = {"customer", "name", "sales rep"};
  else s.columns = {grouping == aging_grouping::sales_rep ? "sales rep" : "portfolio"};
  const std::vector<std::string> labels = policy.labels();
  s.columns.insert(s.columns.end(), labels.begin(), labels.end());
  for (const char* c : {"open", "unapplied", "net", "oldest days past due", "weighted days past due", "stage"})
    s.columns.emplace_back(c);
  const auto add_row = [&](const aging_row& row, const std::int64_t* buckets) {
    std::vector<cell> cells;
    cells.push_back(text(row.key));
    if (grouping == aging_grouping::customer) {
      cells.push_back(text(row.name));
      cells.push_back(text(row.sales_rep));
    }
    for (std::size_t b = 0; b < policy.bucket_count(); ++b) cells.push_back(amount(money::from_minor_units(buckets[b])));
    cells.push_back(amount(row.open));
    cells.push_back(amount(row.unapplied));
    cells.push_back(amount(row.net));
    cells.push_back({days_text(row.oldest_days_past_due), true});
    cells.push_back(ratio(row.weighted_days_past_due, 1));
    cells.push_back(text(row.oldest_days_past_due ? result.ladder.stages[row.stage].name : ""));
    s.rows.push_back(std::move(cells));
  };
  for (std::size_t i = 0; i < result.rows.size(); ++i)
    add_row(result.rows[i], result.buckets.data() + i * policy.bucket_count());
  if (grouping != aging_grouping::portfolio) {
    aging_row total = result.total;
    add_row(total, result.total_buckets.data());
    if (grouping == aging_grouping::customer) s.rows.back()[1] = text(std::to_string(result.rows.size()) + " customers");
  }
  s.key = "aging";
  report r;
  r.sections.push_back(std::move(s));
  const auto dormant = find_dormant_accounts(loaded.book, position);
  if (!dormant.empty())
    r.sections.front().notes.push_back(std::to_string(dormant.size()) +
                                       " dormant accounts (open balance, no movement for 180 days): see `huikuan dormant`.");
  add_left_out(r, loaded);
  return finish(r, o.format, loaded);
}

int run_statement(const ledger_options& o) {
  const day as_of = date_option(o.as_of, "as-of", today());
  const day from = date_option(o.from, "from", start_of_month(as_of));
  const load_result loaded = load_ledger_directory(o.directory);
  const customer_index who = loaded.book.customer_index_of(o.customer_id);
  const statement_of_account st = make_statement(loaded.book, who, from, as_of);

  report r;
  r.sections.push_back({"statement of account", {"field", "value"},
                        {{text("customer"), text(st.customer_id)},
                         {text("name"), text(st.name)},
                         {text("sales rep"), text(st.sales_rep)},
                         {text("terms"), text(st.terms.to_string())},
                         {text("credit limit"), amount(st.credit_limit)},
                         {text("period"), text(format_date(st.from) + " .. " + format_date(st.as_of))},
                         {text("opening balance"), amount(st.opening_balance)},
                         {text("closing balance"), amount(st.closing_balance)},
                         {text("open items"), amount(st.open_total)},
                         {text("unapplied credit"), amount(st.unapplied)}},
                        {}});
  section moves{"movements", {"date", "kind", "reference", "invoice", "debit", "credit", "balance", "note"}, {}, {}};
  moves.rows.push_back({text(format_date(st.from)), text("opening balance"), text(""), text(""), amount(money{}),
                        amount(money{}), amount(st.opening_balance), text("")});
  for (const statement_line& line : st.lines)
    moves.rows.push_back({text(format_date(line.date)), text(std::string(to_string(line.kind))), text(line.reference),
                          text(line.invoice_id), amount(line.debit), amount(line.credit), amount(line.balance),
                          text(line.note)});
  r.sections.push_back(std::move(moves));
  section aging{"aging", {"bucket", "amount"}, {}, {}};
  for (std::size_t b = 0; b < st.buckets.size(); ++b)
    aging.rows.push_back({text(st.bucket_labels[b]), amount(st.buckets[b])});
  aging.rows.push_back({text("total"), amount(st.open_total)});
  r.sections.push_back(std::move(aging));
  section items{"open items", {"invoice", "contract", "issued", "due", "amount", "open", "days past due", "stage", "short-paid"}, {}, {}};
  for (const open_item& item : st.open_items)
    items.rows.push_back({text(item.invoice_id), text(item.contract_no), text(format_date(item.issue_date)),
                          text(format_date(item.due_date)), amount(item.amount), amount(item.open),
                          number(item.days_past_due), text(item.stage), text(item.short_paid ? "yes" : "")});
  r.sections.push_back(std::move(items));
  section bounced{"bounced payments", {"date", "payment", "invoice", "note"}, {}, {}};
  for (const statement_line& line : st.bounced)
    bounced.rows.push_back({text(format_date(line.date)), text(line.reference), text(line.invoice_id), text(line.note)});
  r.sections.push_back(std::move(bounced));
  add_left_out(r, loaded);
  return finish(r, o.format, loaded);
}

int run_dormant(const ledger_options& o) {
  const day as_of = date_option(o.as_of, "as-of", today());
  if (o.quiet_days < 0)
    throw input_error("huikuan.cli.2", "--days " + std::to_string(o.quiet_days) + " is negative", "days");
  const load_result loaded = load_ledger_directory(o.directory);
  const receivables_position position = allocate(loaded.book, as_of);
  section s{"dormant accounts as of " + format_date(as_of) + " (no movement for more than " +
                     std::to_string(o.quiet_days) + " days)",
                 {"customer", "name", "sales rep", "open", "unapplied", "last movement", "days quiet"}, {}, {}};
  for (const dormant_account& d : find_dormant_accounts(loaded.book, position, days(o.quiet_days))) {
    const customer& c = loaded.book.customer_at(d.customer);
    s.rows.push_back({text(c.id), text(c.name), text(c.sales_rep), amount(d.open), amount(d.unapplied),
                      text(format_date(d.last_movement)), number(d.days_quiet)});
  }
  report r;
  r.sections.push_back(std::move(s));
  add_left_out(r, loaded);
  return finish(r, o.format, loaded);
}

int run_kpi(const ledger_options& o) {
  const day from = date_option(o.from, "from", day());
  const day to = date_option(o.to, "to", day());
  const load_result loaded = load_ledger_directory(o.directory);
  const kpi_report k = compute_kpis(loaded.book, from, to);

  section figures{"receivables KPIs " + format_date(from) + " .. " + format_date(to),
                       {"kpi", "value", "definition"}, {}, {}};
  const auto add = [&](const char* name, cell value, const char* definition) {
    figures.rows.push_back({text(name), std::move(value), text(definition)});
  };
  add("days in period", number(k.days_in_period), "to - from + 1");
  add("opening receivables", amount(k.opening_receivables), "open invoices at the end of the day before from");
  add("closing receivables", amount(k.closing_receivables), "open invoices as of to");
  add("closing current receivables", amount(k.closing_current_receivables), "not yet past due on to");
  add("closing overdue receivables", amount(k.closing_overdue_receivables), "past due on to");
  add("unapplied credit", amount(k.unapplied_credit), "cash on account, not netted above");
  add("credit sales", amount(k.credit_sales), "invoices issued in the period");
  add("credit notes", amount(k.credit_notes), "credit notes dated in the period");
  add("cash collected", amount(k.cash_collected), "cleared payments dated in the period");
  add("DSO (simple)", optional_ratio(k.dso_simple), "closing receivables / credit sales x days");
  add("DSO (countback)", optional_ratio(k.dso_countback), "months walked back from to until sales exhaust receivables");
  add("best possible DSO", optional_ratio(k.best_possible_dso), "closing current receivables / credit sales x days");
  add("ADD (DSO - BPDSO)", optional_ratio(k.add_from_dso), "simple DSO - best possible DSO");
  add("ADD (amount-weighted)", optional_ratio(k.add_amount_weighted), "days past due weighted by open amount, overdue items");
  add("CEI (period sales) %", optional_ratio(k.cei_period),
      "(opening + sales - closing) / (opening + sales - closing current) x 100");
  add("CEI (monthly average sales) %", optional_ratio(k.cei_monthly_average), "as above with sales / months");
  add("AR turnover", optional_ratio(k.ar_turnover), "net credit sales / average(opening, closing)");
  add("average days to pay", optional_ratio(k.portfolio.average_days_to_pay, 1), "payment date - issue date, amount-weighted");
  add("average days beyond terms", optional_ratio(k.portfolio.average_days_beyond_terms, 1),
      "max(0, payment date - due date), amount-weighted");
  add("share paid on time", optional_ratio(k.portfolio.share_paid_on_time, 4), "paid amount on or before the due date");
  add("bounced payments", number(k.portfolio.bounced_payments), "dated in the period");

  section behaviour{"payment behaviour", {"customer", "name", "paid", "average days to pay",
                                               "average days beyond terms", "share paid on time", "bounced"}, {}, {}};
  for (std::size_t c = 0; c < k.customers.size(); ++c) {
    const payment_behaviour& b = k.customers[c];
    if (b.paid.is_zero() && b.bounced_payments == 0) continue;
    const customer& who = loaded.book.customers()[c];
    behaviour.rows.push_back({text(who.id), text(who.name), amount(b.paid), optional_ratio(b.average_days_to_pay, 1),
                              optional_ratio(b.average_days_beyond_terms, 1), optional_ratio(b.share_paid_on_time, 4),
                              number(b.bounced_payments)});
  }
  figures.key = "kpis";
  behaviour.key = "payment_behaviour";
  report r;
  r.sections.push_back(std::move(figures));
  if (o.per_customer) r.sections.push_back(std::move(behaviour));
  add_left_out(r, loaded);
  return finish(r, o.format, loaded);
}

int run_check(const ledger_options& o) {
  const load_result loaded = load_ledger_directory(o.directory);
  report r;
  section problems{"problems", {"file", "line", "column", "id", "reason"}, {}, {}};
  for (const load_problem& p : loaded.problems)
    problems.rows.push_back({text(p.file), number(static_cast<std::int64_t>(p.line)), text(p.column), text(p.id), text(p.reason)});
  problems.notes.push_back(loaded.clean() ? "no problems: every row loaded"
                                          : std::to_string(loaded.problems.size()) + " problems");
  r.sections.push_back(std::move(problems));
  section files{"files", {"file", "rows read", "rows loaded", "rows left out", "amount loaded", "amount left out",
                               "rows without readable amount"}, {}, {}};
  for (const file_summary& f : loaded.files) {
    if (!f.present) continue;
    files.rows.push_back({text(f.file), number(static_cast<std::int64_t>(f.rows_read)),
                          number(static_cast<std::int64_t>(f.rows_loaded)),
                          number(static_cast<std::int64_t>(f.rows_left_out)), amount(f.amount_loaded),
                          amount(f.amount_left_out), number(static_cast<std::int64_t>(f.rows_left_out_without_amount))});
  }
  r.sections.push_back(std::move(files));
  write_report(std::cout, r, parse_format(o.format));
  return loaded.clean() ? exit_clean : exit_rows_left_out;
}

}  // namespace

void add_ledger_commands(CLI::App& app, command_list& commands) {
  auto o = std::make_shared<ledger_options>();
  CLI::App* aging = app.add_subcommand("aging", "Open receivables by age bucket");
  add_common_options(aging, *o);
  aging->add_option("--as-of", o->as_of, "Report date YYYY-MM-DD (default: today)");
  aging->add_option("--buckets", o->buckets, "Upper bucket edges in days, e.g. 30,60,90,120 (a current bucket is added)");
  aging->add_option("--basis", o->basis, "Age by due date or invoice date")->check(CLI::IsMember({"due", "invoice"}));
  aging->add_option("--by", o->by, "Rows per customer, sales rep or the whole portfolio")
      ->check(CLI::IsMember({"customer", "rep", "portfolio"}));
  commands.push_back({aging, [o] { return run_aging(*o); }});

  CLI::App* statement = app.add_subcommand("statement", "Statement of account (对账单) for one customer");
  add_common_options(statement, *o);
  statement->add_option("CUSTOMER_ID", o->customer_id, "Customer id")->required();
  statement->add_option("--from", o->from, "First day of the period (default: first day of the as-of month)");
  statement->add_option("--as-of", o->as_of, "Last day of the period (default: today)");
  commands.push_back({statement, [o] { return run_statement(*o); }});

  CLI::App* kpi = app.add_subcommand("kpi", "DSO, best possible DSO, ADD, CEI, AR turnover and payment behaviour");
  add_common_options(kpi, *o);
  kpi->add_option("--from", o->from, "First day of the period YYYY-MM-DD")->required();
  kpi->add_option("--to", o->to, "Last day of the period YYYY-MM-DD")->required();
  kpi->add_flag("--per-customer", o->per_customer, "Also list each customer's payment behaviour");
  commands.push_back({kpi, [o] { return run_kpi(*o); }});

  CLI::App* dormant = app.add_subcommand("dormant", "Accounts with an open balance and no movement");
  add_common_options(dormant, *o);
  dormant->add_option("--as-of", o->as_of, "Report date (default: today)");
  dormant->add_option("--days", o->quiet_days, "Days without movement (default 180)");
  commands.push_back({dormant, [o] { return run_dormant(*o); }});

  CLI::App* check = app.add_subcommand("check", "Validate the CSV files and print every problem");
  add_common_options(check, *o);
  commands.push_back({check, [o] { return run_check(*o); }});
}

}  // namespace huikuan::cli
