// exposure, check-order, provision and cost: exposure controls, expected
// credit loss and what receivables cost.
//
// Optional files in the data directory, used when present:
//   orders.csv      open orders, counted in each customer's exposure
//   financials.csv, promises.csv  the 5C review, for --limits recommended|lower
// The total assets for the receivables-to-assets ceiling are an argument
// (--assets, required by exposure and check-order): they come from the
// balance sheet, not from the receivables files.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "commands.hpp"

namespace huikuan::cli {
namespace {

struct exposure_options : common_options {
  std::string as_of;
  std::string assets;
  std::string ceiling = "20%";
  std::string warning;
  std::string limit_warning = "90%";
  std::string limits = "ledger";
  std::string max_days_past_due = "60";
  std::string max_overdue;
  std::vector<std::string> overdue_rules;
  std::string max_share;
  std::string max_top10;
  std::string max_herfindahl;
  std::string customer_id;
  std::string amount;
  std::string history;
  std::string loss_rates;
  std::string terminal_loss_rate = "100%";
  std::string adjustment = "0%";
  std::string from;
  std::string to;
  std::string rate;
  std::string late_rate;
  std::string day_count = "365";
};

// An option's value through a library parser, the error naming the option.
template <class Parse>
auto option_value(const std::string& value, const char* name, Parse parse) {
  try {
    return parse(value);
  } catch (const input_error& error) {
    throw input_error(error.id(), std::string("--") + name + ": " + std::string(error.reason()), name);
  }
}

std::optional<basis_points> optional_percent(const std::string& value, const char* name) {
  if (value.empty()) return std::nullopt;
  return option_value(value, name, [](const std::string& v) { return parse_percent(v); });
}

// A whole number (of `what`), or "none" for no limit.
std::optional<std::int32_t> whole_limit(const std::string& value, const char* name, const char* what) {
  if (value.empty() || value == "none") return std::nullopt;
  std::int32_t count = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), count);
  if (error != std::errc() || end != value.data() + value.size())
    throw input_error("huikuan.exposure_cli.1",
                      std::string("--") + name + ": \"" + value + "\" is not a whole number of " + what + " or none",
                      name);
  return count;
}

std::optional<std::int32_t> days_limit(const std::string& value, const char* name) {
  return whole_limit(value, name, "days");
}

std::optional<money> amount_limit(const std::string& value, const char* name) {
  if (value.empty() || value == "none") return std::nullopt;
  return option_value(value, name, [](const std::string& v) { return parse_money(v); });
}

// GROUP:DAYS:AMOUNT, an empty (or "none") figure meaning no limit on it.
group_overdue_rule group_rule(const std::string& text) {
  const std::size_t second = text.rfind(':');
  const std::size_t first = second == std::string::npos || second == 0 ? std::string::npos : text.rfind(':', second - 1);
  if (first == std::string::npos || first == 0)
    throw input_error("huikuan.exposure_cli.2",
                      "--overdue-rule: \"" + text + "\" is not GROUP:DAYS:AMOUNT (e.g. retail:30:50000 or project::)",
                      "overdue-rule");
  return {text.substr(0, first),
          {days_limit(text.substr(first + 1, second - first - 1), "overdue-rule"),
           amount_limit(text.substr(second + 1), "overdue-rule")}};
}

exposure_policy policy_option(const exposure_options& o) {
  exposure_policy p;
  p.ceiling.ceiling = *optional_percent(o.ceiling, "ceiling");
  p.ceiling.warning_line = optional_percent(o.warning, "warning");
  p.limit_warning_line = *optional_percent(o.limit_warning, "limit-warning");
  p.overdue.max_days_past_due = days_limit(o.max_days_past_due, "max-days-past-due");
  p.overdue.max_overdue_amount = amount_limit(o.max_overdue, "max-overdue");
  for (const std::string& rule : o.overdue_rules) p.group_overdue.push_back(group_rule(rule));
  p.max_customer_share = optional_percent(o.max_share, "max-share");
  p.max_top10_share = optional_percent(o.max_top10, "max-top10");
  if (const std::optional<std::int32_t> points = whole_limit(o.max_herfindahl, "max-hhi", "points"))
    p.max_herfindahl = basis_points(*points);
  p.validate();
  return p;
}

money assets_option(const exposure_options& o) {
  return option_value(o.assets, "assets", [](const std::string& v) { return parse_money(v); });
}

// The data directory with orders.csv (and the limits to check against).
struct exposure_inputs : directory_inputs {
  order_table orders;
  std::vector<money> limits;

  exposure_inputs(const exposure_options& o, day as_of) : directory_inputs(o.directory) {
    if (auto loaded_orders = optional_file("orders.csv", [&](std::string_view t) { return load_orders(t, loaded.book); }))
      orders = std::move(loaded_orders->orders);
    if (o.limits == "ledger") return;
    // The 5C recommended limits: the review the score command prints
    // (financials.csv and promises.csv when present, the standard model).
    const credit_model model;
    financials_table financials = no_financials(loaded.book);
    if (auto f = optional_file("financials.csv",
                               [&](std::string_view t) { return load_financials(t, loaded.book, model.card); }))
      financials = std::move(f->table);
    std::vector<double> kept;
    if (auto p = optional_file("promises.csv", [&](std::string_view t) { return load_promises(t, loaded.book); }))
      kept = promises_kept_ratios(evaluate_promises(loaded.book, p->promises, as_of));
    for (const credit_review_row& row : review_credit(loaded.book, as_of, financials, model, 0, kept)) {
      const money recommended = row.recommendation.limit;
      const money approved = loaded.book.customer_at(row.customer).credit_limit;
      limits.push_back(o.limits == "recommended" ? recommended : min(recommended, approved));
    }
  }

  [[nodiscard]] exposure_book book_as_of(day as_of, money assets, const exposure_policy& policy) const {
    return build_exposure_book(loaded.book, allocate(loaded.book, as_of), orders, assets, policy, limits);
  }
};

// A share in millionths as a percentage with four decimals: "17.5000".
cell share_cell(std::int64_t ppm) {
  std::string digits = std::to_string(ppm);
  if (digits.size() < 5) digits.insert(0, 5 - digits.size(), '0');
  return {digits.substr(0, digits.size() - 4) + "." + digits.substr(digits.size() - 4), true};
}

// An HHI in millionths as points (0..10000) with two decimals.
cell points_cell(std::int64_t ppm) {
  std::string digits = std::to_string(ppm);
  if (digits.size() < 3) digits.insert(0, 3 - digits.size(), '0');
  return {digits.substr(0, digits.size() - 2) + "." + digits.substr(digits.size() - 2), true};
}

std::string cap_status(rule_verdict verdict) {
  return verdict == rule_verdict::off ? "no cap" : verdict == rule_verdict::pass ? "within cap" : "over cap";
}

std::string group_name(const std::string& segment, const exposure_policy& policy) {
  return policy.overdue_rule_index(segment) == 0 ? "(default)" : segment;
}

int run_exposure(const exposure_options& o) {
  const day as_of = date_option(o.as_of, "as-of", today());
  const exposure_policy policy = policy_option(o);
  const money assets = assets_option(o);
  const exposure_inputs in(o, as_of);
  const ledger& ledger_book = in.loaded.book;
  const exposure_book book = in.book_as_of(as_of, assets, policy);

  section ceiling{"portfolio ceiling as of " + format_date(as_of),
                  {"basis", "amount", "total assets", "ratio %", "warning line", "ceiling", "status", "headroom",
                   "to restore"}, {}, {}, "ceiling"};
  const auto ceiling_row = [&](const char* basis, money owed) {
    const ceiling_check c = check_ceiling(owed, assets, policy.ceiling);
    ceiling.rows.push_back({text(basis), amount(c.receivables), amount(c.total_assets),
                            ratio(c.ratio * 100.0, 4), text(format_percent(c.warning_line)),
                            text(format_percent(c.ceiling)), text(std::string(to_string(c.status))),
                            amount(c.headroom), amount(c.to_restore)});
  };
  ceiling_row("open receivables", book.total_receivables());
  ceiling_row("receivables + open orders", book.committed());
  ceiling.notes.push_back("the status compares integers: receivables x 10000 against assets x basis points; the order "
                          "check counts open orders as if invoiced");

  section limits{"credit limit breaches and warnings", {"customer", "name", "segment", "receivables", "open orders",
                                                        "exposure", "limit", "used %", "headroom", "status"}, {}, {},
                 "limits"};
  section overdue{"overdue blocks", {"customer", "name", "group", "overdue", "oldest days past due", "max days",
                                     "max overdue", "reason"}, {}, {}, "overdue_blocks"};
  std::size_t breaches = 0, warnings = 0;
  std::vector<std::pair<int, std::size_t>> flagged;  // (0 breach / 1 warning, customer)
  for (std::size_t c = 0; c < book.customer_count(); ++c) {
    const customer_index who{static_cast<std::uint32_t>(c)};
    const order_release now = assess_customer(book, who);
    const rule_verdict limit_verdict = now.rule(exposure_rule::credit_limit).verdict;
    if (limit_verdict == rule_verdict::block) {
      flagged.emplace_back(0, c);
      ++breaches;
    } else if (limit_verdict == rule_verdict::warn) {
      flagged.emplace_back(1, c);
      ++warnings;
    }
    const rule_check& days_rule = now.rule(exposure_rule::overdue_days);
    const rule_check& amount_rule = now.rule(exposure_rule::overdue_amount);
    if (days_rule.verdict != rule_verdict::block && amount_rule.verdict != rule_verdict::block) continue;
    const customer& record = ledger_book.customer_at(who);
    std::string reason;
    if (days_rule.verdict == rule_verdict::block)
      reason = std::to_string(days_rule.current) + " days past due > " + std::to_string(days_rule.limit);
    if (amount_rule.verdict == rule_verdict::block)
      reason += (reason.empty() ? "" : "; ") + std::string("overdue ") + format_money(money::from_minor_units(amount_rule.current)) +
                " > " + format_money(money::from_minor_units(amount_rule.limit));
    overdue.rows.push_back({text(record.id), text(record.name), text(group_name(record.segment, policy)),
                            amount(money::from_minor_units(book.overdue()[c])), number(days_rule.current),
                            days_rule.verdict == rule_verdict::off ? cell{"", true} : number(days_rule.limit),
                            amount_rule.verdict == rule_verdict::off ? cell{"", true} : amount(money::from_minor_units(amount_rule.limit)),
                            text(reason)});
  }
  std::stable_sort(flagged.begin(), flagged.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [kind, c] : flagged) {
    const customer& record = ledger_book.customers()[c];
    const money exposure = book.exposure(customer_index{static_cast<std::uint32_t>(c)});
    const money limit = money::from_minor_units(book.credit_limits()[c]);
    limits.rows.push_back({text(record.id), text(record.name), text(record.segment),
                           amount(money::from_minor_units(book.receivables()[c])),
                           amount(money::from_minor_units(book.open_orders()[c])), amount(exposure), amount(limit),
                           limit.is_zero() ? cell{"", true}
                                           : ratio(static_cast<double>(exposure.minor_units()) * 100.0 /
                                                       static_cast<double>(limit.minor_units()), 2),
                           amount(limit - exposure), text(kind == 0 ? "breach" : "warning")});
  }
  limits.notes.push_back(std::to_string(breaches) + " breaches, " + std::to_string(warnings) +
                         " warnings (exposure at or above " + format_percent(policy.limit_warning_line) +
                         " of the limit) among " + std::to_string(book.customer_count()) + " customers; limits: " +
                         (o.limits == "ledger" ? std::string("customers.csv")
                          : o.limits == "recommended" ? std::string("5C recommended")
                                                      : std::string("the lower of customers.csv and 5C recommended")));
  overdue.notes.push_back(std::to_string(overdue.rows.size()) + " customers blocked for new credit by overdue items");

  const concentration conc = measure_concentration(book.receivables(), policy);
  section concentration_section{"concentration of receivables", {"measure", "value", "cap", "status"}, {}, {},
                                "concentration"};
  const auto cap_cell = [](const std::optional<basis_points>& cap, bool points) {
    if (!cap) return text("");
    return points ? number(cap->count()) : text(format_percent(*cap));
  };
  const std::string largest_id =
      conc.largest.empty() ? "" : " (" + ledger_book.customer_at(conc.largest.front()).id + ")";
  concentration_section.rows.push_back({text("largest debtor share %" + largest_id), share_cell(conc.largest_share_ppm),
                                        cap_cell(policy.max_customer_share, false),
                                        text(cap_status(conc.largest_share_verdict))});
  concentration_section.rows.push_back({text("top-10 share %"), share_cell(conc.top10_share_ppm),
                                        cap_cell(policy.max_top10_share, false),
                                        text(cap_status(conc.top10_share_verdict))});
  concentration_section.rows.push_back({text("herfindahl (points of 10000)"), points_cell(conc.herfindahl_ppm),
                                        cap_cell(policy.max_herfindahl, true), text(cap_status(conc.herfindahl_verdict))});
  concentration_section.notes.push_back("shares and HHI are rounded up; the status compares exact integers");

  section largest{"largest debtors", {"rank", "customer", "name", "receivables", "share %", "cumulative %"}, {}, {},
                  "largest_debtors"};
  money_total cumulative;
  for (std::size_t k = 0; k < conc.largest.size(); ++k) {
    const customer& record = ledger_book.customer_at(conc.largest[k]);
    cumulative += conc.largest_amounts[k];
    const double total = static_cast<double>(conc.total.minor_units());
    largest.rows.push_back({number(static_cast<std::int64_t>(k + 1)), text(record.id), text(record.name),
                            amount(conc.largest_amounts[k]),
                            ratio(static_cast<double>(conc.largest_amounts[k].minor_units()) * 100.0 / total, 2),
                            ratio(static_cast<double>(cumulative.minor_units()) * 100.0 / total, 2)});
  }

  report r;
  r.sections = {std::move(ceiling), std::move(limits), std::move(overdue), std::move(concentration_section),
                std::move(largest)};
  add_left_out(r, in.files, in.problems.size());
  return finish(r, o.format, in.problems);
}

// A rule's figure in its unit.
cell figure(const rule_check& check, std::int64_t value) {
  switch (check.unit) {
    case rule_unit::money: return amount(money::from_minor_units(value));
    case rule_unit::days: return number(value);
    case rule_unit::ppm: return check.rule == exposure_rule::herfindahl ? points_cell(value) : share_cell(value);
  }
  return number(value);
}

int run_check_order(const exposure_options& o) {
  const day date = date_option(o.as_of, "date", today());
  const exposure_policy policy = policy_option(o);
  const money assets = assets_option(o);
  const money order_amount = option_value(o.amount, "AMOUNT", [](const std::string& v) { return parse_money(v); });
  const exposure_inputs in(o, date);
  const customer_index who = in.loaded.book.customer_index_of(o.customer_id);
  const exposure_book book = in.book_as_of(date, assets, policy);
  const order_release release = check_order(book, who, order_amount, date);
  const customer& record = in.loaded.book.customer_at(who);

  section order{"order release check", {"field", "value"}, {}, {}, "order"};
  order.rows = {{text("customer"), text(record.id)},
                {text("name"), text(record.name)},
                {text("group"), text(group_name(record.segment, policy))},
                {text("date"), text(format_date(date))},
                {text("amount"), amount(order_amount)},
                {text("verdict"), text(std::string(to_string(release.verdict)))},
                {text("largest order the amount rules allow"),
                 release.largest_order ? amount(*release.largest_order) : text("no limit")}};
  section rules{"rules", {"rule", "verdict", "before order", "after order", "limit", "headroom", "order headroom", "unit"},
                {}, {}, "rules"};
  for (const rule_check& check : release.rules) {
    const bool off = check.verdict == rule_verdict::off;
    const char* unit = check.unit == rule_unit::money ? "money"
                       : check.unit == rule_unit::days ? "days"
                       : check.rule == exposure_rule::herfindahl ? "HHI points"
                                                                 : "% of committed";
    rules.rows.push_back({text(std::string(to_string(check.rule))), text(std::string(to_string(check.verdict))),
                          figure(check, check.current), figure(check, check.projected),
                          off ? cell{"", true} : figure(check, check.limit),
                          off ? cell{"", true} : figure(check, check.headroom),
                          check.order_headroom ? amount(*check.order_headroom) : cell{"", true}, text(unit)});
  }
  rules.notes.push_back("every rule is judged as if all open orders and this one were invoiced; top-10 and HHI over "
                        "their caps block only an order that raises them");
  report r;
  r.sections = {std::move(order), std::move(rules)};
  add_left_out(r, in.files, in.problems.size());
  return finish(r, o.format, in.problems);
}

// A percentage such as "2.5%" or "-10%" as a fraction, any number of decimals.
double fraction_option(std::string value, const char* name) {
  while (!value.empty() && value.back() == ' ') value.pop_back();
  const bool percent = !value.empty() && value.back() == '%';
  if (percent) value.pop_back();
  double number_value = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number_value);
  if (!percent || value.empty() || error != std::errc() || end != value.data() + value.size() || !std::isfinite(number_value))
    throw input_error("huikuan.exposure_cli.3", std::string("--") + name + ": \"" + value + (percent ? "%" : "") +
                                                    "\" is not a percentage such as 2.5%", name);
  return number_value / 100.0;
}

int run_provision(const exposure_options& o) {
  const day as_of = date_option(o.as_of, "as-of", today());
  if (o.history.empty() == o.loss_rates.empty())
    throw input_error("huikuan.exposure_cli.4", "give either --history SNAPSHOTS.csv or --loss-rates, not both", "history");
  const double terminal = fraction_option(o.terminal_loss_rate, "terminal-loss-rate");
  const double adjustment = fraction_option(o.adjustment, "adjustment");
  directory_inputs in(o.directory);

  provision_matrix matrix;
  std::optional<roll_rate_analysis> analysis;
  std::size_t later = 0;
  std::string source;
  if (!o.history.empty()) {
    const std::filesystem::path path(o.history);
    aging_history_load_result history = load_aging_history(read_text_file(path), path.filename().string());
    in.files.push_back(history.summary);
    in.problems.insert(in.problems.end(), history.problems.begin(), history.problems.end());
    // As of the report date: later snapshots are not history yet.
    std::vector<aging_snapshot>& snapshots = history.history.snapshots;
    const auto after = std::find_if(snapshots.begin(), snapshots.end(), [&](const aging_snapshot& s) { return as_of < s.date; });
    later = static_cast<std::size_t>(snapshots.end() - after);
    snapshots.erase(after, snapshots.end());
    analysis = derive_loss_rates(history.history, terminal);
    matrix = analysis->matrix;
    source = "roll rates over " + std::to_string(analysis->pairs) +
             (analysis->pairs == 1 ? " pair" : " pairs") + " of consecutive snapshots in " +
             path.filename().string() +
             (later ? " (" + std::to_string(later) + " dated after " + format_date(as_of) + " not used)" : "") +
             "; terminal loss rate " + ratio(terminal * 100.0, 2).text + "%";
  } else {
    std::stringstream list(o.loss_rates);
    std::string item;
    while (std::getline(list, item, ',')) matrix.loss_rates.push_back(fraction_option(item, "loss-rates"));
    source = "loss rates given with --loss-rates";
  }
  if (adjustment != 0.0) matrix = adjust_for_forward_looking(matrix, adjustment);

  const aging_report aging = age_receivables(in.loaded.book, allocate(in.loaded.book, as_of), matrix.buckets,
                                             aging_grouping::portfolio);
  const provision_result result = provide_for(aging, matrix);

  report r;
  if (analysis) {
    section rolls{"roll rates", {"from bucket", "to bucket", "rolled from", "rolled into", "roll rate"}, {}, {},
                  "roll_rates"};
    const std::vector<std::string> labels = matrix.buckets.labels();
    for (std::size_t k = 0; k < analysis->roll_rates.size(); ++k)
      rolls.rows.push_back({text(labels[k]), text(labels[k + 1]), amount(analysis->rolled_from[k]),
                            amount(analysis->rolled_into[k]), ratio(analysis->roll_rates[k], 6)});
    rolls.notes.push_back("roll rate = what the next bucket holds a month later / what this bucket held, pooled; into "
                          "the oldest bucket its inflow (change + what left it)");
    r.sections.push_back(std::move(rolls));
  }
  section table{"provision matrix as of " + format_date(as_of) + " (IFRS 9 simplified approach)",
                {"bucket", "balance", "loss rate %", "expected credit loss"}, {}, {}, "provision"};
  const std::vector<std::string> labels = matrix.buckets.labels();
  for (std::size_t k = 0; k < labels.size(); ++k)
    table.rows.push_back({text(labels[k]), amount(result.balances[k]), ratio(result.matrix.loss_rates[k] * 100.0, 4),
                          amount(result.expected_loss[k])});
  table.rows.push_back({text("total"), amount(result.total_balance), ratio(result.coverage * 100.0, 4),
                        amount(result.total_expected_loss)});
  table.notes.push_back(source + "; forward-looking adjustment " + ratio(adjustment * 100.0, 2).text + "%");
  table.notes.push_back("each bucket's ECL is balance x loss rate (to nine decimals) rounded half up to the minor unit; "
                        "the total is their sum");
  r.sections.push_back(std::move(table));
  add_left_out(r, in.files, in.problems.size());
  return finish(r, o.format, in.problems);
}

int run_cost(const exposure_options& o) {
  const day from = date_option(o.from, "from", day());
  const day to = date_option(o.to, "to", day());
  const basis_points rate = *optional_percent(o.rate, "rate");
  const std::optional<basis_points> late_rate = optional_percent(o.late_rate, "late-rate");
  const day_count_convention convention =
      o.day_count == "360" ? day_count_convention::actual_360 : day_count_convention::actual_365_fixed;
  const directory_inputs in(o.directory);
  const ledger& book = in.loaded.book;
  const carrying_cost_report carrying = carrying_cost(book, from, to, rate, convention);

  section cost{"carrying cost " + format_date(from) + " .. " + format_date(to) + " at " + format_percent(rate) +
                   " a year (" + std::string(to_string(convention)) + ")",
               {"customer", "name", "sales rep", "average open balance", "carrying cost"}, {}, {}, "carrying_cost"};
  for (std::size_t c = 0; c < book.customer_count(); ++c) {
    if (carrying.average_balance[c].is_zero() && carrying.cost[c].is_zero()) continue;
    const customer& who = book.customers()[c];
    cost.rows.push_back({text(who.id), text(who.name), text(who.sales_rep), amount(carrying.average_balance[c]),
                         amount(carrying.cost[c])});
  }
  cost.rows.push_back({text("total"), text(std::to_string(cost.rows.size()) + " customers"), text(""),
                       amount(carrying.total_average_balance), amount(carrying.total_cost)});
  cost.notes.push_back("each day of the period counts the open invoices at its start; the cost is the sum of daily "
                       "balances x rate / " + std::to_string(days_in_year(convention)) +
                       ", rounded half up per customer");
  report r;
  r.sections.push_back(std::move(cost));
  if (late_rate) {
    const late_interest_report late = late_payment_interest(book, to, *late_rate, convention);
    section interest{"late-payment interest to " + format_date(to) + " at " + format_percent(*late_rate) + " a year (" +
                         std::string(to_string(convention)) + ")",
                     {"customer", "name", "sales rep", "late invoices", "most days late", "late interest"}, {}, {},
                     "late_interest"};
    const invoice_columns invoices = book.invoices();
    std::vector<std::int64_t> late_count(book.customer_count(), 0), most_days(book.customer_count(), 0);
    for (std::size_t i = 0; i < late.invoice_interest.size(); ++i) {
      if (late.days_late[i] == 0) continue;
      ++late_count[invoices.customer[i]];
      most_days[invoices.customer[i]] = std::max<std::int64_t>(most_days[invoices.customer[i]], late.days_late[i]);
    }
    for (std::size_t c = 0; c < book.customer_count(); ++c) {
      if (late.customer_interest[c].is_zero()) continue;
      const customer& who = book.customers()[c];
      interest.rows.push_back({text(who.id), text(who.name), text(who.sales_rep), number(late_count[c]),
                               number(most_days[c]), amount(late.customer_interest[c])});
    }
    interest.rows.push_back({text("total"), text(std::to_string(interest.rows.size()) + " customers"), text(""),
                             cell{"", true}, cell{"", true}, amount(late.total)});
    interest.notes.push_back("outstanding x rate x days / " + std::to_string(days_in_year(convention)) +
                             " on each interval from the due date between payments, rounded half up per invoice; "
                             "invoices paid late keep what they accrued");
    r.sections.push_back(std::move(interest));
  }
  add_left_out(r, in.files, in.problems.size());
  return finish(r, o.format, in.problems);
}

void add_policy_options(CLI::App* command, exposure_options& o) {
  command->add_option("--assets", o.assets, "Total assets for the receivables-to-assets ceiling (money)")->required();
  command->add_option("--ceiling", o.ceiling, "Receivables-to-assets ceiling (default 20%)");
  command->add_option("--warning", o.warning, "Warning line (default 80% of the ceiling)");
  command->add_option("--limit-warning", o.limit_warning, "Warn at this share of a credit limit (default 90%)");
  command->add_option("--limits", o.limits, "Credit limits: customers.csv, 5C recommended, or the lower of the two")
      ->check(CLI::IsMember({"ledger", "recommended", "lower"}));
  command->add_option("--max-days-past-due", o.max_days_past_due, "Block beyond this many days past due, or none (default 60)");
  command->add_option("--max-overdue", o.max_overdue, "Block above this overdue amount (default none)");
  command->add_option("--overdue-rule", o.overdue_rules, "Per customer group (segment): GROUP:DAYS:AMOUNT, empty = none");
  command->add_option("--max-share", o.max_share, "Cap on one customer's share of the exposure, e.g. 10%");
  command->add_option("--max-top10", o.max_top10, "Cap on the ten largest customers' share, e.g. 50%");
  command->add_option("--max-hhi", o.max_herfindahl, "Cap on the Herfindahl index in points (0..10000), e.g. 1500");
}

}  // namespace

void add_exposure_commands(CLI::App& app, command_list& commands) {
  auto o = std::make_shared<exposure_options>();
  CLI::App* exposure = app.add_subcommand("exposure", "Receivables-to-assets ceiling, credit limit and overdue breaches, "
                                                      "concentration");
  add_common_options(exposure, *o);
  exposure->add_option("--as-of", o->as_of, "Report date YYYY-MM-DD (default: today)");
  add_policy_options(exposure, *o);
  commands.push_back({exposure, [o] { return run_exposure(*o); }});

  CLI::App* check = app.add_subcommand("check-order", "Order release check: allow, warn or block, with every rule's figures");
  add_common_options(check, *o);
  check->add_option("CUSTOMER_ID", o->customer_id, "Customer id")->required();
  check->add_option("AMOUNT", o->amount, "Order amount")->required();
  check->add_option("--date", o->as_of, "Order date YYYY-MM-DD (default: today)");
  add_policy_options(check, *o);
  commands.push_back({check, [o] { return run_check_order(*o); }});

  CLI::App* provision = app.add_subcommand("provision", "IFRS 9 provision matrix and expected credit loss");
  add_common_options(provision, *o);
  provision->add_option("--as-of", o->as_of, "Report date YYYY-MM-DD (default: today)");
  provision->add_option("--history", o->history, "Aging snapshots CSV (snapshot_date,bucket,balance) for roll rates");
  provision->add_option("--loss-rates", o->loss_rates,
                        "Loss rates per bucket instead, e.g. 0.5%,2%,5%,10%,20%,100% (default buckets)");
  provision->add_option("--terminal-loss-rate", o->terminal_loss_rate, "Loss rate of the oldest bucket (default 100%)");
  provision->add_option("--adjustment", o->adjustment, "Forward-looking adjustment of every rate, e.g. 10% (default 0%)");
  commands.push_back({provision, [o] { return run_provision(*o); }});

  CLI::App* cost = app.add_subcommand("cost", "Carrying cost of open receivables and late-payment interest");
  add_common_options(cost, *o);
  cost->add_option("--from", o->from, "First day of the period YYYY-MM-DD")->required();
  cost->add_option("--to", o->to, "Last day of the period YYYY-MM-DD (late interest is as of it)")->required();
  cost->add_option("--rate", o->rate, "Annual financing rate, e.g. 4.35%")->required();
  cost->add_option("--late-rate", o->late_rate, "Annual late-payment interest rate, e.g. 18.25% (0.05% a day)");
  cost->add_option("--day-count", o->day_count, "Days in the year: Actual/365 (Fixed) or Actual/360")
      ->check(CLI::IsMember({"365", "360"}));
  commands.push_back({cost, [o] { return run_cost(*o); }});
}

}  // namespace huikuan::cli
