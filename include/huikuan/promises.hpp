// Promises to pay (承诺付款): a customer's dated commitment to pay one
// amount on one date, or instalments, followed up against the ledger's
// payments. As SAP FSCM does, a promise is kept, partially kept or broken
// once its tolerance days have passed; until then it is pending.
//
// How cash meets promises: each cleared payment dated on or before as_of
// is applied, in payment-date order, to the customer's promised
// instalments that are still unpaid, earliest due date first, counting only
// promises made on or before the payment's date. Cash dated on or before an
// instalment's deadline (due date + tolerance days) counts toward keeping
// it, including payment before the due date; cash after the deadline is
// recorded as paid late and does not mend the instalment. Cash beyond every
// eligible instalment is the customer's cash beyond promises (an
// overpayment never spills into a promise made later). Bounced payments
// count for nothing.
//
//   promise_list promises(book);
//   promises.add({"P1", "C0007", parse_date("2026-11-02"),
//                 {{parse_date("2026-11-10"), parse_money("50000")}}, 3});
//   const promise_report report = evaluate_promises(book, promises, parse_date("2026-11-20"));
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/config.hpp"
#include "huikuan/date.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/load.hpp"
#include "huikuan/money.hpp"

namespace huikuan {

/// One promised payment: an amount due on a date.
struct promise_instalment {
  day due_date;
  money amount;  ///< > 0
};

/// A promise to pay, as recorded by the collector.
struct promise_to_pay {
  std::string id;
  std::string customer_id;
  day promised_on;                               ///< the day the promise was made
  std::vector<promise_instalment> instalments;  ///< strictly increasing due dates
  std::int32_t tolerance_days = 0;               ///< grace after each due date, >= 0
  std::string note{};
};

/// Validated promises of one ledger's customers.
class promise_list {
public:
  /// An empty list for the customers of `book` (which must outlive it).
  explicit promise_list(const ledger& book) : book_(&book) {}

  /// Adds a promise. Throws input_error with the field at fault:
  /// [huikuan.promise.1] empty or duplicate id (promise_id),
  /// [huikuan.promise.2] unknown customer (customer_id),
  /// [huikuan.promise.3] no instalments (due_date),
  /// [huikuan.promise.4] an instalment due on or before the previous one (due_date),
  /// [huikuan.promise.5] an amount that is not positive (amount),
  /// [huikuan.promise.6] negative tolerance days (tolerance_days),
  /// [huikuan.promise.7] an instalment due before the promise was made (due_date).
  HUIKUAN_FUNC void add(promise_to_pay promise);

  [[nodiscard]] std::size_t size() const noexcept { return promises_.size(); }
  [[nodiscard]] const promise_to_pay& at(std::size_t i) const { return promises_.at(i); }
  [[nodiscard]] std::span<const promise_to_pay> promises() const noexcept { return promises_; }
  /// The ledger customer of promise i.
  [[nodiscard]] customer_index customer_of(std::size_t i) const { return customers_.at(i); }
  [[nodiscard]] const ledger& book() const noexcept { return *book_; }

private:
  const ledger* book_;
  std::vector<promise_to_pay> promises_;
  std::vector<customer_index> customers_;
  detail::id_map ids_;
};

enum class promise_status : std::uint8_t { pending, kept, partially_kept, broken };

/// "pending", "kept", "partially kept", "broken".
HUIKUAN_FUNC std::string_view to_string(promise_status status) noexcept;

/// One instalment as of the evaluation date.
struct instalment_result {
  std::uint32_t promise = 0;      ///< index in the promise list
  std::uint32_t instalment = 0;   ///< index within the promise
  day due_date;
  day deadline;                   ///< due date + tolerance days
  money amount;
  money paid_by_deadline;         ///< cash applied on or before the deadline (<= amount)
  money paid_late;                ///< cash applied after the deadline
  promise_status status = promise_status::pending;
};

/// One promise as of the evaluation date.
struct promise_result {
  promise_status status = promise_status::pending;
  money promised;                 ///< sum of the instalments
  money paid_by_deadline;
  money paid_late;
  /// Remaining amount and due date of the first pending instalment
  /// (zero amount and the last due date when none is pending).
  money next_amount;
  day next_due_date;
  std::uint32_t first_instalment = 0;  ///< its instalments in promise_report::instalments
  std::uint32_t instalment_count = 0;
};

/// Promise figures of one customer.
struct customer_promise_summary {
  /// Kept share of resolved instalments due within the window (or later):
  /// sum of min(paid by deadline, amount) / sum of amounts. NaN when none.
  double kept_ratio = 0;
  /// Promises broken or partially kept whose first failed deadline falls in the window.
  std::uint32_t broken_in_window = 0;
  /// Unpaid amount of pending instalments due on or before as_of + horizon
  /// (promises falling due, or in their grace days).
  money falling_due;
  /// Due date of the earliest such instalment (valid when falling_due > 0).
  day falling_due_date;
  /// Cash dated on or before as_of that no eligible promise could take.
  money cash_beyond_promises;
  std::uint32_t promises = 0;     ///< promises of the customer made on or before as_of
};

/// Everything evaluate_promises finds.
struct promise_report {
  day as_of;
  std::vector<promise_result> promises;                 ///< indexed like the promise list
  std::vector<instalment_result> instalments;           ///< grouped by promise, in promise order
  std::vector<customer_promise_summary> customers;      ///< indexed like the ledger's customers
};

/// Window and horizon of the per-customer figures.
struct promise_policy {
  std::int32_t window_days = 365;         ///< kept ratio and broken count look back this far (>= 1)
  std::int32_t falling_due_horizon = 3;   ///< days ahead a pending instalment counts as falling due (>= 0)
};

/// Evaluates every promise made on or before `as_of` against the ledger's
/// cleared payments dated on or before `as_of` (rules above); promises made
/// later are reported pending with nothing paid and do not count.
/// O(P log P + I log I + P_c x I_c) with P payments and I instalments
/// (P_c, I_c per customer). Throws input_error [huikuan.promise.8] for a
/// promise list of another ledger, [huikuan.promise.9] for a window < 1 or
/// a negative horizon; overflow_error if sums leave the int64 range.
HUIKUAN_FUNC promise_report evaluate_promises(const ledger& book, const promise_list& promises, day as_of,
                                              const promise_policy& policy = {});

/// Per-customer kept ratios from a report, a column for the Character C
/// indicator promises_kept_ratio (NaN: no resolved promise).
HUIKUAN_FUNC std::vector<double> promises_kept_ratios(const promise_report& report);

/// promises.csv with what was left out of it.
struct promises_load_result {
  promise_list promises;
  std::vector<load_problem> problems;
  file_summary summary;
};

/// Reads promises.csv text for the customers of `book`. Columns: promise_id,
/// customer_id, promised_on, due_date, amount (optional tolerance_days
/// [0], note). One row per instalment: rows sharing a promise_id are the
/// instalments of one promise, in file order, and must agree on customer,
/// promised_on and tolerance. A row with a problem is reported; the whole
/// promise it belongs to is then left out (every other row of it reported
/// as "left out with its promise"), since a promise missing an instalment
/// would be judged wrongly. Throws input_error [huikuan.load.2] for a
/// missing required column.
HUIKUAN_FUNC promises_load_result load_promises(std::string_view text, const ledger& book);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/promises-inl.hpp"
#endif
