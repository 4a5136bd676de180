// load_ledger on four CSV texts (customers, invoices, payments, credit
// notes) cut from one input at the byte 0x1E; without a fourth text there
// is no credit_notes.csv. Then allocate() and age_receivables() on what
// loaded.
//
// Invariants: per file, rows_read == rows_loaded + rows_left_out, every
// left-out row and no loaded row has a problem with its line, and
// amount_loaded + amount_left_out is the total of the readable amounts
// (fuzz_checks.hpp); the ledger holds exactly the loaded rows and money,
// with every day inside 1400-01-01 .. 9999-12-31 and no due date before
// its issue date; as of the ends of the calendar and of days in the
// ledger, allocation conserves money and aging buckets sum to the open
// balances (tests/ledger_checks.hpp), or an overflow_error says why not.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_checks.hpp"
#include "huikuan/aging.hpp"
#include "huikuan/allocation.hpp"
#include "huikuan/load.hpp"
#include "ledger_checks.hpp"

namespace {

using namespace huikuan;
using huikuan_fuzz::require;

void check_ledger_columns(const load_result& loaded) {
  const ledger& book = loaded.book;
  require(book.customer_count() == loaded.files[0].rows_loaded, "the ledger holds the loaded customers");
  require(book.invoice_count() == loaded.files[1].rows_loaded, "the ledger holds the loaded invoices");
  require(book.payment_count() == loaded.files[2].rows_loaded, "the ledger holds the loaded payments");
  require(book.credit_note_count() == loaded.files[3].rows_loaded, "the ledger holds the loaded credit notes");
  const auto in_range = [](std::int32_t serial) {
    return serial >= min_supported_day.serial() && serial <= max_supported_day.serial();
  };
  const invoice_columns inv = book.invoices();
  money_total invoiced;
  for (std::size_t i = 0; i < inv.amount.size(); ++i) {
    require(inv.amount[i] > 0, "a loaded invoice amount is positive");
    require(in_range(inv.issue_day[i]) && in_range(inv.due_day[i]), "a loaded invoice's days are in the calendar");
    require(inv.due_day[i] >= inv.issue_day[i], "no loaded invoice is due before it is issued");
    invoiced += money::from_minor_units(inv.amount[i]);
  }
  require(invoiced == loaded.files[1].amount_loaded, "the ledger's invoices hold amount_loaded");
  const std::array<settlement_columns, 2> settlements{book.payments(), book.credit_notes()};
  for (std::size_t f = 0; f < 2; ++f) {
    money_total total;
    for (std::size_t k = 0; k < settlements[f].amount.size(); ++k) {
      require(settlements[f].amount[k] > 0, "a loaded payment or credit note amount is positive");
      require(in_range(settlements[f].date_day[k]), "a loaded payment or credit note is dated in the calendar");
      total += money::from_minor_units(settlements[f].amount[k]);
    }
    require(total == loaded.files[2 + f].amount_loaded, "the ledger's payments and credit notes hold amount_loaded");
  }
}

void check_position(const ledger& book, day as_of) {
  huikuan_test::failure_log log;
  receivables_position position;
  try {
    position = allocate(book, as_of);
  } catch (const overflow_error&) {
    return;
  }
  huikuan_test::check_conservation(log, book, position);
  for (const aging_grouping grouping : {aging_grouping::customer, aging_grouping::sales_rep}) {
    try {
      huikuan_test::check_aging(log, book, position, age_receivables(book, position, {}, grouping));
    } catch (const overflow_error&) {
    }
  }
  if (log.count() != 0) huikuan_fuzz::violated(log.text());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = huikuan_fuzz::as_text(data, size);
  const std::vector<std::string_view> files = huikuan_fuzz::split_files(input, 4);
  const bool with_credit_notes = std::count(input.begin(), input.end(), huikuan_fuzz::file_separator) >= 3;
  ledger_texts texts{files[0], files[1], files[2], std::nullopt};
  if (with_credit_notes) texts.credit_notes = files[3];
  load_result loaded;
  try {
    loaded = load_ledger(texts);
  } catch (const input_error&) {
    return 0;  // a missing or repeated column: fatal, and documented
  }
  const char* const names[] = {"customers.csv", "invoices.csv", "payments.csv", "credit_notes.csv"};
  for (std::size_t f = 0; f < 4; ++f) {
    if (f == 3 && !with_credit_notes) {
      require(!loaded.files[3].present && loaded.files[3].rows_read == 0, "no credit_notes.csv reads no rows");
      continue;
    }
    huikuan_fuzz::check_file(loaded.files[f], loaded.problems, huikuan_fuzz::census(files[f], f == 0 ? "" : "amount"),
                             names[f], f != 0);
  }
  check_ledger_columns(loaded);

  std::vector<day> dates{min_supported_day, max_supported_day, parse_date("2026-10-31")};
  if (loaded.book.invoice_count() > 0) dates.emplace_back(loaded.book.invoices().issue_day[0]);
  if (loaded.book.payment_count() > 0) dates.emplace_back(loaded.book.payments().date_day[0]);
  for (const day as_of : dates) check_position(loaded.book, as_of);
  return 0;
}
