// Definitions for aging.hpp.
#pragma once

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

#include "huikuan/aging.hpp"
#include "huikuan/detail/parallel.hpp"

namespace huikuan {

namespace detail {
inline std::string edges_text(const std::vector<std::int32_t>& edges) {
  std::string text = "{";
  for (std::size_t i = 0; i < edges.size(); ++i) text += (i ? ", " : "") + std::to_string(edges[i]);
  return text + "}";
}
}  // namespace detail

HUIKUAN_FUNC void bucket_policy::validate() const {
  const auto bad = [&](const std::string& why) {
    return input_error("huikuan.aging.1", "bucket edges " + detail::edges_text(upper_edges) + " " + why, "buckets");
  };
  if (upper_edges.empty() || upper_edges.size() > 31) throw bad("must number 1 to 31");
  for (std::size_t i = 0; i < upper_edges.size(); ++i) {
    if (upper_edges[i] < -36500 || upper_edges[i] > 36500) throw bad("must lie within -36500..36500 days");
    if (i > 0 && upper_edges[i] <= upper_edges[i - 1]) throw bad("must be strictly increasing");
  }
}

HUIKUAN_FUNC std::vector<std::string> bucket_policy::labels() const {
  std::vector<std::string> result;
  result.reserve(bucket_count());
  if (upper_edges.front() == 0 && basis == aging_basis::days_past_due)
    result.emplace_back("current");
  else
    result.push_back("<= " + std::to_string(upper_edges.front()));
  for (std::size_t i = 1; i < upper_edges.size(); ++i) {
    // "1-30", but "-9..0" where a bound is negative and a dash would be ambiguous.
    const std::int32_t from = upper_edges[i - 1] + 1, to = upper_edges[i];
    result.push_back(std::to_string(from) + (from < 0 || to < 0 ? ".." : "-") + std::to_string(to));
  }
  result.push_back("over " + std::to_string(upper_edges.back()));
  return result;
}

HUIKUAN_FUNC std::size_t bucket_policy::bucket_of(std::int32_t age_days) const noexcept {
  return static_cast<std::size_t>(std::lower_bound(upper_edges.begin(), upper_edges.end(), age_days) -
                                  upper_edges.begin());
}

namespace detail {

/// Rows the aging kernel prepares at a time. The next block is prepared
/// before the current one is added and its output cells are prefetched
/// meanwhile, so on rows in random group order the misses of a block
/// overlap. 64, 128 and 256 measured alike, 512 slower (benchmarks/README.md).
inline constexpr std::size_t aging_block_rows = 128;

[[noreturn]] inline void throw_aging_group_out_of_range(std::size_t row, std::uint32_t group, std::size_t groups) {
  throw input_error("huikuan.aging.3", "row " + std::to_string(row) + ": group " + std::to_string(group) +
                                           " is out of range (groups: " + std::to_string(groups) + ")");
}

/// The loop of age_into_buckets for policies of at most `Slots` edges, with
/// cell indices of type `Offset`. Returns whether a bucket overflowed, and
/// widens [lowest, highest] to every group of the rows it added.
///
/// A row's bucket is the number of edges below its age, and
/// "as_of - reference > edge" is "reference < as_of - edge": per block, one
/// pass of int32 comparisons against fixed limits that the compiler
/// vectorises, instead of a clamp and a table lookup per row. The pass also
/// finds the block's largest group, so the add loop needs no bounds test.
/// The adds then run strictly in row order, which keeps the overflow test
/// the same as adding row by row.
/// `first_row` is the number of rows[0] in the caller's columns, for the
/// error naming a bad row.
template <std::size_t Slots, typename Offset>
bool age_blocks(const aging_columns& rows, std::int32_t as_of, const bucket_policy& policy, std::size_t groups,
                std::int64_t* cells, std::size_t first_row, std::uint32_t& lowest, std::uint32_t& highest) {
  constexpr std::int32_t int32_min = std::numeric_limits<std::int32_t>::min();
  constexpr std::int32_t int32_max = std::numeric_limits<std::int32_t>::max();
  // A limit beyond the int32 range holds for every day (counted in `base`)
  // or for none (left out); spare slots hold INT32_MIN, which no day is below.
  std::int32_t limit[Slots];
  Offset base = 0;
  std::size_t used = 0;
  for (const std::int32_t edge : policy.upper_edges) {
    const std::int64_t below = std::int64_t{as_of} - edge;
    if (below > int32_max)
      ++base;
    else if (below > int32_min)
      limit[used++] = static_cast<std::int32_t>(below);
  }
  std::fill(limit + used, limit + Slots, int32_min);

  const std::size_t n = rows.open_amount.size();
  const auto width = static_cast<Offset>(policy.bucket_count());
  const std::int32_t* const reference =
      policy.basis == aging_basis::days_past_due ? rows.due_day.data() : rows.issue_day.data();
  const std::int32_t* const issued = rows.issue_day.data();
  const std::uint32_t* const group = rows.group.data();
  const std::int64_t* const amount = rows.open_amount.data();

  // Cell index of each row of a block; false if a group is out of range,
  // when the block's indices are not all usable.
  const auto prepare = [&](std::size_t start, std::size_t count, Offset* offset) {
    std::uint32_t top = 0, bottom = std::numeric_limits<std::uint32_t>::max();
    for (std::size_t k = 0; k < count; ++k) {
      const std::uint32_t g = group[start + k];
      const std::int32_t reference_day = reference[start + k];
      top = std::max(top, g);
      bottom = std::min(bottom, g);
      Offset bucket = base;
      for (std::size_t e = 0; e < Slots; ++e) bucket += static_cast<Offset>(reference_day < limit[e]);
      offset[k] = static_cast<Offset>(static_cast<Offset>(g) * width + bucket);
    }
    if (top >= groups) return false;
    lowest = std::min(lowest, bottom);
    highest = std::max(highest, top);
    return true;
  };
  // Invoices issued after as_of add 0 (as-of reproducibility).
  const auto add = [&](std::size_t start, std::size_t count, const Offset* offset, const Offset* ahead) {
    bool overflow = false;
    for (std::size_t k = 0; k < count; ++k) {
      __builtin_prefetch(cells + ahead[k], 1, 1);
      const std::int64_t value = issued[start + k] <= as_of ? amount[start + k] : 0;
      std::int64_t& cell = cells[offset[k]];
      if (__builtin_add_overflow(cell, value, &cell)) [[unlikely]]
        overflow = true;
    }
    return overflow;
  };

  alignas(64) Offset offset[2][aging_block_rows];
  bool overflow = false;
  std::size_t current = 0;
  std::size_t start = 0;
  std::size_t count = std::min(aging_block_rows, n);
  bool usable = count > 0 && prepare(start, count, offset[current]);
  while (count > 0) {
    const std::size_t next = current ^ 1;
    const std::size_t next_start = start + count;
    const std::size_t next_count = std::min(aging_block_rows, n - next_start);
    const bool next_usable = next_count > 0 && prepare(next_start, next_count, offset[next]);
    if (!usable) [[unlikely]] {
      // As row by row: the rows before the first bad one are added.
      std::size_t bad = 0;
      while (group[start + bad] < groups) ++bad;
      add(start, bad, offset[current], offset[current]);
      throw_aging_group_out_of_range(first_row + start + bad, group[start + bad], groups);
    }
    // Without a full usable block ahead, the prefetches repeat this block's cells.
    const Offset* const ahead = next_usable && next_count == count ? offset[next] : offset[current];
    overflow |= add(start, count, offset[current], ahead);
    current = next;
    start = next_start;
    count = next_count;
    usable = next_usable;
  }
  return overflow;
}

}  // namespace detail

namespace detail {

/// Checks the kernel's arguments: throws what age_into_buckets documents for
/// them.
inline void check_aging_arguments(const aging_columns& rows, const bucket_policy& policy, std::size_t groups,
                                  std::size_t out_size) {
  policy.validate();  // at most 31 edges: negligible next to the rows
  const std::size_t n = rows.open_amount.size();
  const std::size_t width = policy.bucket_count();
  if (rows.group.size() != n || rows.issue_day.size() != n || rows.due_day.size() != n)
    throw input_error("huikuan.aging.2", "aging columns differ in length: group " + std::to_string(rows.group.size()) +
                                             ", issue_day " + std::to_string(rows.issue_day.size()) + ", due_day " +
                                             std::to_string(rows.due_day.size()) + ", open_amount " +
                                             std::to_string(n));
  if (out_size != groups * width)
    throw input_error("huikuan.aging.2", "output holds " + std::to_string(out_size) + " cells; " +
                                             std::to_string(groups) + " groups x " + std::to_string(width) +
                                             " buckets need " + std::to_string(groups * width));
}

[[noreturn]] inline void throw_aging_overflow() {
  throw overflow_error("huikuan.money.5", "an aging bucket's sum leaves the int64 range of minor units");
}

/// The groups a call of the kernel added rows to: [lowest, highest], empty
/// when lowest > highest.
struct group_range {
  std::uint32_t lowest = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t highest = 0;
};

/// The kernel on checked arguments, rows numbered from `first_row` in errors.
inline group_range age_checked_rows(const aging_columns& rows, std::int32_t as_of, const bucket_policy& policy,
                                    std::size_t groups, std::span<std::int64_t> out, std::size_t first_row) {
  bool overflow = false;
  group_range range;
  if (out.size() > std::numeric_limits<std::uint32_t>::max())
    overflow = age_blocks<32, std::size_t>(rows, as_of, policy, groups, out.data(), first_row, range.lowest,
                                           range.highest);
  else if (policy.upper_edges.size() <= 8)
    overflow = age_blocks<8, std::uint32_t>(rows, as_of, policy, groups, out.data(), first_row, range.lowest,
                                            range.highest);
  else
    overflow = age_blocks<32, std::uint32_t>(rows, as_of, policy, groups, out.data(), first_row, range.lowest,
                                             range.highest);
  if (overflow) throw_aging_overflow();
  return range;
}

/// Rows [begin, end) of `rows`.
inline aging_columns aging_rows_between(const aging_columns& rows, std::size_t begin, std::size_t end) {
  const std::size_t count = end - begin;
  return {rows.group.subspan(begin, count), rows.issue_day.subspan(begin, count), rows.due_day.subspan(begin, count),
          rows.open_amount.subspan(begin, count)};
}

}  // namespace detail

HUIKUAN_FUNC void age_into_buckets(const aging_columns& rows, day as_of, const bucket_policy& policy,
                                   std::size_t groups, std::span<std::int64_t> out) {
  detail::check_aging_arguments(rows, policy, groups, out.size());
  detail::age_checked_rows(rows, as_of.serial(), policy, groups, out, 0);
}

HUIKUAN_FUNC void age_into_buckets(const aging_columns& rows, day as_of, const bucket_policy& policy,
                                   std::size_t groups, std::span<std::int64_t> out, unsigned threads,
                                   aging_workspace& workspace, std::size_t min_rows_per_thread) {
  detail::check_aging_arguments(rows, policy, groups, out.size());
  const std::size_t n = rows.open_amount.size();
  const std::size_t cells = out.size();
  // Each extra thread costs a pass over the cells (zeroing and merging its
  // table), about what adding half as many rows costs (benchmarks/README.md).
  const std::size_t most_by_rows = n / std::max<std::size_t>(1, min_rows_per_thread);
  const std::size_t workers = 2 * n < cells ? 1 : std::clamp<std::size_t>(most_by_rows, 1, std::max(1u, threads));
  if (workers == 1) {
    detail::age_checked_rows(rows, as_of.serial(), policy, groups, out, 0);
    return;
  }
  if (workspace.size_ < (workers - 1) * cells) {
    // Not zeroed here: each thread zeroes its own table below, so the new
    // pages are first touched in parallel.
    workspace.cells_.reset();
    workspace.size_ = 0;
    workspace.cells_ = std::make_unique_for_overwrite<std::int64_t[]>((workers - 1) * cells);
    workspace.size_ = (workers - 1) * cells;
    workspace.zeroed_ = 0;
  }
  const auto table = [&](std::size_t w) {
    return w == 0 ? out : std::span<std::int64_t>(workspace.cells_.get() + (w - 1) * cells, cells);
  };
  // Part w's share [begin, end) of `total` rows or cells; the last part takes the remainder.
  const auto share = [&](std::size_t total, std::size_t w) {
    return std::pair{total / workers * w, w + 1 == workers ? total : total / workers * (w + 1)};
  };
  // Tables the last call left zeroed need no zeroing now.
  const std::size_t zeroed = std::min(workspace.zeroed_, workspace.size_);
  workspace.zeroed_ = 0;
  // Contiguous row ranges: the lowest range's error is the first bad row's.
  // Each part notes the groups its rows added to: only their cells of its
  // table need merging (rows sorted by customer touch a slice of them).
  std::vector<detail::group_range> touched(workers);
  const std::size_t width = policy.bucket_count();
  detail::run_parts(workers, [&](std::size_t w) {
    const auto [begin, end] = share(n, w);
    const std::span<std::int64_t> cells_of_w = table(w);
    if (w > 0 && w * cells > zeroed) std::fill(cells_of_w.begin(), cells_of_w.end(), 0);
    touched[w] = detail::age_checked_rows(detail::aging_rows_between(rows, begin, end), as_of.serial(), policy, groups,
                                          cells_of_w, begin);
  });
  // Each part adds every table's touched cells within its slice of the
  // cells into out and zeroes them, which leaves the tables all zero, ready
  // for the next call.
  detail::run_parts(workers, [&](std::size_t w) {
    const auto [slice_begin, slice_end] = share(cells, w);
    std::int64_t* const into = out.data();
    std::int64_t overflow = 0;  // negative once a sum has overflowed
    for (std::size_t t = 1; t < workers; ++t) {
      if (touched[t].lowest > touched[t].highest) continue;
      const std::size_t begin = std::max(slice_begin, std::size_t{touched[t].lowest} * width);
      const std::size_t end = std::min(slice_end, (std::size_t{touched[t].highest} + 1) * width);
      std::int64_t* const from = table(t).data();
      for (std::size_t i = begin; i < end; ++i) {
        // Two's complement sum; it overflowed when its sign differs from both addends'.
        const auto sum =
            static_cast<std::int64_t>(static_cast<std::uint64_t>(into[i]) + static_cast<std::uint64_t>(from[i]));
        overflow |= (into[i] ^ sum) & (from[i] ^ sum);
        into[i] = sum;
        from[i] = 0;
      }
    }
    if (overflow < 0) detail::throw_aging_overflow();
  });
  workspace.zeroed_ = (workers - 1) * cells;
}

namespace detail {
struct grouping_map {
  std::vector<std::uint32_t> invoice_group;   // empty: the customer column is used directly
  std::vector<std::uint32_t> customer_group;  // group of each customer (for unapplied credit)
  std::vector<std::string> keys;
};

inline grouping_map make_grouping(const ledger& book, aging_grouping grouping) {
  grouping_map map;
  const std::size_t customers = book.customer_count();
  const std::size_t invoices = book.invoice_count();
  map.customer_group.resize(customers);
  if (grouping == aging_grouping::customer) {
    for (std::size_t c = 0; c < customers; ++c) {
      map.customer_group[c] = static_cast<std::uint32_t>(c);
      map.keys.push_back(book.customers()[c].id);
    }
  } else if (grouping == aging_grouping::portfolio) {
    map.invoice_group.assign(invoices, 0);
    map.keys.emplace_back("portfolio");
  } else {
    std::map<std::string, std::uint32_t> reps;
    for (std::size_t c = 0; c < customers; ++c) reps.emplace(book.customers()[c].sales_rep, 0);
    for (std::size_t i = 0; i < invoices; ++i) reps.emplace(book.invoice_sales_rep(i), 0);
    for (auto& [name, index] : reps) {
      index = static_cast<std::uint32_t>(map.keys.size());
      map.keys.push_back(name);
    }
    for (std::size_t c = 0; c < customers; ++c) map.customer_group[c] = reps.at(book.customers()[c].sales_rep);
    map.invoice_group.resize(invoices);
    for (std::size_t i = 0; i < invoices; ++i) map.invoice_group[i] = reps.at(book.invoice_sales_rep(i));
  }
  return map;
}
}  // namespace detail

HUIKUAN_FUNC aging_report age_receivables(const ledger& book, const receivables_position& position,
                                          const bucket_policy& policy, aging_grouping grouping,
                                          const escalation_ladder& ladder) {
  policy.validate();
  ladder.validate();
  const invoice_columns inv = book.invoices();
  if (position.open_amount.size() != inv.amount.size() || position.unapplied.size() != book.customer_count())
    throw input_error("huikuan.aging.4", "the position does not belong to this ledger (" +
                                             std::to_string(position.open_amount.size()) + " invoices, " +
                                             std::to_string(position.unapplied.size()) + " customers; the ledger has " +
                                             std::to_string(inv.amount.size()) + " and " +
                                             std::to_string(book.customer_count()) + ")");
  const detail::grouping_map map = detail::make_grouping(book, grouping);
  const std::span<const std::uint32_t> group =
      map.invoice_group.empty() ? inv.customer : std::span<const std::uint32_t>(map.invoice_group);
  const std::size_t groups = map.keys.size();
  const std::size_t width = policy.bucket_count();

  std::vector<std::int64_t> cells(groups * width, 0);
  age_into_buckets({group, inv.issue_day, inv.due_day, position.open_amount}, position.as_of, policy, groups, cells);

  // Per-group statistics that the kernel does not need.
  struct group_stats {
    std::int64_t open = 0, overdue = 0, unapplied = 0;
    detail::int128 weighted_days = 0;  // sum of amount x days past due over overdue items, exact
    std::uint32_t open_invoices = 0;
    std::optional<std::int32_t> oldest;
  };
  std::vector<group_stats> stats(groups);
  const std::int32_t as_of_day = position.as_of.serial();
  for (std::size_t i = 0; i < inv.amount.size(); ++i) {
    const std::int64_t open = position.open_amount[i];
    if (open == 0) continue;
    group_stats& s = stats[group[i]];
    const std::int32_t past_due = as_of_day - inv.due_day[i];
    s.open = detail::checked_add(s.open, open);
    ++s.open_invoices;
    if (!s.oldest || past_due > *s.oldest) s.oldest = past_due;
    if (past_due > 0) {
      s.overdue = detail::checked_add(s.overdue, open);
      s.weighted_days += static_cast<detail::int128>(open) * past_due;
    }
  }
  for (std::size_t c = 0; c < book.customer_count(); ++c) {
    group_stats& s = stats[map.customer_group[c]];
    s.unapplied = detail::checked_add(s.unapplied, position.unapplied[c]);
  }

  aging_report report;
  report.as_of = position.as_of;
  report.policy = policy;
  report.grouping = grouping;
  report.ladder = ladder;
  report.total.key = "total";
  report.total_buckets.assign(width, 0);
  group_stats total;
  for (std::size_t g = 0; g < groups; ++g) {
    const group_stats& s = stats[g];
    for (std::size_t b = 0; b < width; ++b)
      report.total_buckets[b] = detail::checked_add(report.total_buckets[b], cells[g * width + b]);
    total.open = detail::checked_add(total.open, s.open);
    total.overdue = detail::checked_add(total.overdue, s.overdue);
    total.unapplied = detail::checked_add(total.unapplied, s.unapplied);
    total.weighted_days += s.weighted_days;
    total.open_invoices += s.open_invoices;
    if (s.oldest && (!total.oldest || *s.oldest > *total.oldest)) total.oldest = s.oldest;
    // Rows only for customers or reps with something open or on account, so
    // rows added after as_of never add empty rows to an as-of report.
    if (grouping != aging_grouping::portfolio && s.open == 0 && s.unapplied == 0) continue;

    aging_row row;
    row.key = map.keys[g];
    if (grouping == aging_grouping::customer) {
      row.name = book.customers()[g].name;
      row.sales_rep = book.customers()[g].sales_rep;
    }
    report.rows.push_back(std::move(row));
    report.buckets.insert(report.buckets.end(), cells.begin() + static_cast<std::ptrdiff_t>(g * width),
                          cells.begin() + static_cast<std::ptrdiff_t>((g + 1) * width));
    aging_row& added = report.rows.back();
    added.open = money::from_minor_units(s.open);
    added.unapplied = money::from_minor_units(s.unapplied);
    added.net = added.open - added.unapplied;
    added.overdue = money::from_minor_units(s.overdue);
    added.open_invoices = s.open_invoices;
    added.oldest_days_past_due = s.oldest;
    added.weighted_days_past_due =
        s.overdue > 0 ? static_cast<double>(s.weighted_days) / static_cast<double>(s.overdue) : 0.0;
    added.stage = s.oldest ? ladder.stage_for(*s.oldest) : 0;
  }
  report.total.open = money::from_minor_units(total.open);
  report.total.unapplied = money::from_minor_units(total.unapplied);
  report.total.net = report.total.open - report.total.unapplied;
  report.total.overdue = money::from_minor_units(total.overdue);
  report.total.open_invoices = total.open_invoices;
  report.total.oldest_days_past_due = total.oldest;
  report.total.weighted_days_past_due =
      total.overdue > 0 ? static_cast<double>(total.weighted_days) / static_cast<double>(total.overdue) : 0.0;
  report.total.stage = total.oldest ? ladder.stage_for(*total.oldest) : 0;
  return report;
}

HUIKUAN_FUNC std::vector<std::size_t> invoice_stages(const ledger& book, const receivables_position& position,
                                                     const escalation_ladder& ladder) {
  ladder.validate();
  const invoice_columns inv = book.invoices();
  std::vector<std::size_t> stages(inv.amount.size(), 0);
  for (std::size_t i = 0; i < inv.amount.size(); ++i)
    if (position.open_amount.at(i) > 0) stages[i] = ladder.stage_for(position.as_of.serial() - inv.due_day[i]);
  return stages;
}

}  // namespace huikuan
