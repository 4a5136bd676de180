// The invariants of an allocation and of an aging report, checked on any
// ledger: the property tests on generated ledgers, the hostile-input tests
// and the ledger fuzzer (fuzz/) all run these same checks.
//
//   invoiced = open + settled, per customer
//   cleared payments + credit notes = settled + unapplied, per customer
//   every aging row's buckets sum to its open balance; the total row is
//   the sum of the rows
//
// Sums are taken in 128 bits, so a ledger of amounts near the int64 limit
// is checked exactly instead of wrapping inside the check itself.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/aging.hpp"
#include "huikuan/allocation.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/money.hpp"

namespace huikuan_test {

using huikuan::detail::int128;

/// Failures of one property, with the context that produced them; keeps the
/// first 25 messages and counts the rest.
class failure_log {
public:
  void set_context(std::string context) { context_ = std::move(context); }
  void check(bool ok, std::string_view what) {
    if (ok) return;
    ++count_;
    if (messages_.size() < 25) messages_.push_back(context_ + ": " + std::string(what));
  }
  [[nodiscard]] std::size_t count() const { return count_; }
  [[nodiscard]] std::string text() const {
    std::string all;
    for (const std::string& m : messages_) all += m + "\n";
    return all;
  }

private:
  std::string context_;
  std::vector<std::string> messages_;
  std::size_t count_ = 0;
};

/// Every aging row's buckets sum to its open balance and the total row is
/// the sum of the rows; customer rows are exactly the customers with open
/// items or unapplied credit, and each matches the position.
inline void check_aging(failure_log& log, const huikuan::ledger& book, const huikuan::receivables_position& position,
                        const huikuan::aging_report& report) {
  using namespace huikuan;
  const std::size_t width = report.policy.bucket_count();
  log.check(report.buckets.size() == report.rows.size() * width, "bucket cells are rows x buckets");
  log.check(report.total_buckets.size() == width, "total buckets have the policy's width");
  if (report.buckets.size() != report.rows.size() * width || report.total_buckets.size() != width) return;
  std::vector<int128> column_sums(width, 0);
  int128 open = 0, unapplied = 0, overdue = 0;
  std::uint32_t open_invoices = 0;
  std::optional<std::int32_t> oldest;
  for (std::size_t r = 0; r < report.rows.size(); ++r) {
    const aging_row& row = report.rows[r];
    int128 row_sum = 0;
    for (std::size_t b = 0; b < width; ++b) {
      row_sum += report.buckets[r * width + b];
      column_sums[b] += report.buckets[r * width + b];
    }
    log.check(row_sum == row.open.minor_units(), "a row's buckets sum to its open balance");
    log.check(int128{row.net.minor_units()} == int128{row.open.minor_units()} - row.unapplied.minor_units(),
              "a row's net is open minus unapplied");
    log.check(row.overdue <= row.open && !row.overdue.is_negative(), "a row's overdue part lies within its open balance");
    log.check(row.oldest_days_past_due.has_value() == (row.open_invoices > 0), "oldest days past due exists iff items are open");
    log.check(row.stage == (row.oldest_days_past_due ? report.ladder.stage_for(*row.oldest_days_past_due) : 0),
              "a row's stage is the ladder's stage of its oldest item");
    log.check(row.overdue.is_zero() ? row.weighted_days_past_due == 0.0
                                    : row.weighted_days_past_due >= 1.0 - 1e-9 &&
                                          row.weighted_days_past_due <= *row.oldest_days_past_due * (1 + 1e-12) + 1e-9,
              "weighted days past due lies between 1 and the oldest item's");
    open += row.open.minor_units();
    unapplied += row.unapplied.minor_units();
    overdue += row.overdue.minor_units();
    open_invoices += row.open_invoices;
    if (row.oldest_days_past_due && (!oldest || *row.oldest_days_past_due > *oldest)) oldest = row.oldest_days_past_due;
  }
  bool columns_add_up = true;
  for (std::size_t b = 0; b < width; ++b) columns_add_up = columns_add_up && column_sums[b] == report.total_buckets[b];
  log.check(columns_add_up, "the total buckets are the sums of the rows' buckets");
  log.check(open == report.total.open.minor_units(), "the total open is the sum of the rows");
  log.check(unapplied == report.total.unapplied.minor_units(), "the total unapplied is the sum of the rows");
  log.check(overdue == report.total.overdue.minor_units(), "the total overdue is the sum of the rows");
  log.check(open_invoices == report.total.open_invoices, "the total open-invoice count is the sum of the rows");
  log.check(oldest == report.total.oldest_days_past_due, "the total oldest item is the rows' oldest");
  log.check(report.total.open == position.total_open(), "the total open equals the position's");
  log.check(report.total.unapplied == position.total_unapplied(), "the total unapplied equals the position's");
  int128 bucket_total = 0;
  for (std::int64_t cell : report.total_buckets) bucket_total += cell;
  log.check(bucket_total == report.total.open.minor_units(), "the total buckets sum to the total open");

  if (report.grouping == aging_grouping::customer) {
    std::vector<int128> open_by_customer(book.customer_count(), 0);
    const invoice_columns inv = book.invoices();
    for (std::size_t i = 0; i < inv.amount.size(); ++i) open_by_customer[inv.customer[i]] += position.open_amount[i];
    std::size_t r = 0;
    for (std::size_t c = 0; c < book.customer_count(); ++c) {
      if (open_by_customer[c] == 0 && position.unapplied[c] == 0) continue;
      if (r >= report.rows.size()) {
        log.check(false, "a customer with open items or credit has a row");
        return;
      }
      const aging_row& row = report.rows[r++];
      log.check(row.key == book.customers()[c].id, "customer rows follow ledger order");
      log.check(row.open.minor_units() == open_by_customer[c], "a customer row's open equals the position's");
      log.check(row.unapplied.minor_units() == position.unapplied[c], "a customer row's credit equals the position's");
    }
    log.check(r == report.rows.size(), "no customer row without open items or credit");
  }
}

/// Allocation neither creates nor destroys money: per invoice, per payment
/// and per customer (see the file comment).
inline void check_conservation(failure_log& log, const huikuan::ledger& book, const huikuan::receivables_position& position) {
  using namespace huikuan;
  const invoice_columns inv = book.invoices();
  const settlement_columns pay = book.payments();
  const settlement_columns cred = book.credit_notes();
  const std::int32_t cutoff = position.as_of.serial();
  const std::size_t customers = book.customer_count();
  std::vector<int128> invoiced(customers, 0), open(customers, 0), settled(customers, 0), received(customers, 0);
  std::vector<int128> applied_to_invoice(inv.amount.size(), 0);
  std::vector<int128> used_payment(pay.amount.size(), 0), used_credit(cred.amount.size(), 0);

  const bool sized = position.open_amount.size() == inv.amount.size() && position.issued.size() == inv.amount.size() &&
                     position.settled_day.size() == inv.amount.size() && position.unapplied.size() == customers;
  log.check(sized, "position vectors have the ledger's sizes");
  if (!sized) return;
  for (std::size_t i = 0; i < inv.amount.size(); ++i) {
    const bool issued = inv.issue_day[i] <= cutoff;
    const std::int64_t o = position.open_amount[i];
    log.check(position.issued[i] == (issued ? 1 : 0), "issued marks invoices issued on or before as_of");
    log.check(o >= 0 && o <= inv.amount[i], "an invoice's open amount lies within 0 and its amount");
    log.check(issued || o == 0, "an invoice issued after as_of has nothing open");
    log.check((position.settled_day[i] != receivables_position::not_settled) == (issued && o == 0),
              "settled_day is set exactly for issued invoices with nothing open");
    log.check(position.settled_day[i] == receivables_position::not_settled || position.settled_day[i] <= cutoff,
              "an invoice is settled on or before as_of");
    if (issued) invoiced[inv.customer[i]] += inv.amount[i];
    open[inv.customer[i]] += o;
  }
  for (const settlement& s : position.settlements) {
    const bool is_payment = s.source == settlement_source::payment;
    const settlement_columns& source = is_payment ? pay : cred;
    const std::uint32_t c = source.customer[s.source_index];
    log.check(s.amount.is_positive(), "a settlement moves a positive amount");
    log.check(inv.customer[s.invoice] == c, "a settlement stays within one customer");
    log.check(s.date.serial() == source.date_day[s.source_index] && s.date <= position.as_of,
              "a settlement carries its source's date, on or before as_of");
    log.check(inv.issue_day[s.invoice] <= cutoff, "a settlement goes to an invoice issued on or before as_of");
    log.check(inv.issue_day[s.invoice] <= s.date.serial(), "no settlement goes to an invoice issued after the cash's date");
    log.check(!is_payment || pay.status[s.source_index] == payment_status::cleared, "a bounced payment settles nothing");
    settled[c] += s.amount.minor_units();
    applied_to_invoice[s.invoice] += s.amount.minor_units();
    (is_payment ? used_payment : used_credit)[s.source_index] += s.amount.minor_units();
  }
  std::vector<std::uint32_t> bounced;
  for (std::size_t p = 0; p < pay.amount.size(); ++p) {
    if (pay.date_day[p] > cutoff) {
      log.check(used_payment[p] == 0, "a payment after as_of settles nothing");
      continue;
    }
    if (pay.status[p] == payment_status::bounced) {
      bounced.push_back(static_cast<std::uint32_t>(p));
      continue;
    }
    received[pay.customer[p]] += pay.amount[p];
    log.check(used_payment[p] <= pay.amount[p], "a payment settles at most its amount");
  }
  for (std::size_t k = 0; k < cred.amount.size(); ++k) {
    if (cred.date_day[k] > cutoff) {
      log.check(used_credit[k] == 0, "a credit note after as_of settles nothing");
      continue;
    }
    received[cred.customer[k]] += cred.amount[k];
    log.check(used_credit[k] <= cred.amount[k], "a credit note settles at most its amount");
  }
  for (std::size_t i = 0; i < inv.amount.size(); ++i)
    log.check(inv.issue_day[i] > cutoff ? applied_to_invoice[i] == 0
                                        : applied_to_invoice[i] + position.open_amount[i] == inv.amount[i],
              "an invoice's settlements and open amount add up to its amount");
  std::vector<std::uint32_t> listed = position.bounced_payments;
  std::sort(listed.begin(), listed.end());
  log.check(listed == bounced, "exactly the bounced payments up to as_of are listed");
  for (std::uint32_t i : position.short_paid_invoices)
    log.check(position.open_amount[i] > 0, "a short-paid invoice is still open");
  for (std::size_t c = 0; c < customers; ++c) {
    log.check(position.unapplied[c] >= 0, "unapplied credit is not negative");
    log.check(invoiced[c] == open[c] + settled[c], "invoiced = open + settled, per customer");
    log.check(received[c] == settled[c] + position.unapplied[c],
              "cleared payments + credit notes = settled + unapplied, per customer");
  }
}

}  // namespace huikuan_test
