// IFRS 9 simplified approach for trade receivables: the lifetime expected
// credit loss (ECL) from a provision matrix (IFRS 9 5.5.15 and B5.5.35).
//
//   ECL of bucket k = balance of bucket k x loss rate of bucket k
//   ECL             = sum over the buckets
//
// The loss rates are given, or derived from historical aging snapshots by
// roll rates (the "migration" method), pooled over every pair of
// consecutive snapshots t, t+1:
//   roll rate k     = sum of B(k+1, t+1) / sum of B(k, t): the share of
//                     bucket k still unpaid one period later
//   roll rate into the oldest (open-ended) bucket: its inflow, which a
//                     snapshot does not show because old balances stay in
//                     it: B(last, t+1) - B(last, t) + what left it in the
//                     period (collected, credited or written off), over
//                     sum of B(last - 1, t)
//   loss rate k     = roll rate k x roll rate k+1 x ... x terminal loss rate
// where the terminal loss rate is the loss rate of the oldest bucket (by
// default 100%: what is that old is assumed lost). Snapshots should be one
// bucket width apart (month-end snapshots for 30-day buckets).
// A forward-looking adjustment scales every loss rate by (1 + adjustment),
// e.g. +10% when the outlook is worse than the history.
//
// Rounding, exact to the currency unit: a loss rate counts to nine
// decimals (it is rounded half up to a multiple of 1e-9 first, so a rate
// given as 0.03 is exactly 3%, not the double nearest to it); each bucket's
// ECL is balance x rate computed exactly in integers and rounded half up to
// the minor unit; the total ECL is the sum of the rounded buckets, so the
// matrix adds up.
//
// Snapshots are aged by days past due. aging_history.csv (long form; the
// labels are those of the aging report, e.g. "current", "1-30", "over 120"):
//   snapshot_date, bucket, balance        required
// One row per bucket per snapshot; every snapshot must list the same
// buckets. An optional row with the bucket "left oldest" gives what left
// the oldest bucket in the period ending on that snapshot (none without
// it). A row that cannot be used is reported with its line and leaves its
// whole snapshot out (a snapshot missing a bucket would roll wrongly); no
// roll is taken across a left-out snapshot.
//
// Errors (input_error):
//   [huikuan.provision.1] loss rates and buckets of different counts
//   [huikuan.provision.2] a loss rate outside [0, 1] (given, adjusted or derived)
//   [huikuan.provision.3] a forward-looking adjustment that is not a finite number > -100%
//   [huikuan.provision.4] fewer than two consecutive snapshots to roll
//   [huikuan.provision.5] snapshots with mismatched bucket definitions, or an
//                         aging whose buckets differ from the matrix's
//   [huikuan.provision.6] a bucket with no balance to roll from (its roll rate is undefined)
//   [huikuan.provision.7] a negative balance
//   [huikuan.provision.8] a bucket label that is not an aging label, or labels that do not cover every age once
//   [huikuan.provision.9] the same bucket twice in a snapshot, or snapshots out of date order
//   [huikuan.provision.10] a row left out because another row of its snapshot was
//   [huikuan.provision.11] an oldest bucket that shrank by more than what is recorded as leaving it
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/aging.hpp"
#include "huikuan/config.hpp"
#include "huikuan/date.hpp"
#include "huikuan/load.hpp"
#include "huikuan/money.hpp"

namespace huikuan {

/// Loss rates per aging bucket.
struct provision_matrix {
  bucket_policy buckets{};
  std::vector<double> loss_rates{};  ///< one per bucket, each in [0, 1]

  /// Throws what buckets.validate() throws, input_error [huikuan.provision.1]
  /// for a count other than buckets.bucket_count(), [huikuan.provision.2]
  /// for a rate outside [0, 1] or NaN, quoting the bucket. O(buckets).
  HUIKUAN_FUNC void validate() const;
};

/// The matrix with every loss rate multiplied by (1 + adjustment).
/// Throws input_error [huikuan.provision.3] for an adjustment that is not
/// finite or <= -1, [huikuan.provision.2] when an adjusted rate exceeds 1
/// (nothing is capped silently), and what validate() throws. O(buckets).
HUIKUAN_FUNC provision_matrix adjust_for_forward_looking(const provision_matrix& matrix, double adjustment);

/// The expected credit loss of `balance` at `loss_rate` (taken to nine
/// decimals): balance x rate rounded half up to the minor unit (1,000.00 at
/// 1.05% is 10.50; 0.50 at 3% is 0.02, the exact 0.015 rounded up). Throws
/// input_error [huikuan.provision.2] for a rate outside [0, 1],
/// [huikuan.provision.7] for a negative balance. O(1).
HUIKUAN_FUNC money expected_credit_loss(money balance, double loss_rate);

/// The provision for a set of bucket balances.
struct provision_result {
  provision_matrix matrix;
  std::vector<money> balances;       ///< per bucket
  std::vector<money> expected_loss;  ///< per bucket, rounded half up
  money total_balance;
  money total_expected_loss;  ///< sum of expected_loss
  /// total_expected_loss / total_balance for display (0 when nothing is owed).
  double coverage = 0;
};

/// Applies the matrix to bucket balances (minor units, one per bucket).
/// Throws what matrix.validate() throws, input_error [huikuan.provision.1]
/// for a count mismatch, [huikuan.provision.7] for a negative balance,
/// overflow_error [huikuan.money.5] when the total leaves int64. O(buckets).
HUIKUAN_FUNC provision_result apply_provision_matrix(const provision_matrix& matrix, std::span<const money> balances);

/// The provision for the portfolio total of an aging report. Throws
/// input_error [huikuan.provision.5] when the report's buckets (edges or
/// basis) differ from the matrix's, and what apply_provision_matrix throws.
HUIKUAN_FUNC provision_result provide_for(const aging_report& aging, const provision_matrix& matrix);

/// The portfolio's bucket balances on one date.
struct aging_snapshot {
  day date;
  std::vector<money> balances{};  ///< one per bucket, >= 0
  /// What left the oldest bucket in the period ending on `date` (collected,
  /// credited or written off), >= 0.
  money left_oldest{};
};

/// Aging snapshots over time, in date order, all with the same buckets (by
/// days past due). `left_out` holds the dates of snapshots that could not be
/// used: no roll is taken across them.
struct aging_history {
  bucket_policy buckets{};
  std::vector<aging_snapshot> snapshots{};
  std::vector<day> left_out{};
};

/// Roll rates and the loss rates they give, with the pooled figures.
struct roll_rate_analysis {
  /// Per bucket k < last: the pooled balance of bucket k at the first
  /// snapshot of each pair, what rolled into bucket k+1 by the next (what
  /// it held, or for the oldest bucket its inflow), and their quotient.
  std::vector<money_total> rolled_from{};
  std::vector<money_total> rolled_into{};
  std::vector<double> roll_rates{};
  double terminal_loss_rate = 1.0;
  std::size_t pairs = 0;  ///< consecutive snapshot pairs used
  /// The buckets and the derived loss rates.
  provision_matrix matrix{};
};

/// Derives loss rates from the history by roll rates (see the file
/// comment). Throws input_error [huikuan.provision.2] for a terminal loss
/// rate outside [0, 1] or a derived rate above 1, [huikuan.provision.4]
/// for fewer than one pair of consecutive snapshots, [huikuan.provision.5]
/// for a snapshot with a different number of balances,
/// [huikuan.provision.6] when a bucket holds nothing in every snapshot it
/// would roll from, [huikuan.provision.7] for a negative balance,
/// [huikuan.provision.9] for dates not strictly increasing,
/// [huikuan.provision.11] when the oldest bucket shrank by more than what
/// left it. O(snapshots x buckets).
HUIKUAN_FUNC roll_rate_analysis derive_loss_rates(const aging_history& history, double terminal_loss_rate = 1.0);

/// The bucket edges that a list of aging labels ("current", "<= 15",
/// "1-30", "-9..0", "over 120", as bucket_policy::labels() writes them)
/// describe, in any order, by days past due. Throws input_error
/// [huikuan.provision.8] for a label of another form or labels that leave a
/// gap, overlap or do not reach both ends, [huikuan.provision.9] for a
/// label given twice. O(labels log labels).
HUIKUAN_FUNC bucket_policy buckets_from_labels(std::span<const std::string> labels);

/// aging_history.csv with what was left out of it.
struct aging_history_load_result {
  aging_history history;
  std::vector<load_problem> problems;
  file_summary summary;
};

/// Reads aging_history.csv text (long form, see the file comment; the
/// bucket "left oldest" sets aging_snapshot::left_oldest). Row problems (a
/// bad date, balance or label, a bucket twice) leave the row's snapshot
/// out, each of its rows reported. `file` names the file in
/// problems. Throws input_error [huikuan.load.2] / [huikuan.load.3] for a
/// missing or doubled column, [huikuan.provision.5] when usable snapshots
/// have different buckets (naming both dates). O(rows log rows).
HUIKUAN_FUNC aging_history_load_result load_aging_history(std::string_view text,
                                                          std::string file = "aging_history.csv");

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/provision-inl.hpp"
#endif
