// Definitions for exposure.hpp.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>

#include "huikuan/exposure.hpp"

namespace huikuan {

namespace detail {

// An unsigned 256-bit value, for the one comparison 128 bits cannot hold:
// the HHI (a sum of squares, up to 2^126) against a cap or another HHI.
struct exposure_wide {
  uint128 high = 0;
  uint128 low = 0;
};

// How far ahead the bulk check prefetches customer cells (64, 128 and 256
// measured alike; 16 and 32 less).
inline constexpr std::size_t exposure_prefetch_rows = 64;

inline bool exposure_less(const exposure_wide& a, const exposure_wide& b) noexcept {
  return a.high != b.high ? a.high < b.high : a.low < b.low;
}

// a x b exactly, by 64-bit halves.
inline exposure_wide exposure_product(uint128 a, uint128 b) noexcept {
  const uint128 mask = std::numeric_limits<std::uint64_t>::max();
  const uint128 a0 = a & mask, a1 = a >> 64, b0 = b & mask, b1 = b >> 64;
  const uint128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const uint128 middle = (p00 >> 64) + (p01 & mask) + (p10 & mask);
  return {p11 + (p01 >> 64) + (p10 >> 64) + (middle >> 64), (middle << 64) | (p00 & mask)};
}

// ceil(1e6 x num / den), 0 when den is 0: a share or HHI in millionths,
// rounded up so that a figure shown at or under a cap is within it. The
// floating-point estimate is corrected with exact comparisons.
inline std::int64_t exposure_ceil_ppm(uint128 num, uint128 den) noexcept {
  if (den == 0) return 0;
  const exposure_wide target = exposure_product(num, 1'000'000);
  const long double estimate = static_cast<long double>(num) / static_cast<long double>(den) * 1e6L;
  uint128 k = estimate > 0 ? static_cast<uint128>(std::floor(estimate)) : 0;
  while (exposure_less(exposure_product(k, den), target)) ++k;
  while (k > 0 && !exposure_less(exposure_product(k - 1, den), target)) --k;
  return static_cast<std::int64_t>(k);
}

// amount / total > cap, exactly (amount, total < 2^63).
inline bool exposure_share_exceeds(std::int64_t amount, std::int64_t total, basis_points cap) noexcept {
  return static_cast<int128>(amount) * basis_points::whole > static_cast<int128>(total) * cap.count();
}

inline uint128 exposure_square(std::int64_t amount) noexcept {
  return static_cast<uint128>(amount) * static_cast<uint128>(amount);
}

inline money exposure_fit(int128 total, const char* what) {
  if (total > std::numeric_limits<std::int64_t>::max() || total < std::numeric_limits<std::int64_t>::min())
    throw overflow_error("huikuan.money.5", std::string(what) + " leaves the int64 range of minor units");
  return money::from_minor_units(static_cast<std::int64_t>(total));
}

inline void exposure_require_assets(money total_assets) {
  if (!total_assets.is_positive())
    throw input_error("huikuan.exposure.3", "total assets " + format_money(total_assets) + " are not positive",
                      "total_assets");
}

[[noreturn]] inline void exposure_throw_negative(const char* what, std::size_t index, std::int64_t amount) {
  throw input_error("huikuan.exposure.4", std::string(what) + " " + std::to_string(index) + " is negative (" +
                                              format_money(money::from_minor_units(amount)) + ")");
}

[[noreturn]] inline void exposure_throw_lengths(const std::string& what) {
  throw input_error("huikuan.exposure.8", what);
}

inline std::string exposure_cap_text(basis_points cap) { return format_percent(cap); }

inline void exposure_require_cap(const std::optional<basis_points>& cap, const char* name) {
  if (cap && (cap->count() <= 0 || cap->count() > basis_points::whole))
    throw input_error("huikuan.exposure.7", std::string(name) + " " + exposure_cap_text(*cap) + " is outside (0, 100%]",
                      name);
}

}  // namespace detail

// ------------------------------------------------------------------ ceiling

HUIKUAN_FUNC basis_points ceiling_policy::effective_warning_line() const noexcept {
  if (warning_line) return *warning_line;
  return basis_points((ceiling.count() * 4 + 4) / 5);
}

HUIKUAN_FUNC void ceiling_policy::validate() const {
  if (ceiling.count() <= 0 || ceiling.count() > basis_points::whole)
    throw input_error("huikuan.exposure.1", "ceiling " + format_percent(ceiling) + " is outside (0, 100%]", "ceiling");
  const basis_points line = effective_warning_line();
  if (line.count() <= 0 || line > ceiling)
    throw input_error("huikuan.exposure.2", "warning line " + format_percent(line) + " is outside (0, " +
                                                format_percent(ceiling) + "], the ceiling", "warning_line");
}

HUIKUAN_FUNC std::string_view to_string(ceiling_status status) noexcept {
  switch (status) {
    case ceiling_status::ok: return "ok";
    case ceiling_status::warning: return "warning";
    case ceiling_status::at_ceiling: return "at ceiling";
    case ceiling_status::breach: return "breach";
  }
  return "ok";
}

namespace detail {
// check_ceiling on a validated policy and positive assets (the order check
// runs it on every order without validating the book's policy again).
inline ceiling_check exposure_ceiling(money receivables, money total_assets, const ceiling_policy& policy) noexcept {
  ceiling_check check;
  check.receivables = receivables;
  check.total_assets = total_assets;
  check.ceiling = policy.ceiling;
  check.warning_line = policy.effective_warning_line();
  const detail::int128 owed = static_cast<detail::int128>(receivables.minor_units()) * basis_points::whole;
  const detail::int128 at_ceiling = static_cast<detail::int128>(total_assets.minor_units()) * check.ceiling.count();
  const detail::int128 at_warning = static_cast<detail::int128>(total_assets.minor_units()) * check.warning_line.count();
  check.status = owed > at_ceiling    ? ceiling_status::breach
                 : owed == at_ceiling ? ceiling_status::at_ceiling
                 : owed >= at_warning ? ceiling_status::warning
                                      : ceiling_status::ok;
  // Both lines are at most the assets, so they fit int64.
  check.ceiling_amount = money::from_minor_units(static_cast<std::int64_t>(at_ceiling / basis_points::whole));
  check.warning_amount =
      money::from_minor_units(static_cast<std::int64_t>((at_warning + basis_points::whole - 1) / basis_points::whole));
  // Both are non-negative int64 values, so the difference fits.
  const std::int64_t headroom = check.ceiling_amount.minor_units() - receivables.minor_units();
  check.headroom = money::from_minor_units(headroom);
  check.to_restore = money::from_minor_units(headroom < 0 ? -headroom : 0);
  check.ratio = static_cast<double>(receivables.minor_units()) / static_cast<double>(total_assets.minor_units());
  return check;
}
}  // namespace detail

HUIKUAN_FUNC ceiling_check check_ceiling(money receivables, money total_assets, const ceiling_policy& policy) {
  policy.validate();
  detail::exposure_require_assets(total_assets);
  if (receivables.is_negative())
    throw input_error("huikuan.exposure.4", "receivables " + format_money(receivables) + " are negative", "receivables");
  return detail::exposure_ceiling(receivables, total_assets, policy);
}

// ------------------------------------------------------------------ policy

HUIKUAN_FUNC void exposure_policy::validate() const {
  ceiling.validate();
  if (limit_warning_line.count() <= 0 || limit_warning_line.count() > basis_points::whole)
    throw input_error("huikuan.exposure.5", "limit warning line " + format_percent(limit_warning_line) +
                                                " is outside (0, 100%]", "limit_warning_line");
  const auto check_rule = [](const overdue_rule& rule, const std::string& whose) {
    if (rule.max_days_past_due && *rule.max_days_past_due < 0)
      throw input_error("huikuan.exposure.6", "overdue rule " + whose + ": max days past due " +
                                                  std::to_string(*rule.max_days_past_due) + " is negative", "overdue");
    if (rule.max_overdue_amount && rule.max_overdue_amount->is_negative())
      throw input_error("huikuan.exposure.6", "overdue rule " + whose + ": max overdue amount " +
                                                  format_money(*rule.max_overdue_amount) + " is negative", "overdue");
  };
  check_rule(overdue, "(default)");
  std::vector<std::string_view> groups;
  for (const group_overdue_rule& g : group_overdue) {
    check_rule(g.rule, "of group \"" + g.group + "\"");
    groups.push_back(g.group);
  }
  std::sort(groups.begin(), groups.end());
  if (const auto twice = std::adjacent_find(groups.begin(), groups.end()); twice != groups.end())
    throw input_error("huikuan.exposure.6", "customer group \"" + std::string(*twice) + "\" has two overdue rules",
                      "overdue");
  detail::exposure_require_cap(max_customer_share, "max customer share");
  detail::exposure_require_cap(max_top10_share, "max top-10 share");
  if (max_herfindahl && (max_herfindahl->count() <= 0 || max_herfindahl->count() > basis_points::whole))
    throw input_error("huikuan.exposure.7", "max herfindahl " + std::to_string(max_herfindahl->count()) +
                                                " points is outside (0, 10000]", "max herfindahl");
}

HUIKUAN_FUNC std::uint32_t exposure_policy::overdue_rule_index(std::string_view group) const noexcept {
  for (std::size_t g = 0; g < group_overdue.size(); ++g)
    if (group_overdue[g].group == group) return static_cast<std::uint32_t>(g + 1);
  return 0;
}

HUIKUAN_FUNC const overdue_rule& exposure_policy::overdue_rule_at(std::uint32_t index) const {
  if (index == 0) return overdue;
  if (index > group_overdue.size())
    throw input_error("huikuan.exposure.8", "overdue rule index " + std::to_string(index) + " is out of range (" +
                                                std::to_string(group_overdue.size() + 1) + " rules)", "overdue_rule");
  return group_overdue[index - 1].rule;
}

// ------------------------------------------------------------------ bulk check

HUIKUAN_FUNC std::string_view to_string(limit_status status) noexcept {
  switch (status) {
    case limit_status::within: return "within";
    case limit_status::warning: return "warning";
    case limit_status::breach: return "breach";
  }
  return "within";
}

namespace detail {
// The limit status of an exposure: breach above the limit, warning from the
// warning line (a customer who owes nothing is within even at a zero limit).
inline limit_status exposure_limit_status(std::int64_t exposure, std::int64_t limit, basis_points warning_line) noexcept {
  if (exposure > limit) return limit_status::breach;
  if (exposure > 0 && static_cast<int128>(exposure) * basis_points::whole >= static_cast<int128>(limit) * warning_line.count())
    return limit_status::warning;
  return limit_status::within;
}
}  // namespace detail

HUIKUAN_FUNC exposure_scan scan_exposure(const exposure_columns& rows, std::span<const std::int64_t> open_orders,
                                         std::span<const std::int64_t> credit_limits, money total_assets,
                                         const exposure_policy& policy, std::span<std::int64_t> exposure,
                                         std::span<limit_status> status) {
  policy.validate();
  detail::exposure_require_assets(total_assets);
  const std::size_t n = rows.customer.size();
  const std::size_t customers = exposure.size();
  if (rows.open_amount.size() != n)
    detail::exposure_throw_lengths("exposure columns differ in length: customer " + std::to_string(n) +
                                   ", open_amount " + std::to_string(rows.open_amount.size()));
  if (open_orders.size() != customers || credit_limits.size() != customers ||
      (!status.empty() && status.size() != customers))
    detail::exposure_throw_lengths("per-customer spans differ in length: exposure " + std::to_string(customers) +
                                   ", open_orders " + std::to_string(open_orders.size()) + ", credit_limits " +
                                   std::to_string(credit_limits.size()) + ", status " + std::to_string(status.size()));

  detail::int128 orders_total = 0;
  for (std::size_t c = 0; c < customers; ++c) {
    if (open_orders[c] < 0) detail::exposure_throw_negative("open order of customer", c, open_orders[c]);
    orders_total += open_orders[c];
    exposure[c] = open_orders[c];
  }
  // The hot loop: one checked add per row into the customer's cell, nothing
  // else (the receivables' total is taken from the cells afterwards: a
  // 128-bit running sum here halved the speed). The cell of the row
  // `exposure_prefetch_rows` ahead is prefetched, so cache misses overlap
  // when the cells (8 MB for a million customers) are not in the last-level
  // cache: 20-40% faster on the shared benchmark VM, no slower when they are
  // (benchmarks/README.md).
  const std::uint32_t* const customer = rows.customer.data();
  const std::int64_t* const amount = rows.open_amount.data();
  std::int64_t* const cells = exposure.data();
  bool overflow = false;
  constexpr std::size_t ahead = detail::exposure_prefetch_rows;
  for (std::size_t i = 0; i < n; ++i) {
    if (i + ahead < n) {
      if (const std::uint32_t later = customer[i + ahead]; later < customers) __builtin_prefetch(cells + later, 1, 3);
    }
    const std::uint32_t c = customer[i];
    const std::int64_t value = amount[i];
    if (c >= customers) [[unlikely]]
      detail::exposure_throw_lengths("row " + std::to_string(i) + ": customer " + std::to_string(c) +
                                     " is out of range (customers: " + std::to_string(customers) + ")");
    if (value < 0) [[unlikely]]
      detail::exposure_throw_negative("open amount of row", i, value);
    if (__builtin_add_overflow(cells[c], value, &cells[c])) [[unlikely]]
      overflow = true;
  }
  if (overflow) throw overflow_error("huikuan.money.5", "a customer's exposure leaves the int64 range of minor units");

  exposure_scan scan;
  detail::int128 exposure_total = 0;
  for (std::size_t c = 0; c < customers; ++c) {
    exposure_total += cells[c];
    if (credit_limits[c] < 0) detail::exposure_throw_negative("credit limit of customer", c, credit_limits[c]);
    const limit_status s = detail::exposure_limit_status(cells[c], credit_limits[c], policy.limit_warning_line);
    scan.limit_breaches += s == limit_status::breach;
    scan.limit_warnings += s == limit_status::warning;
    if (!status.empty()) status[c] = s;
  }
  scan.receivables = detail::exposure_fit(exposure_total - orders_total, "the receivables' sum");
  scan.open_orders = detail::exposure_fit(orders_total, "the open orders' sum");
  scan.ceiling = check_ceiling(scan.receivables, total_assets, policy.ceiling);
  return scan;
}

// ------------------------------------------------------------------ concentration

HUIKUAN_FUNC std::string_view to_string(rule_verdict verdict) noexcept {
  switch (verdict) {
    case rule_verdict::pass: return "pass";
    case rule_verdict::warn: return "warn";
    case rule_verdict::block: return "block";
    case rule_verdict::off: return "off";
  }
  return "off";
}

namespace detail {
// Keeps up to ten customers with a positive amount, largest first, ties by
// lower index (customers arrive in index order, so an equal amount never
// displaces an earlier one).
struct exposure_top10 {
  std::array<std::uint32_t, 10> index{};
  std::array<std::int64_t, 10> amount{};
  std::size_t size = 0;

  void offer(std::uint32_t who, std::int64_t value) noexcept {
    if (value <= 0 || (size == 10 && value <= amount[9])) return;
    std::size_t at = size < 10 ? size++ : 9;
    while (at > 0 && amount[at - 1] < value) {
      amount[at] = amount[at - 1];
      index[at] = index[at - 1];
      --at;
    }
    amount[at] = value;
    index[at] = who;
  }
};

inline rule_verdict exposure_cap_verdict(const std::optional<basis_points>& cap, bool over) noexcept {
  return !cap ? rule_verdict::off : over ? rule_verdict::block : rule_verdict::pass;
}
}  // namespace detail

HUIKUAN_FUNC concentration measure_concentration(std::span<const std::int64_t> per_customer,
                                                 const exposure_policy& policy) {
  policy.validate();
  detail::int128 sum = 0;
  detail::uint128 squares = 0;
  detail::exposure_top10 top;
  for (std::size_t c = 0; c < per_customer.size(); ++c) {
    const std::int64_t value = per_customer[c];
    if (value < 0) detail::exposure_throw_negative("amount of customer", c, value);
    sum += value;
    top.offer(static_cast<std::uint32_t>(c), value);
  }
  concentration result;
  result.total = detail::exposure_fit(sum, "the portfolio total");
  // With the total within int64 every square and their sum stay below 2^126.
  for (const std::int64_t value : per_customer) squares += detail::exposure_square(value);
  std::int64_t top_sum = 0;
  for (std::size_t k = 0; k < top.size; ++k) {
    result.largest.push_back(customer_index{top.index[k]});
    result.largest_amounts.push_back(money::from_minor_units(top.amount[k]));
    top_sum += top.amount[k];
  }
  result.top10_amount = money::from_minor_units(top_sum);
  const std::int64_t total = result.total.minor_units();
  const std::int64_t largest = top.size > 0 ? top.amount[0] : 0;
  const detail::uint128 total_squared = detail::exposure_square(total);
  result.largest_share_ppm = detail::exposure_ceil_ppm(static_cast<detail::uint128>(largest), static_cast<detail::uint128>(total));
  result.top10_share_ppm = detail::exposure_ceil_ppm(static_cast<detail::uint128>(top_sum), static_cast<detail::uint128>(total));
  result.herfindahl_ppm = detail::exposure_ceil_ppm(squares, total_squared);
  result.largest_share_verdict = detail::exposure_cap_verdict(
      policy.max_customer_share, policy.max_customer_share && detail::exposure_share_exceeds(largest, total, *policy.max_customer_share));
  result.top10_share_verdict = detail::exposure_cap_verdict(
      policy.max_top10_share, policy.max_top10_share && detail::exposure_share_exceeds(top_sum, total, *policy.max_top10_share));
  result.herfindahl_verdict = detail::exposure_cap_verdict(
      policy.max_herfindahl,
      policy.max_herfindahl &&
          detail::exposure_less(
              detail::exposure_product(total_squared, static_cast<detail::uint128>(policy.max_herfindahl->count())),
              detail::exposure_product(squares, basis_points::whole)));
  return result;
}

// ------------------------------------------------------------------ the book

namespace detail {

struct exposure_book_builder {
  static exposure_book build(const exposure_book_columns& columns, day as_of, money total_assets,
                             const exposure_policy& policy) {
    policy.validate();
    exposure_require_assets(total_assets);
    const std::size_t n = columns.open_items.customer.size();
    const std::size_t customers = columns.open_orders.size();
    if (columns.open_items.open_amount.size() != n || columns.due_day.size() != n)
      exposure_throw_lengths("open item columns differ in length: customer " + std::to_string(n) + ", open_amount " +
                             std::to_string(columns.open_items.open_amount.size()) + ", due_day " +
                             std::to_string(columns.due_day.size()));
    if (columns.credit_limits.size() != customers || columns.overdue_rule.size() != customers)
      exposure_throw_lengths("per-customer columns differ in length: open_orders " + std::to_string(customers) +
                             ", credit_limits " + std::to_string(columns.credit_limits.size()) + ", overdue_rule " +
                             std::to_string(columns.overdue_rule.size()));

    exposure_book book;
    book.as_of_ = as_of;
    book.total_assets_ = total_assets;
    book.policy_ = policy;
    book.receivables_.assign(customers, 0);
    book.overdue_.assign(customers, 0);
    book.oldest_.assign(customers, exposure_book::no_open_items);
    book.open_orders_.assign(columns.open_orders.begin(), columns.open_orders.end());
    book.limits_.assign(columns.credit_limits.begin(), columns.credit_limits.end());
    book.rule_.assign(columns.overdue_rule.begin(), columns.overdue_rule.end());

    const std::int64_t today = as_of.serial();
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t c = columns.open_items.customer[i];
      const std::int64_t value = columns.open_items.open_amount[i];
      if (c >= customers)
        exposure_throw_lengths("open item " + std::to_string(i) + ": customer " + std::to_string(c) +
                               " is out of range (customers: " + std::to_string(customers) + ")");
      if (value < 0) exposure_throw_negative("open amount of item", i, value);
      if (value == 0) continue;
      book.receivables_[c] = checked_add(book.receivables_[c], value);
      const auto past_due = static_cast<std::int32_t>(today - columns.due_day[i]);
      if (past_due > 0) book.overdue_[c] = checked_add(book.overdue_[c], value);
      book.oldest_[c] = std::max(book.oldest_[c], past_due);
    }

    int128 receivables = 0, orders = 0;
    exposure_top10 top;
    for (std::size_t c = 0; c < customers; ++c) {
      if (book.open_orders_[c] < 0) exposure_throw_negative("open order of customer", c, book.open_orders_[c]);
      if (book.limits_[c] < 0) exposure_throw_negative("credit limit of customer", c, book.limits_[c]);
      (void)policy.overdue_rule_at(book.rule_[c]);
      receivables += book.receivables_[c];
      orders += book.open_orders_[c];
      top.offer(static_cast<std::uint32_t>(c), checked_add(book.receivables_[c], book.open_orders_[c]));
    }
    book.total_receivables_ = exposure_fit(receivables, "the receivables' sum");
    book.total_open_orders_ = exposure_fit(orders, "the open orders' sum");
    book.committed_ = exposure_fit(receivables + orders, "the committed exposure (receivables + open orders)");
    for (std::size_t c = 0; c < customers; ++c)
      book.sum_of_squares_ += exposure_square(book.receivables_[c] + book.open_orders_[c]);
    std::int64_t top_sum = 0;
    for (std::size_t k = 0; k < top.size; ++k) {
      book.top10_.push_back(top.index[k]);
      top_sum += top.amount[k];
    }
    book.top10_amount_ = money::from_minor_units(top_sum);
    return book;
  }

  static order_release evaluate(const exposure_book& book, std::size_t c, money amount);
};

inline void exposure_require_customer(const exposure_book& book, customer_index customer) {
  if (static_cast<std::size_t>(customer) >= book.customer_count())
    throw not_found_error("huikuan.exposure.11", "customer index " + std::to_string(static_cast<std::uint32_t>(customer)) +
                                                     " is not in the book (" + std::to_string(book.customer_count()) +
                                                     " customers)");
}

}  // namespace detail

HUIKUAN_FUNC money exposure_book::exposure(customer_index customer) const {
  detail::exposure_require_customer(*this, customer);
  const auto c = static_cast<std::size_t>(customer);
  return money::from_minor_units(receivables_[c] + open_orders_[c]);
}

HUIKUAN_FUNC exposure_book build_exposure_book(const exposure_book_columns& columns, day as_of, money total_assets,
                                               const exposure_policy& policy) {
  return detail::exposure_book_builder::build(columns, as_of, total_assets, policy);
}

HUIKUAN_FUNC exposure_book build_exposure_book(const ledger& book, const receivables_position& position,
                                               const order_table& orders, money total_assets,
                                               const exposure_policy& policy, std::span<const money> credit_limits) {
  policy.validate();
  const std::size_t customers = book.customer_count();
  const invoice_columns invoices = book.invoices();
  if (position.open_amount.size() != invoices.amount.size() || position.unapplied.size() != customers)
    detail::exposure_throw_lengths("the position does not belong to this ledger (" +
                                   std::to_string(position.open_amount.size()) + " invoices, " +
                                   std::to_string(position.unapplied.size()) + " customers; the ledger has " +
                                   std::to_string(invoices.amount.size()) + " and " + std::to_string(customers) + ")");
  if (!credit_limits.empty() && credit_limits.size() != customers)
    detail::exposure_throw_lengths(std::to_string(credit_limits.size()) + " credit limits for " +
                                   std::to_string(customers) + " customers");
  std::vector<std::int64_t> open_orders(customers, 0), limits(customers);
  std::vector<std::uint32_t> rules(customers);
  add_open_orders(orders.columns(), position.as_of, open_orders);
  for (std::size_t c = 0; c < customers; ++c) {
    const customer& who = book.customers()[c];
    limits[c] = (credit_limits.empty() ? who.credit_limit : credit_limits[c]).minor_units();
    rules[c] = policy.overdue_rule_index(who.segment);
  }
  return build_exposure_book({{invoices.customer, position.open_amount}, invoices.due_day, open_orders, limits, rules},
                             position.as_of, total_assets, policy);
}

// ------------------------------------------------------------------ order release

HUIKUAN_FUNC std::string_view to_string(release_verdict verdict) noexcept {
  switch (verdict) {
    case release_verdict::allow: return "allow";
    case release_verdict::warn: return "warn";
    case release_verdict::block: return "block";
  }
  return "block";
}

HUIKUAN_FUNC std::string_view to_string(exposure_rule rule) noexcept {
  switch (rule) {
    case exposure_rule::credit_limit: return "credit limit";
    case exposure_rule::overdue_days: return "overdue days";
    case exposure_rule::overdue_amount: return "overdue amount";
    case exposure_rule::portfolio_ceiling: return "portfolio ceiling";
    case exposure_rule::customer_share: return "customer share";
    case exposure_rule::top10_share: return "top-10 share";
    case exposure_rule::herfindahl: return "herfindahl";
  }
  return "credit limit";
}

namespace detail {

// The largest x >= 0 with (amount + x) / (total + x) <= cap, or nullopt when
// no amount in the int64 range would cross it (a cap of 100%).
inline std::optional<money> exposure_share_headroom(std::int64_t amount, std::int64_t total, basis_points cap) {
  const std::int64_t rest = basis_points::whole - cap.count();
  const int128 slack = static_cast<int128>(total) * cap.count() - static_cast<int128>(amount) * basis_points::whole;
  if (slack < 0) return money{};
  if (rest == 0) return std::nullopt;
  const int128 x = slack / rest;
  if (x > std::numeric_limits<std::int64_t>::max()) return std::nullopt;
  return money::from_minor_units(static_cast<std::int64_t>(x));
}

// The verdict of a portfolio measure with a cap after the order: over the cap
// blocks if the order raises the measure, warns if the portfolio was
// already over and the order does not add to it.
inline rule_verdict exposure_measure_verdict(const std::optional<basis_points>& cap, bool over, bool raises) noexcept {
  if (!cap) return rule_verdict::off;
  if (!over) return rule_verdict::pass;
  return raises ? rule_verdict::block : rule_verdict::warn;
}

inline order_release exposure_book_builder::evaluate(const exposure_book& book, std::size_t c, money amount) {
  const exposure_policy& policy = book.policy_;
  const std::int64_t x = amount.minor_units();
  const std::int64_t e = book.receivables_[c] + book.open_orders_[c];
  const std::int64_t after = checked_add(e, x);
  const std::int64_t total = book.committed_.minor_units();
  const std::int64_t total_after = checked_add(total, x);

  order_release r;
  r.customer = customer_index{static_cast<std::uint32_t>(c)};
  r.amount = amount;
  r.date = book.as_of_;
  const auto set = [&](exposure_rule which, rule_verdict verdict, rule_unit unit, std::int64_t current,
                       std::int64_t projected, std::int64_t limit, std::optional<money> order_headroom) {
    rule_check& check = r.rules[static_cast<std::size_t>(which)];
    check = {which, verdict, unit, current, projected, limit, verdict == rule_verdict::off ? 0 : limit - projected,
             order_headroom};
  };

  const std::int64_t limit = book.limits_[c];
  const limit_status s = exposure_limit_status(after, limit, policy.limit_warning_line);
  set(exposure_rule::credit_limit,
      s == limit_status::breach ? rule_verdict::block : s == limit_status::warning ? rule_verdict::warn : rule_verdict::pass,
      rule_unit::money, e, after, limit, money::from_minor_units(std::max<std::int64_t>(0, limit - e)));

  const overdue_rule& rule = policy.overdue_rule_at(book.rule_[c]);
  const std::int32_t oldest = book.oldest_[c];
  const std::int64_t days_overdue = oldest == exposure_book::no_open_items ? 0 : std::max(0, oldest);
  if (rule.max_days_past_due)
    set(exposure_rule::overdue_days, days_overdue > *rule.max_days_past_due ? rule_verdict::block : rule_verdict::pass,
        rule_unit::days, days_overdue, days_overdue, *rule.max_days_past_due, std::nullopt);
  else
    set(exposure_rule::overdue_days, rule_verdict::off, rule_unit::days, days_overdue, days_overdue, 0, std::nullopt);
  const std::int64_t overdue = book.overdue_[c];
  if (rule.max_overdue_amount)
    set(exposure_rule::overdue_amount,
        overdue > rule.max_overdue_amount->minor_units() ? rule_verdict::block : rule_verdict::pass, rule_unit::money,
        overdue, overdue, rule.max_overdue_amount->minor_units(), std::nullopt);
  else
    set(exposure_rule::overdue_amount, rule_verdict::off, rule_unit::money, overdue, overdue, 0, std::nullopt);

  const ceiling_check ceiling = exposure_ceiling(money::from_minor_units(total_after), book.total_assets_, policy.ceiling);
  const std::int64_t ceiling_amount = ceiling.ceiling_amount.minor_units();
  set(exposure_rule::portfolio_ceiling,
      ceiling.status == ceiling_status::breach ? rule_verdict::block
      : ceiling.status == ceiling_status::ok   ? rule_verdict::pass
                                               : rule_verdict::warn,
      rule_unit::money, total, total_after, ceiling_amount,
      money::from_minor_units(std::max<std::int64_t>(0, ceiling_amount - total)));

  const auto ppm = [](std::int64_t part, std::int64_t whole) {
    return exposure_ceil_ppm(static_cast<uint128>(part), static_cast<uint128>(whole));
  };
  const auto cap_ppm = [](const std::optional<basis_points>& cap) -> std::int64_t { return cap ? cap->count() * 100LL : 0; };

  const std::optional<basis_points>& share_cap = policy.max_customer_share;
  set(exposure_rule::customer_share,
      exposure_cap_verdict(share_cap, share_cap && exposure_share_exceeds(after, total_after, *share_cap)),
      rule_unit::ppm, ppm(e, total), ppm(after, total_after), cap_ppm(share_cap),
      share_cap ? exposure_share_headroom(e, total, *share_cap) : std::nullopt);

  // The ten largest after the order: this customer's exposure grows, the
  // others stay; if it was not among them it replaces the tenth when larger.
  const std::int64_t top = book.top10_amount_.minor_units();
  const bool member = std::find(book.top10_.begin(), book.top10_.end(), static_cast<std::uint32_t>(c)) != book.top10_.end();
  std::int64_t top_after = top + x;
  if (!member && book.top10_.size() == 10) {
    const std::size_t tenth = book.top10_.back();
    const std::int64_t tenth_amount = book.receivables_[tenth] + book.open_orders_[tenth];
    top_after = top - tenth_amount + std::max(tenth_amount, after);
  }
  const std::optional<basis_points>& top_cap = policy.max_top10_share;
  const bool top_raises =
      total == 0 ? top_after > 0
                 : static_cast<int128>(top_after) * total > static_cast<int128>(top) * total_after;
  set(exposure_rule::top10_share,
      exposure_measure_verdict(top_cap, top_cap && exposure_share_exceeds(top_after, total_after, *top_cap), top_raises),
      rule_unit::ppm, ppm(top, total), ppm(top_after, total_after), cap_ppm(top_cap), std::nullopt);

  const uint128 squares = book.sum_of_squares_;
  const uint128 squares_after = squares - exposure_square(e) + exposure_square(after);
  const uint128 total_squared = exposure_square(total), total_after_squared = exposure_square(total_after);
  const std::optional<basis_points>& hhi_cap = policy.max_herfindahl;
  const bool hhi_over = hhi_cap && exposure_less(exposure_product(total_after_squared, static_cast<uint128>(hhi_cap->count())),
                                                 exposure_product(squares_after, basis_points::whole));
  const bool hhi_raises = total == 0 ? squares_after > 0
                                     : exposure_less(exposure_product(squares, total_after_squared),
                                                     exposure_product(squares_after, total_squared));
  set(exposure_rule::herfindahl, exposure_measure_verdict(hhi_cap, hhi_over, hhi_raises), rule_unit::ppm,
      exposure_ceil_ppm(squares, total_squared), exposure_ceil_ppm(squares_after, total_after_squared), cap_ppm(hhi_cap),
      std::nullopt);

  for (const rule_check& check : r.rules) {
    if (check.verdict == rule_verdict::block) r.verdict = release_verdict::block;
    else if (check.verdict == rule_verdict::warn && r.verdict == release_verdict::allow) r.verdict = release_verdict::warn;
    if (check.verdict != rule_verdict::off && check.order_headroom &&
        (!r.largest_order || *check.order_headroom < *r.largest_order))
      r.largest_order = check.order_headroom;
  }
  return r;
}

}  // namespace detail

HUIKUAN_FUNC order_release check_order(const exposure_book& book, customer_index customer, money amount, day date) {
  if (!amount.is_positive())
    throw input_error("huikuan.exposure.9", "order amount " + format_money(amount) + " is not positive", "amount");
  if (date != book.as_of())
    throw input_error("huikuan.exposure.10", "order dated " + format_date(date) + " against a book as of " +
                                                 format_date(book.as_of()) + "; build the book as of the order date",
                      "date");
  detail::exposure_require_customer(book, customer);
  return detail::exposure_book_builder::evaluate(book, static_cast<std::size_t>(customer), amount);
}

HUIKUAN_FUNC order_release assess_customer(const exposure_book& book, customer_index customer) {
  detail::exposure_require_customer(book, customer);
  return detail::exposure_book_builder::evaluate(book, static_cast<std::size_t>(customer), money{});
}

}  // namespace huikuan
