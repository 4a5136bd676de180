// The collections worklist: whom to chase first, how, and when.
//
// Priority is additive and explainable (SAP FSCM sums rule points into a
// collection score the same way): each factor contributes points, every
// contribution is returned, and the worklist ranks debtors by the sum.
// Default weights and why (all configurable in priority_weights):
//   days past due      1 point a day, capped at 360. Age dominates: "how
//                      hard a debt is to collect depends on its age, not its
//                      amount" (seed 003).
//   amount at risk     20 points per tenfold of the amount at risk (overdue
//                      x probability of default, in major units), so a debt
//                      ten times larger ranks like one 20 days older.
//   broken promises    40 points each in the window, at most 3.
//   promise falling due 60 points: promised customers come first (seed 000);
//                      the rest are the supplement.
//   over credit limit  30 points when open receivables exceed the limit.
// Disputed invoices do not raise priority: they are left out of every
// factor and route the customer to "resolve dispute" when nothing
// undisputed is overdue.
//
// The recommended action follows the escalation ladder (phone, dunning
// letter, scheduled visit, supervisor visit, stop supply / after-sales
// service, legal). Customers with poor credit (PD at or above poor_pd) go
// one rung higher up to a supervisor visit; stopping supply and legal steps
// stay tied to age alone. A customer with a promise falling due and no
// promise broken in the window gets a confirmation call the business day
// before (after a broken promise, the ladder's action instead). The next contact date follows
// a business-day calendar: the last contact plus a cadence that is tighter
// for poorer credit, never before the next business day.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/aging.hpp"
#include "huikuan/allocation.hpp"
#include "huikuan/business_calendar.hpp"
#include "huikuan/config.hpp"
#include "huikuan/escalation.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/load.hpp"
#include "huikuan/promises.hpp"

namespace huikuan {

/// The factors of the priority score, in the order of the contributions.
enum class priority_factor : std::uint8_t {
  days_past_due,
  amount_at_risk,
  broken_promises,
  promise_falling_due,
  over_credit_limit,
};
inline constexpr std::size_t priority_factor_count = 5;

/// "days past due", "amount at risk", ...
HUIKUAN_FUNC std::string_view to_string(priority_factor factor) noexcept;

/// Points per factor (see the header comment for the defaults' rationale).
struct priority_weights {
  double points_per_day_past_due = 1.0;
  std::int32_t days_past_due_cap = 360;          ///< days beyond the cap add nothing
  double points_per_tenfold_at_risk = 20.0;       ///< x log10(1 + amount at risk / amount_unit)
  std::int64_t amount_unit = 100;                 ///< minor units per major unit (fen per yuan)
  double points_per_broken_promise = 40.0;
  std::int32_t broken_promises_cap = 3;
  double points_for_promise_falling_due = 60.0;
  double points_for_over_limit = 30.0;

  /// Throws input_error [huikuan.priority.1] for a negative or non-finite
  /// weight, a negative cap or an amount unit < 1, quoting the value.
  HUIKUAN_FUNC void validate() const;
};

/// Per-debtor factor columns for the bulk priority kernel (struct of
/// arrays, equal lengths).
struct priority_inputs {
  std::span<const std::int32_t> days_past_due;       ///< oldest overdue item; <= 0 when nothing is overdue
  std::span<const std::int64_t> amount_at_risk;      ///< minor units, >= 0
  std::span<const std::int32_t> broken_promises;     ///< count in the promise window, >= 0
  std::span<const std::int64_t> promise_falling_due; ///< minor units, > 0 adds the promise points
  std::span<const std::int64_t> over_limit;          ///< minor units, > 0 adds the over-limit points
};

/// The contribution of each factor for one debtor (same arithmetic as the
/// bulk kernel, so the sum equals priority_scores' score bit for bit).
[[nodiscard]] HUIKUAN_FUNC std::array<double, priority_factor_count> priority_contributions(
    const priority_weights& weights, std::int32_t days_past_due, std::int64_t amount_at_risk,
    std::int32_t broken_promises, std::int64_t promise_falling_due, std::int64_t over_limit) noexcept;

/// Bulk priority: scores[i] = sum of debtor i's contributions. No
/// allocation, O(N). Throws what weights.validate() throws and input_error
/// [huikuan.priority.2] for columns of different lengths or a scores span
/// of another length.
HUIKUAN_FUNC void priority_scores(const priority_inputs& inputs, const priority_weights& weights,
                                  std::span<double> scores);

/// The indices of the out.size() highest scores (fewer when there are
/// fewer scores), highest first; equal scores rank the lower index first,
/// so the same input always gives the same order. Returns how many were
/// written. O(N log k) with k = out.size(), no allocation. Throws
/// input_error [huikuan.priority.3] for a NaN score (naming its index) and
/// [huikuan.priority.4] for more than 2^32 - 1 scores.
HUIKUAN_FUNC std::size_t rank_top_k(std::span<const double> scores, std::span<std::uint32_t> out);

/// What the collector should do next.
enum class collection_action : std::uint8_t {
  confirm_promise,   ///< call the day before a promised payment
  phone,
  dunning_letter,
  scheduled_visit,   ///< a visit with an agreed appointment
  supervisor_visit,  ///< the supervisor visits, finds the cause, proposes a solution
  stop_supply,       ///< stop new supply and after-sales service
  legal,
  resolve_dispute,   ///< route to whoever settles the dispute; no dunning
};
inline constexpr std::size_t collection_action_count = 8;

/// "confirm promise", "phone", "dunning letter", ...
HUIKUAN_FUNC std::string_view to_string(collection_action action) noexcept;

/// Everything build_worklist needs to know besides the ledger.
struct worklist_policy {
  /// The defaults below. (Declared, not implicit: aggregate initialisation
  /// of this struct trips GCC 12's -Wmaybe-uninitialized in callers.)
  HUIKUAN_FUNC worklist_policy();

  priority_weights weights{};
  bucket_policy buckets{};                  ///< overdue amounts by these buckets in each row
  escalation_ladder ladder = escalation_ladder::standard();
  /// The action of each ladder stage (same length as ladder.stages).
  std::vector<collection_action> stage_actions{collection_action::phone,          collection_action::dunning_letter,
                                               collection_action::scheduled_visit, collection_action::supervisor_visit,
                                               collection_action::stop_supply,     collection_action::legal};
  /// Probability that an overdue amount is lost, by days past due: pd_by_age[k]
  /// applies up to pd_age_edges[k] days (the last beyond the last edge).
  std::vector<std::int32_t> pd_age_edges{30, 60, 90, 180};
  std::vector<double> pd_by_age{0.02, 0.05, 0.10, 0.25, 0.50};
  double poor_pd = 0.10;                    ///< PD at or above: poor credit (one rung up, tight cadence)
  double fair_pd = 0.03;                    ///< PD at or above (below poor): fair credit
  std::int32_t cadence_poor = 2;            ///< business days between contacts
  std::int32_t cadence_fair = 5;
  std::int32_t cadence_good = 10;

  /// Throws what ladder.validate() throws and input_error
  /// [huikuan.worklist.1] naming what is wrong: weights
  /// (as priority_weights::validate), stage_actions not matching the
  /// ladder, PD edges not increasing or PDs outside [0, 1] or not one more
  /// than the edges, poor_pd < fair_pd or outside [0, 1], cadences < 1.
  HUIKUAN_FUNC void validate() const;
};

/// Optional knowledge about the customers (empty spans: not known).
struct worklist_context {
  /// 5C probability of default per customer (NaN: not scored).
  std::span<const double> pd{};
  /// 5C grade label per customer (shown, not used in arithmetic).
  std::span<const std::string> grade{};
  /// Last contact per customer as a serial day (INT32_MIN: never).
  std::span<const std::int32_t> last_contact{};
  /// 1 for an invoice under dispute (indexed like the ledger's invoices).
  std::span<const std::uint8_t> disputed{};
  /// Promises evaluated as of the same date, or null.
  const promise_report* promises = nullptr;
  business_calendar calendar{};
};

/// One debtor on the worklist.
struct worklist_row {
  customer_index customer{};
  double priority = 0;
  std::array<double, priority_factor_count> contributions{};
  std::int32_t days_past_due = 0;     ///< oldest undisputed overdue item (0 when none)
  money overdue;                      ///< undisputed overdue open amount
  money disputed;                     ///< open amount of disputed invoices
  money at_risk;                      ///< sum of overdue x PD, rounded to the minor unit
  money over_limit;                   ///< open receivables above the credit limit
  money promise_falling_due;
  std::uint32_t broken_promises = 0;
  double pd = 0;                      ///< 5C PD, NaN when not scored
  std::string grade;                  ///< empty when not scored
  bool repeat_customer = false;       ///< has paid before (cleared cash on or before as_of)
  std::size_t stage = 0;              ///< ladder stage of the oldest undisputed overdue item
  collection_action action = collection_action::phone;
  day next_contact;
  std::vector<std::string> reasons;   ///< most points first, then disputes and promises
};

/// A ranked worklist as of a date.
struct worklist {
  day as_of;
  std::vector<std::string> bucket_labels;
  escalation_ladder ladder;
  std::vector<worklist_row> rows;      ///< highest priority first
  std::vector<std::int64_t> buckets;   ///< rows x bucket_count undisputed open amounts, minor units
  std::size_t debtors = 0;             ///< customers with something to chase (before the top-k cut)
  money overdue_total;                 ///< undisputed overdue of all those debtors
  money disputed_total;

  [[nodiscard]] money bucket(std::size_t row, std::size_t b) const {
    return money::from_minor_units(buckets.at(row * bucket_labels.size() + b));
  }
};

/// Builds the worklist as of position.as_of (position from
/// allocate(book, as_of)): every customer with undisputed overdue items, a
/// disputed open item or a promise falling due is a debtor; the `top`
/// highest priorities are returned (all when top is 0). O(I + C log top).
/// Throws what policy.validate() throws; input_error [huikuan.worklist.2]
/// for a context span of the wrong length or a promise report of another
/// date, [huikuan.worklist.3] for a position of another ledger.
HUIKUAN_FUNC worklist build_worklist(const ledger& book, const receivables_position& position,
                                     const worklist_policy& policy = {}, const worklist_context& context = {},
                                     std::size_t top = 0);

/// An invoice dispute (quality, price, quantity ...).
struct invoice_dispute {
  std::string invoice_id;
  day opened_on;
  std::optional<day> resolved_on{};
  std::string reason{};
};

/// disputes.csv with what was left out of it.
struct disputes_load_result {
  std::vector<invoice_dispute> disputes;
  std::vector<load_problem> problems;
  file_summary summary;
};

/// Reads disputes.csv text: invoice_id, opened_on (optional resolved_on,
/// reason). Unknown invoices, bad dates and a resolution before the opening
/// are reported and the row left out. Throws input_error [huikuan.load.2]
/// for a missing required column.
HUIKUAN_FUNC disputes_load_result load_disputes(std::string_view text, const ledger& book);

/// 1 for each invoice with a dispute open on `as_of` (opened on or before,
/// not resolved on or before). Throws input_error [huikuan.dispute.1] for
/// an unknown invoice.
HUIKUAN_FUNC std::vector<std::uint8_t> disputed_invoices(const ledger& book, std::span<const invoice_dispute> disputes,
                                                         day as_of);

/// contacts.csv with what was left out of it.
struct contacts_load_result {
  /// Last contact per customer on or before the as_of given, as a serial
  /// day (INT32_MIN: never), ready for worklist_context::last_contact.
  std::vector<std::int32_t> last_contact;
  std::vector<load_problem> problems;
  file_summary summary;
};

/// Reads contacts.csv text: customer_id, date (optional action, outcome),
/// one row per contact made. Contacts after as_of are ignored for the last
/// contact (they are counted as loaded). Throws input_error [huikuan.load.2]
/// for a missing required column.
HUIKUAN_FUNC contacts_load_result load_contacts(std::string_view text, const ledger& book, day as_of);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/collections-inl.hpp"
#endif
