// The collections files against a small fixed ledger: promises.csv,
// targets.csv, disputes.csv, contacts.csv and holidays.csv, cut from one
// input at the byte 0x1E (a missing text is an empty file, which is a
// documented fatal error for that file only). Then evaluate_promises,
// track_targets, disputed_invoices and a business calendar on what loaded.
//
// Invariants: the file bookkeeping of fuzz_checks.hpp for each file
// (amounts for promises and targets); promises: each instalment is paid at
// most its amount by its deadline, and per customer the cleared cash up to
// as_of is exactly what promises took plus the cash beyond promises;
// targets: gap, remaining gap, to-target, plan and shortfalls follow from
// their parts; contacts: a last contact is on or before as_of; the
// calendar: n business days after a day is a business day after it.
// Sums that would leave the int64 range must be an overflow_error.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "fuzz_checks.hpp"
#include "huikuan/business_calendar.hpp"
#include "huikuan/collection_targets.hpp"
#include "huikuan/collections.hpp"
#include "huikuan/promises.hpp"

namespace {

using namespace huikuan;
using huikuan_fuzz::int128;
using huikuan_fuzz::require;

const day evaluation_dates[] = {parse_date("2026-01-01"), parse_date("2026-10-31"), max_supported_day};

void check_promises(const ledger& book, std::string_view text) {
  const promises_load_result loaded = load_promises(text, book);
  huikuan_fuzz::check_file(loaded.summary, loaded.problems, huikuan_fuzz::census(text, "amount"), "promises.csv", true);
  for (const day as_of : evaluation_dates) {
    promise_report report;
    try {
      report = evaluate_promises(book, loaded.promises, as_of);
    } catch (const overflow_error&) {
      continue;
    }
    require(report.promises.size() == loaded.promises.size(), "one result per promise");
    std::vector<int128> taken(book.customer_count(), 0), received(book.customer_count(), 0);
    for (const instalment_result& part : report.instalments) {
      require(!part.paid_by_deadline.is_negative() && !part.paid_late.is_negative(), "paid amounts are not negative");
      require(int128{part.paid_by_deadline.minor_units()} + part.paid_late.minor_units() <= part.amount.minor_units(),
              "an instalment takes at most its amount");
      taken[static_cast<std::size_t>(loaded.promises.customer_of(part.promise))] +=
          int128{part.paid_by_deadline.minor_units()} + part.paid_late.minor_units();
    }
    const settlement_columns pay = book.payments();
    for (std::size_t p = 0; p < pay.amount.size(); ++p)
      if (pay.status[p] == payment_status::cleared && pay.date_day[p] <= as_of.serial())
        received[pay.customer[p]] += pay.amount[p];
    for (std::size_t c = 0; c < book.customer_count(); ++c)
      require(received[c] == taken[c] + report.customers[c].cash_beyond_promises.minor_units(),
              "cleared cash = cash taken by promises + cash beyond promises, per customer");
  }
}

void check_targets(const ledger& book, std::string_view text) {
  const targets_load_result loaded = load_targets(text, book);
  huikuan_fuzz::check_file(loaded.summary, loaded.problems, huikuan_fuzz::census(text, "amount"), "targets.csv", true);
  for (const day as_of : evaluation_dates) {
    target_report report;
    try {
      report = track_targets(book, loaded.targets, as_of);
    } catch (const overflow_error&) {
      continue;
    }
    require(report.targets.size() == loaded.targets.size(), "one progress line per target");
    for (const target_progress& t : report.targets) {
      require(t.gap == (t.target > t.commitment ? t.target - t.commitment : money{}), "gap = max(0, target - commitment)");
      require(t.remaining_gap == (t.gap > t.measures_expected ? t.gap - t.measures_expected : money{}),
              "remaining gap = max(0, gap - measures)");
      require(t.to_target == (t.target > t.collected ? t.target - t.collected : money{}), "to target = max(0, target - collected)");
      money planned;
      for (const phase_progress& p : t.phases) {
        require(p.shortfall.is_zero() == (p.status != phase_status::short_of_plan), "a shortfall exactly when short of plan");
        require(p.status != phase_status::short_of_plan || p.shortfall == p.planned_cumulative - p.collected_cumulative,
                "shortfall = plan - cash");
        require(p.planned_cumulative > planned, "the cumulative plan rises with each phase");
        planned = p.planned_cumulative;
      }
      require(t.planned == planned, "the plan is the sum of the phases");
    }
  }
}

void check_disputes(const ledger& book, std::string_view text) {
  const disputes_load_result loaded = load_disputes(text, book);
  huikuan_fuzz::check_file(loaded.summary, loaded.problems, huikuan_fuzz::census(text, ""), "disputes.csv", false);
  require(loaded.disputes.size() == loaded.summary.rows_loaded, "every loaded dispute is kept");
  for (const day as_of : evaluation_dates)
    require(disputed_invoices(book, loaded.disputes, as_of).size() == book.invoice_count(), "a flag per invoice");
}

void check_contacts(const ledger& book, std::string_view text) {
  const day as_of = evaluation_dates[1];
  const contacts_load_result loaded = load_contacts(text, book, as_of);
  huikuan_fuzz::check_file(loaded.summary, loaded.problems, huikuan_fuzz::census(text, ""), "contacts.csv", false);
  require(loaded.last_contact.size() == book.customer_count(), "a last contact per customer");
  for (const std::int32_t last : loaded.last_contact)
    require(last == std::numeric_limits<std::int32_t>::min() || last <= as_of.serial(), "a last contact is on or before as_of");
}

void check_holidays(std::string_view text) {
  const holidays_load_result loaded = load_holidays(text);
  huikuan_fuzz::check_file(loaded.summary, loaded.problems, huikuan_fuzz::census(text, ""), "holidays.csv", false);
  require(loaded.holidays.size() + loaded.worked_weekend_days.size() == loaded.summary.rows_loaded,
          "every loaded day is kept");
  try {
    const business_calendar calendar(loaded.holidays, business_calendar::saturday_and_sunday, loaded.worked_weekend_days);
    for (const day from : evaluation_dates) {
      try {
        const day next = calendar.add_business_days(from, 3);
        require(next > from && calendar.is_business_day(next), "3 business days after a day is a later business day");
      } catch (const input_error& error) {
        require(error.id() == "huikuan.date.3", "only the end of the calendar stops counting business days");
      }
    }
  } catch (const input_error& error) {
    require(error.id() == "huikuan.calendar.3", "a day both holiday and worked is the only bad calendar");
  }
}

template <class Check>
void unless_fatal(Check check) {
  try {
    check();
  } catch (const input_error& error) {
    // A file without its header or a required column is fatal, and only that.
    require(error.id() == "huikuan.load.2" || error.id() == "huikuan.load.3",
            "only a fatal file error (load.2, load.3) escapes a loader");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ledger& book = huikuan_fuzz::small_ledger();
  const std::vector<std::string_view> files = huikuan_fuzz::split_files(huikuan_fuzz::as_text(data, size), 5);
  unless_fatal([&] { check_promises(book, files[0]); });
  unless_fatal([&] { check_targets(book, files[1]); });
  unless_fatal([&] { check_disputes(book, files[2]); });
  unless_fatal([&] { check_contacts(book, files[3]); });
  unless_fatal([&] { check_holidays(files[4]); });
  return 0;
}
