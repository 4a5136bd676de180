// Exposure controls: the receivables-to-assets ceiling, per-customer credit
// limits including open orders, the overdue block, concentration, and the
// order release check that runs all of them on one proposed order.
//
// The seeds' policy: credit sales are necessary, but receivables should not
// exceed 20% of the company's assets, with a warning line below the cap, and
// a customer who stops paying must be cut off before the next delivery, so
// the checks run at order time, not at invoice time.
//
// Definitions (every figure in integer minor units, days or basis points):
//   receivables      open invoices (gross: unapplied cash on account is not
//                    netted, as allocation leaves it for the credit
//                    controller to apply)
//   exposure         a customer's receivables + its open orders (orders.hpp)
//   committed        the portfolio's receivables + open orders
//   days past due    as_of - due date; an item is overdue when it is > 0
//   share            a customer's exposure / committed
//   top-10 share     the ten largest exposures / committed
//   Herfindahl (HHI) sum of squared shares, 0..1; quoted in points 0..10000
//                    (= basis points of 1), e.g. 1500 points
//
// Exactness: every check against a line compares integers (amount x 10000
// against total x basis points in 128 bits; HHI in 256 bits), so a balance
// exactly on a line is judged on it, never on a rounded ratio. Shares and
// HHI are reported in millionths (ppm) rounded up, so a figure shown at or
// under its cap is within it.
//
// Errors (input_error unless named):
//   [huikuan.exposure.1] a ceiling outside (0, 100%]
//   [huikuan.exposure.2] a warning line outside (0, ceiling]
//   [huikuan.exposure.3] total assets that are not positive
//   [huikuan.exposure.4] a negative receivables figure, open amount, open order or credit limit
//   [huikuan.exposure.5] a limit warning line outside (0, 100%]
//   [huikuan.exposure.6] an overdue rule with a negative figure, or a customer group given twice
//   [huikuan.exposure.7] a concentration cap outside (0, 100%] (HHI: (0, 10000] points)
//   [huikuan.exposure.8] columns of different lengths, or a customer or rule index out of range
//   [huikuan.exposure.9] an order amount that is not positive
//   [huikuan.exposure.10] an order dated on another day than the book
//   not_found_error [huikuan.exposure.11] a customer index the book does not have
//   overflow_error [huikuan.money.5] sums that leave the int64 range of minor units
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/allocation.hpp"
#include "huikuan/config.hpp"
#include "huikuan/date.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/money.hpp"
#include "huikuan/orders.hpp"
#include "huikuan/percent.hpp"

namespace huikuan {

// ------------------------------------------------------------------ ceiling

/// The receivables-to-assets ceiling and its warning line (戒备线).
struct ceiling_policy {
  basis_points ceiling{2000};  ///< 20%: receivables must not exceed this share of total assets
  /// The warning line; nullopt: 80% of the ceiling, rounded up to a whole
  /// basis point (20% -> 16%; a ceiling of 0.01% warns at 0.01%).
  std::optional<basis_points> warning_line{};

  /// The warning line in force (the given one, or 80% of the ceiling).
  [[nodiscard]] HUIKUAN_FUNC basis_points effective_warning_line() const noexcept;
  /// Throws input_error [huikuan.exposure.1] for a ceiling outside (0, 100%]
  /// ("ceiling 120.00% is outside (0, 100%]"), [huikuan.exposure.2] for a
  /// warning line outside (0, ceiling]. O(1).
  HUIKUAN_FUNC void validate() const;
};

/// Where receivables stand against the ceiling. `at_ceiling` means exactly
/// on it (compliant, no headroom left); `warning` at or above the warning
/// line and below the ceiling.
enum class ceiling_status : std::uint8_t { ok, warning, at_ceiling, breach };

/// "ok", "warning", "at ceiling", "breach".
HUIKUAN_FUNC std::string_view to_string(ceiling_status status) noexcept;

/// The ceiling check with its workings.
struct ceiling_check {
  money receivables;
  money total_assets;
  basis_points ceiling;
  basis_points warning_line;
  ceiling_status status = ceiling_status::ok;
  /// The largest compliant balance: floor(total_assets x ceiling).
  money ceiling_amount;
  /// The smallest balance on the warning line: ceil(total_assets x warning line).
  money warning_amount;
  /// ceiling_amount - receivables: how much more may be owed (negative in breach).
  money headroom;
  /// What must be collected to comply again: receivables - ceiling_amount in
  /// breach, otherwise 0.
  money to_restore;
  /// receivables / total_assets for display only (the status is exact).
  double ratio = 0;
};

/// Checks `receivables` against `total_assets` under the policy:
///   breach      receivables x 10000 >  assets x ceiling
///   at ceiling  receivables x 10000 == assets x ceiling
///   warning     receivables x 10000 >= assets x warning line
///   ok          otherwise
/// e.g. 200,000.00 against 1,000,000.00 at 20% is "at ceiling", 200,000.01
/// is a breach with 0.01 to restore. Throws what policy.validate() throws,
/// input_error [huikuan.exposure.3] for assets <= 0, [huikuan.exposure.4]
/// for negative receivables. O(1).
HUIKUAN_FUNC ceiling_check check_ceiling(money receivables, money total_assets, const ceiling_policy& policy = {});

// ------------------------------------------------------------------ policy

/// When overdue items block new credit. A missing figure is not checked.
struct overdue_rule {
  /// Block when an open item is more than this many days past due (>= 0).
  /// Default 60: beyond the red stage of the ladder, the supervisor's case.
  std::optional<std::int32_t> max_days_past_due{60};
  /// Block when the customer's overdue amount exceeds this (>= 0).
  std::optional<money> max_overdue_amount{};
};

/// An overdue rule for the customers whose `segment` equals `group`.
struct group_overdue_rule {
  std::string group;
  overdue_rule rule;
};

/// Every line the exposure checks use. Plain value; defaults as documented.
struct exposure_policy {
  ceiling_policy ceiling{};
  /// Warn when a customer's exposure reaches this share of its limit (90%).
  basis_points limit_warning_line{9000};
  /// The overdue rule of customers whose group has none of its own.
  overdue_rule overdue{};
  /// Rules per customer group (customer::segment), each group at most once.
  std::vector<group_overdue_rule> group_overdue{};
  /// Concentration caps (none by default): one customer's share of the
  /// committed exposure, the ten largest together, and the HHI in points
  /// (basis points of 1: 2500 = 0.25).
  std::optional<basis_points> max_customer_share{};
  std::optional<basis_points> max_top10_share{};
  std::optional<basis_points> max_herfindahl{};

  /// Throws what ceiling.validate() throws, input_error [huikuan.exposure.5]
  /// for a limit warning line outside (0, 100%], [huikuan.exposure.6] for a
  /// negative overdue figure or a group given twice, [huikuan.exposure.7]
  /// for a cap outside (0, 100%]. O(groups log groups).
  HUIKUAN_FUNC void validate() const;
  /// The overdue rule index of a customer group: 0 for the default rule,
  /// g + 1 for group_overdue[g]. O(groups).
  [[nodiscard]] HUIKUAN_FUNC std::uint32_t overdue_rule_index(std::string_view group) const noexcept;
  /// The rule of an index from overdue_rule_index. Throws input_error
  /// [huikuan.exposure.8] for an index out of range.
  [[nodiscard]] HUIKUAN_FUNC const overdue_rule& overdue_rule_at(std::uint32_t index) const;
};

// ------------------------------------------------------------------ bulk check

/// Bulk input: one row per open item (invoice), parallel columns.
struct exposure_columns {
  std::span<const std::uint32_t> customer;    ///< dense customer index
  std::span<const std::int64_t> open_amount;  ///< >= 0, minor units, as of the check's date
};

/// A customer's exposure against its credit limit.
enum class limit_status : std::uint8_t { within, warning, breach };

/// "within", "warning", "breach".
HUIKUAN_FUNC std::string_view to_string(limit_status status) noexcept;

/// The outcome of the bulk check.
struct exposure_scan {
  ceiling_check ceiling;  ///< open receivables against total assets
  money receivables;      ///< sum of the open amounts
  money open_orders;      ///< sum of the open orders
  std::size_t limit_warnings = 0;  ///< at or above the warning line, within the limit
  std::size_t limit_breaches = 0;  ///< exposure above the limit
};

/// The bulk check: fills `exposure[c]` = open_orders[c] + the open amounts
/// of customer c's rows, compares each with credit_limits[c] (breach above
/// the limit, warning at or above policy.limit_warning_line of it), writes
/// `status[c]` when `status` is not empty, and checks the receivables
/// against the ceiling. Per-customer spans have one cell per customer.
/// No allocation; O(rows + customers).
/// Throws what policy.validate() and check_ceiling throw, input_error
/// [huikuan.exposure.8] for spans of different lengths or a customer index
/// out of range (outputs are then partly written), [huikuan.exposure.4]
/// for a negative open amount, order or limit, overflow_error
/// [huikuan.money.5] when a customer's or the portfolio's sum leaves int64.
HUIKUAN_FUNC exposure_scan scan_exposure(const exposure_columns& rows, std::span<const std::int64_t> open_orders,
                                         std::span<const std::int64_t> credit_limits, money total_assets,
                                         const exposure_policy& policy, std::span<std::int64_t> exposure,
                                         std::span<limit_status> status = {});

// ------------------------------------------------------------------ concentration

/// Whether a figure is within its optional cap. `off`: no cap set.
enum class rule_verdict : std::uint8_t { pass, warn, block, off };

/// "pass", "warn", "block", "off".
HUIKUAN_FUNC std::string_view to_string(rule_verdict verdict) noexcept;

/// Concentration of amounts per customer, with each measure against its cap
/// (pass: within, block: over, off: no cap).
struct concentration {
  money total;
  /// Up to ten customers with a positive amount, largest first (ties: lower
  /// index first), and their amounts.
  std::vector<customer_index> largest{};
  std::vector<money> largest_amounts{};
  money top10_amount;
  /// Shares and HHI in millionths of 1, rounded up (0 when total is 0).
  std::int64_t largest_share_ppm = 0;
  std::int64_t top10_share_ppm = 0;
  std::int64_t herfindahl_ppm = 0;
  rule_verdict largest_share_verdict = rule_verdict::off;
  rule_verdict top10_share_verdict = rule_verdict::off;
  rule_verdict herfindahl_verdict = rule_verdict::off;
};

/// Measures the concentration of `per_customer` (minor units, >= 0, e.g.
/// each customer's receivables) against policy.max_customer_share,
/// max_top10_share and max_herfindahl. Throws what policy.validate()
/// throws, input_error [huikuan.exposure.4] for a negative amount,
/// overflow_error [huikuan.money.5] when the total leaves int64. O(customers).
HUIKUAN_FUNC concentration measure_concentration(std::span<const std::int64_t> per_customer,
                                                 const exposure_policy& policy);

// ------------------------------------------------------------------ the book

/// What a book is built from: open items and per-customer columns.
struct exposure_book_columns {
  exposure_columns open_items;
  /// Due day of each open item (parallel to open_items), serial day numbers.
  std::span<const std::int32_t> due_day;
  /// Per customer: open orders and credit limits (minor units, >= 0), and
  /// the overdue rule index (exposure_policy::overdue_rule_index).
  std::span<const std::int64_t> open_orders;
  std::span<const std::int64_t> credit_limits;
  std::span<const std::uint32_t> overdue_rule;
};

namespace detail {
struct exposure_book_builder;
}  // namespace detail

/// Every customer's exposure as of a date, built once (O(items +
/// customers)); each check against it is then O(1). Immutable once built,
/// so checks on one book from several threads are safe, and a book built
/// as of a date gives the same verdicts whenever it is rebuilt.
class exposure_book {
public:
  [[nodiscard]] day as_of() const noexcept { return as_of_; }
  [[nodiscard]] money total_assets() const noexcept { return total_assets_; }
  [[nodiscard]] const exposure_policy& policy() const noexcept { return policy_; }
  [[nodiscard]] std::size_t customer_count() const noexcept { return receivables_.size(); }

  /// Per-customer columns (index = customer index), minor units.
  [[nodiscard]] std::span<const std::int64_t> receivables() const noexcept { return receivables_; }
  [[nodiscard]] std::span<const std::int64_t> open_orders() const noexcept { return open_orders_; }
  [[nodiscard]] std::span<const std::int64_t> credit_limits() const noexcept { return limits_; }
  /// Open amount more than 0 days past due.
  [[nodiscard]] std::span<const std::int64_t> overdue() const noexcept { return overdue_; }
  /// Days past due of the oldest open item; no_open_items when none.
  [[nodiscard]] std::span<const std::int32_t> oldest_days_past_due() const noexcept { return oldest_; }
  [[nodiscard]] std::span<const std::uint32_t> overdue_rule() const noexcept { return rule_; }
  static constexpr std::int32_t no_open_items = INT32_MIN;

  /// Receivables + open orders of one customer. Throws not_found_error
  /// [huikuan.exposure.11] for an index out of range.
  [[nodiscard]] HUIKUAN_FUNC money exposure(customer_index customer) const;
  [[nodiscard]] money total_receivables() const noexcept { return total_receivables_; }
  [[nodiscard]] money total_open_orders() const noexcept { return total_open_orders_; }
  /// Receivables + open orders of the whole portfolio.
  [[nodiscard]] money committed() const noexcept { return committed_; }

private:
  friend struct detail::exposure_book_builder;

  day as_of_;
  money total_assets_;
  exposure_policy policy_;
  std::vector<std::int64_t> receivables_, open_orders_, limits_, overdue_;
  std::vector<std::int32_t> oldest_;
  std::vector<std::uint32_t> rule_;
  money total_receivables_, total_open_orders_, committed_;
  // Concentration of the committed exposure, kept so an order is checked in O(1).
  detail::uint128 sum_of_squares_ = 0;     // sum of exposure^2 (< committed^2 < 2^126)
  std::vector<std::uint32_t> top10_;      // up to ten customers, largest exposure first
  money top10_amount_;
};

/// Builds a book from columns (the bulk path; the ledger overload below
/// goes through it). Throws what policy.validate() and check_ceiling throw,
/// input_error [huikuan.exposure.8] for columns of different lengths, a
/// customer or rule index out of range, [huikuan.exposure.4] for a negative
/// amount, order or limit, overflow_error [huikuan.money.5] when a sum
/// leaves int64 (the committed total must fit). O(items + customers).
HUIKUAN_FUNC exposure_book build_exposure_book(const exposure_book_columns& columns, day as_of, money total_assets,
                                               const exposure_policy& policy = {});

/// Builds a book from a ledger: receivables from `position` (allocate(book,
/// as_of)), orders open as of the position's date, each customer's overdue
/// rule by its segment, and its credit limit from the ledger, or from
/// `credit_limits` when given (one per customer, e.g. the 5C recommended
/// limits of review_credit). Throws what the column overload throws, and
/// input_error [huikuan.exposure.8] when the position, orders or limits do
/// not belong to the ledger. O(invoices + orders + customers).
HUIKUAN_FUNC exposure_book build_exposure_book(const ledger& book, const receivables_position& position,
                                               const order_table& orders, money total_assets,
                                               const exposure_policy& policy = {},
                                               std::span<const money> credit_limits = {});

// ------------------------------------------------------------------ order release

/// The overall answer: allow, warn (release, but someone should look), block.
enum class release_verdict : std::uint8_t { allow, warn, block };

/// "allow", "warn", "block".
HUIKUAN_FUNC std::string_view to_string(release_verdict verdict) noexcept;

/// The rules of the order release check, in the order they are reported.
enum class exposure_rule : std::uint8_t {
  credit_limit,       ///< exposure + order against the limit (warn at the limit warning line)
  overdue_days,       ///< oldest open item's days past due against the group's maximum
  overdue_amount,     ///< overdue amount against the group's maximum
  portfolio_ceiling,  ///< committed + order against the ceiling (warn from the warning line, at the ceiling)
  customer_share,     ///< the customer's share of committed after the order against the cap
  top10_share,        ///< the ten largest exposures' share after the order
  herfindahl          ///< the HHI after the order
};
inline constexpr std::size_t exposure_rule_count = 7;

/// "credit limit", "overdue days", "overdue amount", "portfolio ceiling",
/// "customer share", "top-10 share", "herfindahl".
HUIKUAN_FUNC std::string_view to_string(exposure_rule rule) noexcept;

/// The unit of a rule's figures.
enum class rule_unit : std::uint8_t { money, days, ppm };

/// One rule's verdict with the figures it used. `current` is before the
/// order, `projected` after it (the verdict's figure), `limit` the line it
/// must not cross (0 when the rule is off), `headroom` = limit - projected,
/// all in `unit` (money: minor units; ppm: millionths of 1, rounded up).
/// `order_headroom`: the largest order amount this rule would pass, where
/// the order's size decides it (credit limit, ceiling, customer share).
struct rule_check {
  exposure_rule rule = exposure_rule::credit_limit;
  rule_verdict verdict = rule_verdict::off;
  rule_unit unit = rule_unit::money;
  std::int64_t current = 0;
  std::int64_t projected = 0;
  std::int64_t limit = 0;
  std::int64_t headroom = 0;
  std::optional<money> order_headroom{};
};

/// The release decision for one order (or, from assess_customer, for the
/// customer as it stands).
struct order_release {
  customer_index customer{};
  money amount;
  day date;
  release_verdict verdict = release_verdict::allow;
  /// Every rule, indexed by exposure_rule.
  std::array<rule_check, exposure_rule_count> rules{};
  /// The largest amount the amount-driven rules would all pass (nullopt
  /// when none of them limits it); an overdue block still blocks.
  std::optional<money> largest_order{};

  [[nodiscard]] const rule_check& rule(exposure_rule r) const noexcept { return rules[static_cast<std::size_t>(r)]; }
};

/// Checks a proposed order of `amount` for `customer` dated `date` against
/// every rule, on the state in which all open orders and this one are
/// invoiced (so orders released one by one cannot slip under a line the
/// invoices would cross):
///   credit limit      block if exposure + amount > limit; warn at or above
///                     the limit warning line
///   overdue days      block if the oldest open item is more than the
///                     group's maximum days past due
///   overdue amount    block if the overdue amount exceeds the group's maximum
///   ceiling           block if committed + amount breaches the ceiling;
///                     warn at or above the warning line (and at the ceiling)
///   customer share    block if (exposure + amount) / (committed + amount) > cap
///   top-10 share, HHI block if over the cap and the order raises the
///                     measure; warn if over the cap but the order does not
///                     raise it (the portfolio is already concentrated)
/// The verdict is block if any rule blocks, else warn if any warns, else
/// allow. Deterministic: the same book and order give the same result.
/// Throws input_error [huikuan.exposure.9] for an amount <= 0,
/// [huikuan.exposure.10] for a date other than the book's as_of (build the
/// book as of the order date), not_found_error [huikuan.exposure.11] for a
/// customer the book does not have, overflow_error [huikuan.money.5] when
/// the committed total with the order leaves int64. O(1): no allocation.
HUIKUAN_FUNC order_release check_order(const exposure_book& book, customer_index customer, money amount, day date);

/// The same rules for a customer as it stands (an order of 0 on the book's
/// date): a limit breach is exposure > limit, overdue blocks as above, and
/// the ceiling and concentration figures without an order. Throws
/// not_found_error [huikuan.exposure.11]. O(1).
HUIKUAN_FUNC order_release assess_customer(const exposure_book& book, customer_index customer);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/exposure-inl.hpp"
#endif
