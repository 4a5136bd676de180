// Aging: open receivables sorted into buckets by age, per customer, per
// sales rep, or for the whole portfolio.
//
// Buckets are defined by increasing upper edges e0 < e1 < ... < e(k-1) in
// days: bucket 0 holds ages <= e0, bucket j holds e(j-1) < age <= e(j), and
// the last bucket holds ages > e(k-1). The age is days past due
// (as_of - due date, the default) or days since invoice (as_of - issue date).
// The default edges {0, 30, 60, 90, 120} give: current (not yet due, or due
// on as_of), 1-30, 31-60, 61-90, 91-120, over 120.
//
// Invariant, tested on generated ledgers: for every row the buckets sum
// exactly, to the minor unit, to the row's open balance.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "huikuan/allocation.hpp"
#include "huikuan/config.hpp"
#include "huikuan/date.hpp"
#include "huikuan/escalation.hpp"
#include "huikuan/ledger.hpp"

namespace huikuan {

enum class aging_basis : std::uint8_t { days_past_due, days_since_invoice };

/// Bucket edges and the age they measure.
struct bucket_policy {
  std::vector<std::int32_t> upper_edges{0, 30, 60, 90, 120};
  aging_basis basis = aging_basis::days_past_due;

  /// Number of buckets (edges + 1).
  [[nodiscard]] std::size_t bucket_count() const noexcept { return upper_edges.size() + 1; }
  /// Labels: "current" for bucket 0 when it is "<= 0 days past due",
  /// otherwise "<= e0"; then "a-b" ranges and "over e(k-1)".
  [[nodiscard]] HUIKUAN_FUNC std::vector<std::string> labels() const;
  /// Checks 1..31 strictly increasing edges within -36500..36500. Throws
  /// input_error [huikuan.aging.1] quoting the edges.
  HUIKUAN_FUNC void validate() const;
  /// The bucket an age in days falls into.
  [[nodiscard]] HUIKUAN_FUNC std::size_t bucket_of(std::int32_t age_days) const noexcept;
};

/// Bulk input to the aging kernel: parallel columns, one row per invoice.
/// `group` is the row of the output the invoice adds to (a customer index,
/// a rep index, or 0 for a portfolio total). Days are serial day numbers.
struct aging_columns {
  std::span<const std::uint32_t> group;
  std::span<const std::int32_t> issue_day;
  std::span<const std::int32_t> due_day;
  std::span<const std::int64_t> open_amount;  ///< minor units as of as_of
};

/// The aging kernel. Adds each invoice's open amount into
/// `out[group * bucket_count + bucket]` (row-major, `groups` rows; the
/// caller zeroes `out` first, or accumulates). Invoices issued after as_of
/// and zero amounts are skipped. No allocation; O(rows + groups).
/// Throws what policy.validate() throws, input_error [huikuan.aging.2] for columns of different lengths
/// or an `out` of the wrong size, [huikuan.aging.3] for a group index out of
/// range (out is then partly filled), overflow_error [huikuan.money.5] when
/// a bucket's sum leaves the int64 range; the policy must be valid.
HUIKUAN_FUNC void age_into_buckets(const aging_columns& rows, day as_of, const bucket_policy& policy,
                                   std::size_t groups, std::span<std::int64_t> out);

class aging_workspace;

/// Rows below which a further thread does not pay for itself in the
/// threaded age_into_buckets (its start and the merge of its table).
inline constexpr std::size_t aging_rows_per_thread = std::size_t{1} << 16;

/// The aging kernel on `threads` threads (the calling thread and threads - 1
/// new ones; 0 counts as 1). The rows are split into contiguous ranges, one
/// per thread: the first range is added into `out`, each other into its own
/// table in `workspace`, and the tables are then added into `out`, every
/// thread adding a slice of the cells (of each table, only the cells of the
/// groups its rows touched: few when the rows are sorted by group). The sums
/// are exact integers, so `out` ends as with one thread. Fewer threads are
/// used when each would get fewer than `min_rows_per_thread` rows, and one
/// when the rows number fewer than half the cells (groups x buckets), where
/// the extra tables cost more than the threads save; on one thread
/// `workspace` is not touched. The calling thread does the part of a thread
/// that cannot be started.
/// Throws what the one-thread kernel throws; for groups out of range, the
/// error names the first bad row, as with one thread. The overflow check
/// sees each thread's partial sums and then their total, so in the rare case
/// that rows of opposite signs bring a sum back inside the int64 range it may
/// throw [huikuan.money.5] where one thread would not (and never fails to
/// throw where one thread would on rows of one sign). On a throw `out` is
/// partly filled. Allocates only when `workspace` is too small.
HUIKUAN_FUNC void age_into_buckets(const aging_columns& rows, day as_of, const bucket_policy& policy,
                                   std::size_t groups, std::span<std::int64_t> out, unsigned threads,
                                   aging_workspace& workspace, std::size_t min_rows_per_thread = aging_rows_per_thread);

/// Scratch memory for age_into_buckets on several threads: one table of
/// groups x buckets int64 cells for each thread after the first (48 MB per
/// extra thread for 1M customers and six buckets). It is kept between calls
/// and grown when a call needs more, so repeated calls neither allocate nor
/// pay the operating system for fresh pages; a call leaves its tables zeroed
/// (the merge zeroes what it reads), so the next call need not zero them.
/// Use one workspace per calling thread: a call must not share it with a
/// concurrent call.
class aging_workspace {
public:
  aging_workspace() = default;
  /// Bytes of scratch held now.
  [[nodiscard]] std::size_t bytes() const noexcept { return size_ * sizeof(std::int64_t); }
  /// Gives the scratch back to the system.
  void release() noexcept {
    cells_.reset();
    size_ = 0;
    zeroed_ = 0;
  }

private:
  friend void age_into_buckets(const aging_columns& rows, day as_of, const bucket_policy& policy, std::size_t groups,
                               std::span<std::int64_t> out, unsigned threads, aging_workspace& workspace,
                               std::size_t min_rows_per_thread);
  std::unique_ptr<std::int64_t[]> cells_;
  std::size_t size_ = 0;    // cells held
  std::size_t zeroed_ = 0;  // leading cells known to be zero (the last call's tables, after its merge)
};

enum class aging_grouping : std::uint8_t { customer, sales_rep, portfolio };

/// One row of an aging report.
struct aging_row {
  std::string key;   ///< customer id, sales rep, or "portfolio"
  std::string name;  ///< customer name (empty for other groupings)
  std::string sales_rep;
  money open;                 ///< gross open invoices = sum of the buckets
  money unapplied;            ///< unapplied credit on account
  money net;                  ///< open - unapplied
  money overdue;              ///< open amount with days past due > 0
  std::uint32_t open_invoices = 0;
  /// Days past due of the oldest open item; nullopt without open items.
  std::optional<std::int32_t> oldest_days_past_due;
  /// Amount-weighted days past due over overdue open items (0 if none).
  double weighted_days_past_due = 0.0;
  /// Ladder stage of the oldest open item (stage 0 without open items).
  std::size_t stage = 0;
};

/// An aging report as of a date.
struct aging_report {
  day as_of;
  bucket_policy policy;
  aging_grouping grouping = aging_grouping::customer;
  escalation_ladder ladder;
  std::vector<aging_row> rows;
  std::vector<std::int64_t> buckets;  ///< rows x bucket_count, minor units
  aging_row total;
  std::vector<std::int64_t> total_buckets;

  [[nodiscard]] money bucket(std::size_t row, std::size_t b) const {
    return money::from_minor_units(buckets.at(row * policy.bucket_count() + b));
  }
};

/// Builds an aging report from an allocated position. Rows are ordered by
/// customer (ledger order) or rep (byte order of the name); customers or
/// reps without open items or unapplied credit get no row (the portfolio
/// always has one). Throws what validate() and the kernel throw.
HUIKUAN_FUNC aging_report age_receivables(const ledger& book, const receivables_position& position,
                                          const bucket_policy& policy = {},
                                          aging_grouping grouping = aging_grouping::customer,
                                          const escalation_ladder& ladder = escalation_ladder::standard());

/// The escalation stage of every open invoice as of the position's date
/// (index into the ladder's stages; not-issued and settled invoices get 0).
HUIKUAN_FUNC std::vector<std::size_t> invoice_stages(const ledger& book, const receivables_position& position,
                                                     const escalation_ladder& ladder = escalation_ladder::standard());

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/aging-inl.hpp"
#endif
