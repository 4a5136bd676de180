// Definitions for provision.hpp.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "huikuan/aging-inl.hpp"
#include "huikuan/detail/table_reader.hpp"
#include "huikuan/provision.hpp"

namespace huikuan {

namespace detail {

// The shortest text that reads back as the same double ("0.0105", "1.2").
inline std::string provision_number(double value) {
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc() ? std::string(buffer, end) : std::string("?");
}

inline std::string provision_bucket_name(const bucket_policy& buckets, std::size_t k) {
  return "\"" + buckets.labels()[k] + "\"";
}

// `whose()` names what the figure belongs to; it is only called on failure.
template <class Whose>
void provision_require_rate(double rate, Whose whose) {
  if (!(rate >= 0.0 && rate <= 1.0))
    throw input_error("huikuan.provision.2", "loss rate " + provision_number(rate) + " of " + whose() + " is outside [0, 1]",
                      "loss_rates");
}

template <class Whose>
void provision_require_balance(money balance, Whose whose) {
  if (balance.is_negative())
    throw input_error("huikuan.provision.7", "balance " + format_money(balance) + " of " + whose() + " is negative",
                      "balance");
}

// A rate in [0, 1] to nine decimals: round half up to a multiple of 1e-9.
inline std::int64_t provision_rate_nanos(double rate) noexcept {
  return static_cast<std::int64_t>(std::floor(rate * 1e9 + 0.5));
}

}  // namespace detail

HUIKUAN_FUNC void provision_matrix::validate() const {
  buckets.validate();
  if (loss_rates.size() != buckets.bucket_count())
    throw input_error("huikuan.provision.1", std::to_string(loss_rates.size()) + " loss rates for " +
                                                 std::to_string(buckets.bucket_count()) + " buckets " +
                                                 detail::edges_text(buckets.upper_edges), "loss_rates");
  for (std::size_t k = 0; k < loss_rates.size(); ++k)
    detail::provision_require_rate(loss_rates[k], [&] { return "bucket " + detail::provision_bucket_name(buckets, k); });
}

HUIKUAN_FUNC provision_matrix adjust_for_forward_looking(const provision_matrix& matrix, double adjustment) {
  matrix.validate();
  if (!std::isfinite(adjustment) || adjustment <= -1.0)
    throw input_error("huikuan.provision.3", "forward-looking adjustment " + detail::provision_number(adjustment) +
                                                 " is not a finite number above -1 (-100%)", "adjustment");
  provision_matrix adjusted = matrix;
  for (std::size_t k = 0; k < adjusted.loss_rates.size(); ++k) {
    adjusted.loss_rates[k] = matrix.loss_rates[k] * (1.0 + adjustment);
    if (adjusted.loss_rates[k] > 1.0)
      throw input_error("huikuan.provision.2", "forward-looking adjustment " + detail::provision_number(adjustment) +
                                                   " takes the loss rate of bucket " +
                                                   detail::provision_bucket_name(matrix.buckets, k) + " from " +
                                                   detail::provision_number(matrix.loss_rates[k]) + " to " +
                                                   detail::provision_number(adjusted.loss_rates[k]) + ", above 1",
                        "adjustment");
  }
  return adjusted;
}

HUIKUAN_FUNC money expected_credit_loss(money balance, double loss_rate) {
  detail::provision_require_rate(loss_rate, [] { return std::string("the balance"); });
  detail::provision_require_balance(balance, [] { return std::string("the bucket"); });
  const detail::int128 nanos = detail::provision_rate_nanos(loss_rate);
  constexpr detail::int128 billion = 1'000'000'000;
  // balance < 2^63 and nanos <= 1e9 < 2^30: the product fits easily, and the
  // result is at most the balance.
  return money::from_minor_units(
      static_cast<std::int64_t>((2 * static_cast<detail::int128>(balance.minor_units()) * nanos + billion) / (2 * billion)));
}

HUIKUAN_FUNC provision_result apply_provision_matrix(const provision_matrix& matrix, std::span<const money> balances) {
  matrix.validate();
  if (balances.size() != matrix.loss_rates.size())
    throw input_error("huikuan.provision.1", std::to_string(balances.size()) + " balances for " +
                                                 std::to_string(matrix.loss_rates.size()) + " buckets", "balances");
  provision_result result;
  result.matrix = matrix;
  money_total balance_sum, loss_sum;
  for (std::size_t k = 0; k < balances.size(); ++k) {
    detail::provision_require_balance(balances[k], [&] { return "bucket " + detail::provision_bucket_name(matrix.buckets, k); });
    result.balances.push_back(balances[k]);
    result.expected_loss.push_back(expected_credit_loss(balances[k], matrix.loss_rates[k]));
    balance_sum += balances[k];
    loss_sum += result.expected_loss.back();
  }
  result.total_balance = balance_sum.to_money();
  result.total_expected_loss = loss_sum.to_money();
  if (result.total_balance.is_positive())
    result.coverage = static_cast<double>(result.total_expected_loss.minor_units()) /
                      static_cast<double>(result.total_balance.minor_units());
  return result;
}

HUIKUAN_FUNC provision_result provide_for(const aging_report& aging, const provision_matrix& matrix) {
  const auto basis_text = [](aging_basis basis) {
    return basis == aging_basis::days_past_due ? std::string("days past due") : std::string("days since invoice");
  };
  if (aging.policy.upper_edges != matrix.buckets.upper_edges || aging.policy.basis != matrix.buckets.basis)
    throw input_error("huikuan.provision.5", "the aging's buckets " + detail::edges_text(aging.policy.upper_edges) +
                                                 " by " + basis_text(aging.policy.basis) +
                                                 " differ from the provision matrix's " +
                                                 detail::edges_text(matrix.buckets.upper_edges) + " by " +
                                                 basis_text(matrix.buckets.basis), "buckets");
  std::vector<money> balances;
  for (const std::int64_t b : aging.total_buckets) balances.push_back(money::from_minor_units(b));
  return apply_provision_matrix(matrix, balances);
}

HUIKUAN_FUNC roll_rate_analysis derive_loss_rates(const aging_history& history, double terminal_loss_rate) {
  detail::provision_require_rate(terminal_loss_rate, [] { return std::string("the oldest bucket (the terminal loss rate)"); });
  const bucket_policy& buckets = history.buckets;
  buckets.validate();
  const std::size_t width = buckets.bucket_count();
  const std::vector<aging_snapshot>& snapshots = history.snapshots;
  for (std::size_t j = 0; j < snapshots.size(); ++j) {
    const aging_snapshot& s = snapshots[j];
    if (s.balances.size() != width)
      throw input_error("huikuan.provision.5", "snapshot " + format_date(s.date) + " has " +
                                                   std::to_string(s.balances.size()) + " balances for " +
                                                   std::to_string(width) + " buckets", "snapshots");
    for (std::size_t k = 0; k < width; ++k)
      detail::provision_require_balance(s.balances[k], [&] {
        return "bucket " + detail::provision_bucket_name(buckets, k) + " on " + format_date(s.date);
      });
    detail::provision_require_balance(s.left_oldest, [&] { return "what left the oldest bucket on " + format_date(s.date); });
    if (j > 0 && !(snapshots[j - 1].date < s.date))
      throw input_error("huikuan.provision.9", "snapshot " + format_date(s.date) + " does not come after " +
                                                   format_date(snapshots[j - 1].date), "snapshots");
  }

  roll_rate_analysis analysis;
  analysis.terminal_loss_rate = terminal_loss_rate;
  analysis.rolled_from.assign(width - 1, money_total{});
  analysis.rolled_into.assign(width - 1, money_total{});
  for (std::size_t j = 0; j + 1 < snapshots.size(); ++j) {
    const day first = snapshots[j].date, next = snapshots[j + 1].date;
    // A left-out snapshot between the two means they are not one period apart.
    const bool gap = std::any_of(history.left_out.begin(), history.left_out.end(),
                                 [&](day d) { return first < d && d < next; });
    if (gap) continue;
    ++analysis.pairs;
    for (std::size_t k = 0; k + 1 < width; ++k) analysis.rolled_from[k] += snapshots[j].balances[k];
    for (std::size_t k = 0; k + 2 < width; ++k) analysis.rolled_into[k] += snapshots[j + 1].balances[k + 1];
    // The oldest bucket keeps what it held: its inflow is the change plus what left it.
    const money_total held(snapshots[j].balances[width - 1]);
    money_total inflow(snapshots[j + 1].balances[width - 1]);
    inflow += snapshots[j + 1].left_oldest;
    if (inflow.minor_units() < held.minor_units())
      throw input_error("huikuan.provision.11",
                        "the oldest bucket " + detail::provision_bucket_name(buckets, width - 1) + " fell from " +
                            format_money(held) + " on " + format_date(first) + " to " +
                            format_money(snapshots[j + 1].balances[width - 1]) + " on " + format_date(next) +
                            " but only " + format_money(snapshots[j + 1].left_oldest) +
                            " is recorded as leaving it (bucket \"left oldest\")",
                        "snapshots");
    analysis.rolled_into[width - 2] += inflow;
    analysis.rolled_into[width - 2] += -snapshots[j].balances[width - 1];
  }
  if (analysis.pairs == 0)
    throw input_error("huikuan.provision.4", "roll rates need two consecutive snapshots; the history has " +
                                                 std::to_string(snapshots.size()) + " usable and " +
                                                 std::to_string(history.left_out.size()) + " left out", "snapshots");
  for (std::size_t k = 0; k + 1 < width; ++k) {
    if (analysis.rolled_from[k] == money_total{})
      throw input_error("huikuan.provision.6", "bucket " + detail::provision_bucket_name(buckets, k) + " holds nothing in the " +
                                                   std::to_string(analysis.pairs) +
                                                   " snapshots it would roll from, so its roll rate is undefined",
                        "snapshots");
    analysis.roll_rates.push_back(static_cast<double>(static_cast<long double>(analysis.rolled_into[k].minor_units()) /
                                                      static_cast<long double>(analysis.rolled_from[k].minor_units())));
  }
  analysis.matrix.buckets = buckets;
  analysis.matrix.loss_rates.assign(width, 0.0);
  analysis.matrix.loss_rates[width - 1] = terminal_loss_rate;
  for (std::size_t k = width - 1; k-- > 0;) {
    const double rate = analysis.roll_rates[k] * analysis.matrix.loss_rates[k + 1];
    if (rate > 1.0)
      throw input_error("huikuan.provision.2", "the loss rate derived for bucket " +
                                                   detail::provision_bucket_name(buckets, k) + " is " +
                                                   detail::provision_number(rate) + " (roll rate " +
                                                   detail::provision_number(analysis.roll_rates[k]) +
                                                   " x the next bucket's loss rate), outside [0, 1]", "snapshots");
    analysis.matrix.loss_rates[k] = rate;
  }
  return analysis;
}

namespace detail {

// One bucket as a label describes it: ages lower..upper, either end open.
struct provision_range {
  std::optional<std::int32_t> lower, upper;
  std::size_t label = 0;
};

inline std::optional<std::int32_t> provision_whole_number(std::string_view text) {
  std::int32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

inline provision_range provision_parse_label(const std::string& label) {
  const auto bad = [&] {
    return input_error("huikuan.provision.8", "bucket \"" + label +
                                                  "\" is not an aging label such as current, 1-30 or over 120", "bucket");
  };
  const std::string_view text = label;
  provision_range range;
  if (text == "current") {
    range.upper = 0;
  } else if (text.starts_with("<= ")) {
    range.upper = provision_whole_number(text.substr(3));
    if (!range.upper) throw bad();
  } else if (text.starts_with("over ")) {
    const auto edge = provision_whole_number(text.substr(5));
    if (!edge || *edge == std::numeric_limits<std::int32_t>::max()) throw bad();
    range.lower = *edge + 1;
  } else {
    // "1-30", or "-9..0" where a bound is negative.
    const std::size_t dots = text.find("..");
    const std::size_t split = dots != std::string_view::npos ? dots : text.find('-', 1);
    if (split == std::string_view::npos) throw bad();
    range.lower = provision_whole_number(text.substr(0, split));
    range.upper = provision_whole_number(text.substr(split + (dots != std::string_view::npos ? 2 : 1)));
    if (!range.lower || !range.upper || *range.lower > *range.upper) throw bad();
  }
  return range;
}

// The buckets of a list of labels, and the bucket of each label.
inline std::pair<bucket_policy, std::vector<std::size_t>> provision_buckets(std::span<const std::string> labels) {
  std::vector<provision_range> ranges;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j)
      if (labels[j] == labels[i])
        throw input_error("huikuan.provision.9", "bucket \"" + labels[i] + "\" is given twice", "bucket");
    ranges.push_back(provision_parse_label(labels[i]));
    ranges.back().label = i;
  }
  std::string listed;
  for (const std::string& l : labels) listed += (listed.empty() ? "" : ", ") + l;
  const auto bad = [&](const std::string& why) {
    return input_error("huikuan.provision.8", "buckets {" + listed + "} " + why, "bucket");
  };
  // Open-ended below first, then by lower bound.
  std::sort(ranges.begin(), ranges.end(), [](const provision_range& a, const provision_range& b) {
    if (!a.lower || !b.lower) return !a.lower && b.lower;
    return *a.lower < *b.lower;
  });
  if (ranges.size() < 2) throw bad("need at least two buckets");
  if (ranges.front().lower) throw bad("leave out the ages below " + std::to_string(*ranges.front().lower));
  if (ranges.back().upper) throw bad("leave out the ages above " + std::to_string(*ranges.back().upper));
  bucket_policy policy;
  policy.upper_edges.clear();
  policy.basis = aging_basis::days_past_due;
  for (std::size_t k = 0; k + 1 < ranges.size(); ++k) {
    const provision_range& here = ranges[k];
    const provision_range& next = ranges[k + 1];
    if (!here.upper || !next.lower || static_cast<std::int64_t>(*here.upper) + 1 != *next.lower)
      throw bad("leave a gap or overlap between \"" + labels[here.label] + "\" and \"" + labels[next.label] + "\"");
    policy.upper_edges.push_back(*here.upper);
  }
  policy.validate();
  std::vector<std::size_t> bucket_of(labels.size());
  for (std::size_t k = 0; k < ranges.size(); ++k) bucket_of[ranges[k].label] = k;
  return {policy, bucket_of};
}

}  // namespace detail

HUIKUAN_FUNC bucket_policy buckets_from_labels(std::span<const std::string> labels) {
  return detail::provision_buckets(labels).first;
}

HUIKUAN_FUNC aging_history_load_result load_aging_history(std::string_view text, std::string file) {
  aging_history_load_result result;
  file_summary& summary = result.summary;
  summary.file = file;
  summary.present = true;
  detail::table_reader table(file, text, {"snapshot_date", "bucket", "balance"}, {});

  struct history_row {
    std::size_t line = 0;
    std::string label;
    std::optional<money> balance;
    bool reported = false;  // its own problem is already reported
  };
  // Rows by snapshot date; a row whose date cannot be read belongs to none.
  std::map<std::int32_t, std::vector<history_row>> by_date;
  std::map<std::int32_t, std::size_t> first_bad_line;
  while (table.next()) {
    ++summary.rows_read;
    detail::row_checker row(table, result.problems);
    history_row r;
    r.line = table.line();
    std::optional<day> date;
    if (detail::record_is_well_formed(table, row)) {
      date = row.parsed(0, "snapshot_date", [](std::string_view t) { return parse_date(t); });
      r.label = row.text(1, "bucket", true);
      r.balance = row.parsed(2, "balance", [](std::string_view t) { return parse_money(t); });
      if (r.balance && r.balance->is_negative())
        row.report("balance", "huikuan.provision.7", "balance " + format_money(*r.balance) + " is negative");
    }
    r.reported = !row.ok();
    if (!date) {
      detail::count_left_out(summary, r.balance);
      continue;
    }
    if (r.reported && !first_bad_line.contains(date->serial())) first_bad_line[date->serial()] = r.line;
    by_date[date->serial()].push_back(std::move(r));
  }

  std::optional<day> defined_by;
  for (auto& [serial, rows] : by_date) {
    const day date(serial);
    std::size_t bad_line = 0;
    std::pair<bucket_policy, std::vector<std::size_t>> buckets;
    std::vector<std::size_t> bucket_rows;
    std::optional<std::size_t> left_row;
    const auto snapshot_problem = [&](history_row& at, const input_error& error) {
      bad_line = at.line;
      result.problems.push_back({file, at.line, "bucket", error.id(),
                                 "snapshot " + format_date(date) + ": " + std::string(error.reason())});
      at.reported = true;
    };
    if (const auto bad = first_bad_line.find(serial); bad != first_bad_line.end()) {
      bad_line = bad->second;
    } else {
      std::vector<std::string> labels;
      for (std::size_t i = 0; i < rows.size() && bad_line == 0; ++i) {
        if (rows[i].label != "left oldest") {
          labels.push_back(rows[i].label);
          bucket_rows.push_back(i);
        } else if (left_row) {
          snapshot_problem(rows[i], input_error("huikuan.provision.9", "bucket \"left oldest\" is given twice"));
        } else {
          left_row = i;
        }
      }
      if (bad_line == 0) {
        try {
          buckets = detail::provision_buckets(labels);
        } catch (const input_error& error) {
          snapshot_problem(rows[bucket_rows.empty() ? 0 : bucket_rows.front()], error);
        }
      }
    }
    if (bad_line != 0) {
      for (const history_row& r : rows) {
        if (!r.reported)
          result.problems.push_back({file, r.line, "", "huikuan.provision.10",
                                     "left out with its snapshot " + format_date(date) + " (" + file + ":" +
                                         std::to_string(bad_line) + ")"});
        detail::count_left_out(summary, r.balance);
      }
      result.history.left_out.push_back(date);
      continue;
    }
    if (!defined_by) {
      defined_by = date;
      result.history.buckets = buckets.first;
    } else if (buckets.first.upper_edges != result.history.buckets.upper_edges) {
      throw input_error("huikuan.provision.5", file + ": snapshot " + format_date(date) + " has buckets " +
                                                   detail::edges_text(buckets.first.upper_edges) + " but snapshot " +
                                                   format_date(*defined_by) + " has " +
                                                   detail::edges_text(result.history.buckets.upper_edges),
                        "bucket");
    }
    aging_snapshot snapshot{date, std::vector<money>(bucket_rows.size()), money{}};
    for (std::size_t b = 0; b < bucket_rows.size(); ++b) snapshot.balances[buckets.second[b]] = *rows[bucket_rows[b]].balance;
    if (left_row) snapshot.left_oldest = *rows[*left_row].balance;
    for (const history_row& r : rows) {
      ++summary.rows_loaded;
      summary.amount_loaded += *r.balance;
    }
    result.history.snapshots.push_back(std::move(snapshot));
  }
  return result;
}

}  // namespace huikuan
