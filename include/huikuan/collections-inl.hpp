// Definitions for collections.hpp.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <limits>

#include "huikuan/collections.hpp"
#include "huikuan/detail/cpu_features.hpp"
#include "huikuan/detail/table_reader.hpp"

HUIKUAN_EXACT_FLOAT_BEGIN  // config.hpp: no fused multiply-add in this file

namespace huikuan {

HUIKUAN_FUNC std::string_view to_string(priority_factor factor) noexcept {
  switch (factor) {
    case priority_factor::days_past_due: return "days past due";
    case priority_factor::amount_at_risk: return "amount at risk";
    case priority_factor::broken_promises: return "broken promises";
    case priority_factor::promise_falling_due: return "promise falling due";
    case priority_factor::over_credit_limit: return "over credit limit";
  }
  return "days past due";
}

HUIKUAN_FUNC std::string_view to_string(collection_action action) noexcept {
  switch (action) {
    case collection_action::confirm_promise: return "confirm promise";
    case collection_action::phone: return "phone";
    case collection_action::dunning_letter: return "dunning letter";
    case collection_action::scheduled_visit: return "scheduled visit";
    case collection_action::supervisor_visit: return "supervisor visit";
    case collection_action::stop_supply: return "stop supply and service";
    case collection_action::legal: return "legal";
    case collection_action::resolve_dispute: return "resolve dispute";
  }
  return "phone";
}

HUIKUAN_FUNC void priority_weights::validate() const {
  const auto check = [](double value, const char* name) {
    if (!(value >= 0) || !std::isfinite(value))
      throw input_error("huikuan.priority.1", std::string("priority weight ") + name + " " + std::to_string(value) +
                                                  " must be finite and >= 0");
  };
  check(points_per_day_past_due, "points_per_day_past_due");
  check(points_per_tenfold_at_risk, "points_per_tenfold_at_risk");
  check(points_per_broken_promise, "points_per_broken_promise");
  check(points_for_promise_falling_due, "points_for_promise_falling_due");
  check(points_for_over_limit, "points_for_over_limit");
  if (days_past_due_cap < 0 || broken_promises_cap < 0 || amount_unit < 1)
    throw input_error("huikuan.priority.1", "days_past_due_cap " + std::to_string(days_past_due_cap) +
                                                " and broken_promises_cap " + std::to_string(broken_promises_cap) +
                                                " must be >= 0, amount_unit " + std::to_string(amount_unit) +
                                                " must be >= 1");
}

namespace detail {
// log10(x) for finite x >= 1 without a library call, so the bulk loop
// vectorises: x = m * 2^e with m in [sqrt(1/2), sqrt(2)), ln m from the
// atanh series (error below 1e-12 over that range).
inline double log10_of_at_least_one(double x) noexcept {
  const std::uint64_t bits = std::bit_cast<std::uint64_t>(x);
  // The biased exponent as a double, without an int64 -> double conversion.
  double exponent = std::bit_cast<double>((bits >> 52) | 0x4330'0000'0000'0000ull) - (4503599627370496.0 + 1023.0);
  double m = std::bit_cast<double>((bits & 0x000F'FFFF'FFFF'FFFFull) | 0x3FF0'0000'0000'0000ull);
  const bool high = m > 1.4142135623730951;
  m = high ? m * 0.5 : m;
  exponent = high ? exponent + 1.0 : exponent;
  const double s = (m - 1.0) / (m + 1.0);
  const double s2 = s * s;
  const double series =
      1.0 + s2 * (1.0 / 3 + s2 * (1.0 / 5 + s2 * (1.0 / 7 + s2 * (1.0 / 9 + s2 * (1.0 / 11 + s2 * (1.0 / 13))))));
  const double ln_m = 2.0 * s * series;
  return (exponent * 0.69314718055994531 + ln_m) * 0.43429448190325182;
}

struct priority_point_rates {
  double per_day, per_tenfold, per_broken, promise, over_limit, inverse_unit;
  std::int32_t day_cap, broken_cap;
};

inline priority_point_rates point_rates(const priority_weights& w) {
  return {w.points_per_day_past_due, w.points_per_tenfold_at_risk, w.points_per_broken_promise,
          w.points_for_promise_falling_due, w.points_for_over_limit, 1.0 / static_cast<double>(w.amount_unit),
          w.days_past_due_cap, w.broken_promises_cap};
}

// Exact int64 -> double for 0 <= x < 2^52 with integer and double
// operations only (SSE2/AVX2 have no packed int64 conversion).
inline double small_nonnegative_to_double(std::int64_t x) noexcept {
  constexpr double two_52 = 4503599627370496.0;
  return std::bit_cast<double>(static_cast<std::uint64_t>(x) | 0x4330'0000'0000'0000ull) - two_52;
}

// One debtor's contributions; the bulk kernel inlines the same function.
// Amounts at risk above 2^52 - 1 minor units (45 trillion in major units)
// count as that much.
inline void priority_terms(const priority_point_rates& r, std::int32_t days_past_due, std::int64_t at_risk,
                           std::int32_t broken, std::int64_t falling_due, std::int64_t over_limit,
                           double* terms) noexcept {
  constexpr std::int64_t amount_cap = (std::int64_t{1} << 52) - 1;
  const std::int32_t capped_days = std::clamp(days_past_due, 0, r.day_cap);
  const double amount = small_nonnegative_to_double(std::clamp<std::int64_t>(at_risk, 0, amount_cap));
  terms[0] = r.per_day * static_cast<double>(capped_days);
  terms[1] = r.per_tenfold * log10_of_at_least_one(1.0 + amount * r.inverse_unit);
  terms[2] = r.per_broken * static_cast<double>(std::clamp(broken, 0, r.broken_cap));
  terms[3] = falling_due > 0 ? r.promise : 0.0;
  terms[4] = over_limit > 0 ? r.over_limit : 0.0;
}

inline double priority_sum(const double* terms) noexcept { return (((terms[0] + terms[1]) + terms[2]) + terms[3]) + terms[4]; }
}  // namespace detail

HUIKUAN_FUNC std::array<double, priority_factor_count> priority_contributions(
    const priority_weights& weights, std::int32_t days_past_due, std::int64_t amount_at_risk,
    std::int32_t broken_promises, std::int64_t promise_falling_due, std::int64_t over_limit) noexcept {
  std::array<double, priority_factor_count> terms{};
  detail::priority_terms(detail::point_rates(weights), days_past_due, amount_at_risk, broken_promises,
                         promise_falling_due, over_limit, terms.data());
  return terms;
}

namespace detail {
struct priority_columns {
  const std::int32_t* days_past_due;
  const std::int64_t* at_risk;
  const std::int32_t* broken;
  const std::int64_t* falling_due;
  const std::int64_t* over_limit;
};

#define HUIKUAN_PRIORITY_LOOP_BODY                                                                         \
  for (std::size_t i = 0; i < n; ++i) {                                                                   \
    double terms[priority_factor_count];                                                                  \
    priority_terms(rates, in.days_past_due[i], in.at_risk[i], in.broken[i], in.falling_due[i], in.over_limit[i], \
                   terms);                                                                                \
    out[i] = priority_sum(terms);                                                                         \
  }

HUIKUAN_BRANCH_FREE_FLOAT __attribute__((flatten)) inline void priority_loop_baseline(
    const priority_point_rates& rates, const priority_columns& in, double* out, std::size_t n) noexcept {
  HUIKUAN_PRIORITY_LOOP_BODY
}

#ifdef HUIKUAN_HAVE_AVX2_KERNEL
HUIKUAN_BRANCH_FREE_FLOAT __attribute__((flatten, target("avx2"))) inline void priority_loop_avx2(
    const priority_point_rates& rates, const priority_columns& in, double* out, std::size_t n) noexcept {
  HUIKUAN_PRIORITY_LOOP_BODY
}
#endif
#undef HUIKUAN_PRIORITY_LOOP_BODY
}  // namespace detail

HUIKUAN_FUNC void priority_scores(const priority_inputs& inputs, const priority_weights& weights,
                                  std::span<double> scores) {
  weights.validate();
  const std::size_t n = inputs.days_past_due.size();
  if (inputs.amount_at_risk.size() != n || inputs.broken_promises.size() != n ||
      inputs.promise_falling_due.size() != n || inputs.over_limit.size() != n || scores.size() != n)
    throw input_error("huikuan.priority.2",
                      "priority columns have lengths " + std::to_string(n) + ", " +
                          std::to_string(inputs.amount_at_risk.size()) + ", " +
                          std::to_string(inputs.broken_promises.size()) + ", " +
                          std::to_string(inputs.promise_falling_due.size()) + ", " +
                          std::to_string(inputs.over_limit.size()) + " and scores " + std::to_string(scores.size()) +
                          ": they must all be equal");
  const detail::priority_point_rates rates = detail::point_rates(weights);
  const detail::priority_columns in{inputs.days_past_due.data(), inputs.amount_at_risk.data(),
                                    inputs.broken_promises.data(), inputs.promise_falling_due.data(),
                                    inputs.over_limit.data()};
#ifdef HUIKUAN_HAVE_AVX2_KERNEL
  if (detail::cpu_has_avx2()) return detail::priority_loop_avx2(rates, in, scores.data(), n);
#endif
  detail::priority_loop_baseline(rates, in, scores.data(), n);
}

HUIKUAN_FUNC std::size_t rank_top_k(std::span<const double> scores, std::span<std::uint32_t> out) {
  const std::size_t n = scores.size();
  if (n > std::numeric_limits<std::uint32_t>::max())
    throw input_error("huikuan.priority.4", "cannot rank " + std::to_string(n) + " scores: at most 4294967295");
  const std::size_t k = std::min(out.size(), n);
  const double* s = scores.data();
  const auto nan_at = [](std::size_t i) {
    return input_error("huikuan.priority.3", "score " + std::to_string(i) + " is NaN: it cannot be ranked");
  };
  if (k == 0) {
    // Nothing is ranked, but a NaN is still bad input and is not ignored.
    for (std::size_t i = 0; i < n; ++i)
      if (std::isnan(s[i])) throw nan_at(i);
    return 0;
  }
  // ranks_before(a, b): a comes first (higher score, then lower index). As
  // the heap's "less", it keeps the debtor that ranks last on top.
  const auto ranks_before = [s](std::uint32_t a, std::uint32_t b) { return s[a] > s[b] || (s[a] == s[b] && a < b); };
  std::uint32_t* heap = out.data();
  for (std::size_t i = 0; i < k; ++i) {
    if (std::isnan(s[i])) throw nan_at(i);
    heap[i] = static_cast<std::uint32_t>(i);
  }
  std::make_heap(heap, heap + k, ranks_before);
  double threshold = s[heap[0]];
  for (std::size_t i = k; i < n; ++i) {
    const double v = s[i];
    // A later index never wins a tie, so only a strictly higher score enters.
    if (v > threshold) {
      std::pop_heap(heap, heap + k, ranks_before);
      heap[k - 1] = static_cast<std::uint32_t>(i);
      std::push_heap(heap, heap + k, ranks_before);
      threshold = s[heap[0]];
    } else if (v != v) {
      throw nan_at(i);
    }
  }
  std::sort_heap(heap, heap + k, ranks_before);
  return k;
}

HUIKUAN_FUNC worklist_policy::worklist_policy() = default;

HUIKUAN_FUNC void worklist_policy::validate() const {
  try {
    weights.validate();
  } catch (const input_error& error) {
    throw input_error("huikuan.worklist.1", error.reason());
  }
  const auto fail = [](const std::string& what) { return input_error("huikuan.worklist.1", what); };
  ladder.validate();
  if (stage_actions.size() != ladder.stages.size())
    throw fail("stage_actions has " + std::to_string(stage_actions.size()) + " actions for " +
               std::to_string(ladder.stages.size()) + " ladder stages");
  if (pd_by_age.size() != pd_age_edges.size() + 1)
    throw fail("pd_by_age has " + std::to_string(pd_by_age.size()) + " rates for " +
               std::to_string(pd_age_edges.size()) + " edges: it needs one more rate than edges");
  for (std::size_t k = 1; k < pd_age_edges.size(); ++k)
    if (pd_age_edges[k] <= pd_age_edges[k - 1])
      throw fail("pd_age_edges must increase: " + std::to_string(pd_age_edges[k]) + " follows " +
                 std::to_string(pd_age_edges[k - 1]));
  for (double pd : pd_by_age)
    if (!(pd >= 0 && pd <= 1)) throw fail("PD by age " + std::to_string(pd) + " is outside [0, 1]");
  if (!(fair_pd >= 0 && fair_pd <= poor_pd && poor_pd <= 1))
    throw fail("fair_pd " + std::to_string(fair_pd) + " and poor_pd " + std::to_string(poor_pd) +
               " must satisfy 0 <= fair_pd <= poor_pd <= 1");
  if (cadence_poor < 1 || cadence_fair < 1 || cadence_good < 1)
    throw fail("cadences " + std::to_string(cadence_poor) + ", " + std::to_string(cadence_fair) + ", " +
               std::to_string(cadence_good) + " business days must each be >= 1");
}

namespace detail {
inline double pd_at_age(const worklist_policy& policy, std::int32_t days_past_due) noexcept {
  std::size_t k = 0;
  while (k < policy.pd_age_edges.size() && days_past_due > policy.pd_age_edges[k]) ++k;
  return policy.pd_by_age[k];
}

inline collection_action one_rung_up(collection_action action) noexcept {
  switch (action) {
    case collection_action::phone: return collection_action::dunning_letter;
    case collection_action::dunning_letter: return collection_action::scheduled_visit;
    case collection_action::scheduled_visit: return collection_action::supervisor_visit;
    default: return action;
  }
}
}  // namespace detail

HUIKUAN_FUNC worklist build_worklist(const ledger& book, const receivables_position& position,
                                     const worklist_policy& policy, const worklist_context& context, std::size_t top) {
  policy.validate();
  policy.buckets.validate();
  const std::size_t customers = book.customer_count();
  const std::size_t invoice_count = book.invoice_count();
  if (position.open_amount.size() != invoice_count || position.unapplied.size() != customers)
    throw input_error("huikuan.worklist.3", "the receivables position belongs to another ledger");
  const auto check_length = [](std::size_t size, std::size_t expected, const char* name) {
    if (size != 0 && size != expected)
      throw input_error("huikuan.worklist.2", std::string("context ") + name + " has " + std::to_string(size) +
                                                  " entries for " + std::to_string(expected));
  };
  check_length(context.pd.size(), customers, "pd");
  check_length(context.grade.size(), customers, "grade");
  check_length(context.last_contact.size(), customers, "last_contact");
  check_length(context.disputed.size(), invoice_count, "disputed");
  const day as_of = position.as_of;
  if (context.promises && (context.promises->as_of != as_of || context.promises->customers.size() != customers))
    throw input_error("huikuan.worklist.2", "the promise report is as of " + format_date(context.promises->as_of) +
                                                " for another date or ledger than the position as of " +
                                                format_date(as_of));
  const auto pd_of = [&](std::size_t c) {
    return context.pd.empty() ? std::numeric_limits<double>::quiet_NaN() : context.pd[c];
  };

  // Per-customer factors from the open invoices.
  std::vector<std::int32_t> oldest(customers, 0);
  std::vector<std::int64_t> overdue(customers, 0), disputed(customers, 0), open(customers, 0);
  std::vector<double> at_risk_exact(customers, 0.0);
  const invoice_columns inv = book.invoices();
  for (std::size_t i = 0; i < invoice_count; ++i) {
    const std::int64_t amount = position.open_amount[i];
    if (amount <= 0 || !position.issued[i]) continue;
    const std::size_t c = inv.customer[i];
    open[c] = detail::checked_add(open[c], amount);
    if (!context.disputed.empty() && context.disputed[i]) {
      disputed[c] = detail::checked_add(disputed[c], amount);
      continue;
    }
    const std::int32_t days_past_due = as_of.serial() - inv.due_day[i];
    if (days_past_due <= 0) continue;
    overdue[c] = detail::checked_add(overdue[c], amount);
    oldest[c] = std::max(oldest[c], days_past_due);
    const double grade_pd = pd_of(c);
    const double pd = 1.0 - (1.0 - detail::pd_at_age(policy, days_past_due)) * (1.0 - (std::isnan(grade_pd) ? 0.0 : grade_pd));
    at_risk_exact[c] += static_cast<double>(amount) * pd;
  }

  // The debtors and their factor columns.
  std::vector<std::uint32_t> debtor_customer;
  std::vector<std::int32_t> f_days, f_broken;
  std::vector<std::int64_t> f_risk, f_due, f_over;
  for (std::size_t c = 0; c < customers; ++c) {
    const customer_promise_summary* promise = context.promises ? &context.promises->customers[c] : nullptr;
    const std::int64_t falling_due = promise ? promise->falling_due.minor_units() : 0;
    if (overdue[c] == 0 && disputed[c] == 0 && falling_due == 0) continue;
    debtor_customer.push_back(static_cast<std::uint32_t>(c));
    f_days.push_back(oldest[c]);
    f_risk.push_back(std::llround(at_risk_exact[c]));
    f_broken.push_back(promise ? static_cast<std::int32_t>(std::min<std::uint32_t>(promise->broken_in_window, INT32_MAX)) : 0);
    f_due.push_back(falling_due);
    const std::int64_t net = detail::checked_sub(open[c], position.unapplied[c]);
    const std::int64_t limit = book.customer_at(static_cast<customer_index>(c)).credit_limit.minor_units();
    f_over.push_back(net > limit ? net - limit : 0);
  }
  const std::size_t debtors = debtor_customer.size();
  std::vector<double> scores(debtors);
  priority_scores({f_days, f_risk, f_broken, f_due, f_over}, policy.weights, scores);
  std::vector<std::uint32_t> ranked(top == 0 ? debtors : std::min(top, debtors));
  ranked.resize(rank_top_k(scores, ranked));

  worklist result;
  result.as_of = as_of;
  result.bucket_labels = policy.buckets.labels();
  result.ladder = policy.ladder;
  result.debtors = debtors;
  for (std::size_t d = 0; d < debtors; ++d) {
    result.overdue_total = result.overdue_total + money::from_minor_units(overdue[debtor_customer[d]]);
    result.disputed_total = result.disputed_total + money::from_minor_units(disputed[debtor_customer[d]]);
  }
  // Repeat customers have paid before.
  std::vector<std::uint8_t> has_paid(customers, 0);
  const settlement_columns pay = book.payments();
  for (std::size_t p = 0; p < pay.amount.size(); ++p)
    if (pay.status[p] == payment_status::cleared && pay.date_day[p] <= as_of.serial()) has_paid[pay.customer[p]] = 1;

  const day first_business_day = context.calendar.on_or_after(as_of);
  std::vector<std::int32_t> row_of_customer(customers, -1);
  for (std::size_t r = 0; r < ranked.size(); ++r) {
    const std::size_t d = ranked[r];
    const std::size_t c = debtor_customer[d];
    row_of_customer[c] = static_cast<std::int32_t>(r);
    worklist_row row;
    row.customer = static_cast<customer_index>(c);
    row.priority = scores[d];
    row.contributions = priority_contributions(policy.weights, f_days[d], f_risk[d], f_broken[d], f_due[d], f_over[d]);
    row.days_past_due = oldest[c];
    row.overdue = money::from_minor_units(overdue[c]);
    row.disputed = money::from_minor_units(disputed[c]);
    row.at_risk = money::from_minor_units(f_risk[d]);
    row.over_limit = money::from_minor_units(f_over[d]);
    row.promise_falling_due = money::from_minor_units(f_due[d]);
    row.broken_promises = static_cast<std::uint32_t>(f_broken[d]);
    row.pd = pd_of(c);
    if (!context.grade.empty()) row.grade = context.grade[c];
    row.repeat_customer = has_paid[c] != 0;
    row.stage = overdue[c] > 0 ? policy.ladder.stage_for(oldest[c]) : 0;
    const bool poor = !std::isnan(row.pd) && row.pd >= policy.poor_pd;
    const bool fair = std::isnan(row.pd) || row.pd >= policy.fair_pd;
    const std::int32_t cadence = poor ? policy.cadence_poor : fair ? policy.cadence_fair : policy.cadence_good;
    const customer_promise_summary* promise = context.promises ? &context.promises->customers[c] : nullptr;

    if (f_due[d] > 0 && row.broken_promises == 0) row.action = collection_action::confirm_promise;
    else if (overdue[c] == 0) row.action = f_due[d] > 0 ? collection_action::confirm_promise : collection_action::resolve_dispute;
    else {
      row.action = policy.stage_actions[row.stage];
      if (poor) row.action = detail::one_rung_up(row.action);
    }
    row.next_contact = first_business_day;
    if (!context.last_contact.empty() && context.last_contact[c] != std::numeric_limits<std::int32_t>::min())
      row.next_contact = std::max(first_business_day,
                                  context.calendar.add_business_days(day(context.last_contact[c]), cadence));
    if (row.action == collection_action::confirm_promise)
      row.next_contact = std::max(first_business_day, context.calendar.before(promise->falling_due_date));

    // Reasons, most points first.
    std::vector<std::pair<double, std::string>> why;
    if (row.contributions[0] > 0)
      why.emplace_back(row.contributions[0], "oldest overdue invoice " + std::to_string(row.days_past_due) +
                                                 (row.days_past_due == 1 ? " day" : " days") + " past due (" + policy.ladder.stages[row.stage].name + ")");
    if (row.contributions[1] > 0 && row.at_risk.is_positive())
      why.emplace_back(row.contributions[1], format_money_grouped(row.at_risk) + " at risk of " +
                                                 format_money_grouped(row.overdue) + " overdue");
    if (row.contributions[2] > 0)
      why.emplace_back(row.contributions[2], std::to_string(row.broken_promises) + " promise" +
                                                 (row.broken_promises == 1 ? "" : "s") + " broken in the window");
    if (row.contributions[3] > 0)
      why.emplace_back(row.contributions[3], "promise to pay " + format_money_grouped(row.promise_falling_due) +
                                                 " due " + format_date(promise->falling_due_date));
    if (row.contributions[4] > 0)
      why.emplace_back(row.contributions[4], "open receivables " + format_money_grouped(row.over_limit) +
                                                 " over the credit limit");
    std::stable_sort(why.begin(), why.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (auto& [points, text] : why) row.reasons.push_back(std::move(text));
    if (row.disputed.is_positive())
      row.reasons.push_back("disputed invoices " + format_money_grouped(row.disputed) +
                            " left out of the priority: resolve the dispute");
    if (poor && overdue[c] > 0) {
      char pd_text[32];
      std::snprintf(pd_text, sizeof pd_text, "%.1f%%", row.pd * 100.0);
      row.reasons.push_back(std::string("poor credit (PD ") + pd_text + "): one rung up, contact every " +
                            std::to_string(cadence) + " business days");
    }
    result.rows.push_back(std::move(row));
  }

  // Undisputed open amounts by bucket, for the ranked rows only.
  const std::size_t bucket_count = policy.buckets.bucket_count();
  result.buckets.assign(result.rows.size() * bucket_count, 0);
  for (std::size_t i = 0; i < invoice_count; ++i) {
    const std::int64_t amount = position.open_amount[i];
    if (amount <= 0 || !position.issued[i]) continue;
    const std::int32_t r = row_of_customer[inv.customer[i]];
    if (r < 0 || (!context.disputed.empty() && context.disputed[i])) continue;
    const std::int32_t age = policy.buckets.basis == aging_basis::days_past_due ? as_of.serial() - inv.due_day[i]
                                                                                 : as_of.serial() - inv.issue_day[i];
    std::int64_t& cell = result.buckets[static_cast<std::size_t>(r) * bucket_count + policy.buckets.bucket_of(age)];
    cell = detail::checked_add(cell, amount);
  }
  return result;
}

HUIKUAN_FUNC disputes_load_result load_disputes(std::string_view text, const ledger& book) {
  disputes_load_result result;
  result.summary.file = "disputes.csv";
  result.summary.present = true;
  detail::table_reader table("disputes.csv", text, {"invoice_id", "opened_on"}, {"resolved_on", "reason"});
  while (table.next()) {
    ++result.summary.rows_read;
    detail::row_checker row(table, result.problems);
    if (detail::record_is_well_formed(table, row)) {
      invoice_dispute dispute;
      dispute.invoice_id = row.text(0, "invoice_id", true);
      const auto opened = row.parsed(1, "opened_on", [](std::string_view t) { return parse_date(t); });
      dispute.resolved_on = detail::parse_optional_date(row, row.text(2, "resolved_on", false), "resolved_on");
      dispute.reason = row.text(3, "reason", false);
      if (!dispute.invoice_id.empty() && !book.find_invoice(dispute.invoice_id))
        row.report("invoice_id", "huikuan.dispute.1", "unknown invoice " + dispute.invoice_id);
      if (opened && dispute.resolved_on && *dispute.resolved_on < *opened)
        row.report("resolved_on", "huikuan.dispute.2", "dispute resolved on " + format_date(*dispute.resolved_on) +
                                                          " before it was opened on " + format_date(*opened));
      if (row.ok()) {
        dispute.opened_on = *opened;
        result.disputes.push_back(std::move(dispute));
        ++result.summary.rows_loaded;
        continue;
      }
    }
    detail::count_left_out(result.summary, std::nullopt);
  }
  return result;
}

HUIKUAN_FUNC std::vector<std::uint8_t> disputed_invoices(const ledger& book, std::span<const invoice_dispute> disputes,
                                                         day as_of) {
  std::vector<std::uint8_t> flags(book.invoice_count(), 0);
  for (const invoice_dispute& d : disputes) {
    const std::optional<invoice_index> i = book.find_invoice(d.invoice_id);
    if (!i) throw input_error("huikuan.dispute.1", "unknown invoice " + d.invoice_id, "invoice_id");
    if (d.opened_on <= as_of && !(d.resolved_on && *d.resolved_on <= as_of)) flags[static_cast<std::size_t>(*i)] = 1;
  }
  return flags;
}

HUIKUAN_FUNC contacts_load_result load_contacts(std::string_view text, const ledger& book, day as_of) {
  contacts_load_result result;
  result.last_contact.assign(book.customer_count(), std::numeric_limits<std::int32_t>::min());
  result.summary.file = "contacts.csv";
  result.summary.present = true;
  detail::table_reader table("contacts.csv", text, {"customer_id", "date"}, {"action", "outcome"});
  while (table.next()) {
    ++result.summary.rows_read;
    detail::row_checker row(table, result.problems);
    if (detail::record_is_well_formed(table, row)) {
      const std::string customer_id = row.text(0, "customer_id", true);
      const auto date = row.parsed(1, "date", [](std::string_view t) { return parse_date(t); });
      const std::optional<customer_index> who = customer_id.empty() ? std::nullopt : book.find_customer(customer_id);
      if (!customer_id.empty() && !who) row.report("customer_id", "huikuan.ledger.4", "unknown customer " + customer_id);
      if (row.ok()) {
        std::int32_t& last = result.last_contact[static_cast<std::size_t>(*who)];
        if (*date <= as_of) last = std::max(last, date->serial());
        ++result.summary.rows_loaded;
        continue;
      }
    }
    detail::count_left_out(result.summary, std::nullopt);
  }
  return result;
}

}  // namespace huikuan

HUIKUAN_EXACT_FLOAT_END
