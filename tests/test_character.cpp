// The Character C from the ledger: amount-weighted days beyond terms that
// count overdue open amounts, the share paid on time, bounced cheques in
// the window, relationship years, and NaN for what the ledger cannot know.
#include <catch2/catch.hpp>

#include <cmath>

#include "huikuan/allocation.hpp"
#include "huikuan/character.hpp"
#include "huikuan/error.hpp"
#include "huikuan/ledger.hpp"
#include "ledger_generator.hpp"

using namespace huikuan;
using namespace huikuan_test;

namespace {

// C1 pays I1 10 days late, I2 on time, leaves I3 open 30 days past due and
// has I4 open but not yet due; an old late payment (P0) falls outside the
// window. One bounced cheque in the window, one before it.
// C2 has no rows. C3 has one invoice not yet due. C4 has only an invoice
// issued after as_of.
ledger small_ledger() {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_customer(make_customer("C2"));
  book.add_customer(make_customer("C3"));
  book.add_customer(make_customer("C4"));
  book.add_invoice(make_invoice("I0", "C1", "2025-01-01", "2025-01-31", 400'000));
  book.add_invoice(make_invoice("I1", "C1", "2026-01-01", "2026-01-31", 100'000));
  book.add_invoice(make_invoice("I2", "C1", "2026-02-01", "2026-03-03", 300'000));
  book.add_invoice(make_invoice("I3", "C1", "2026-05-01", "2026-05-31", 200'000));
  book.add_invoice(make_invoice("I4", "C1", "2026-06-15", "2026-07-15", 50'000));
  book.add_invoice(make_invoice("I5", "C3", "2026-06-20", "2026-07-20", 70'000));
  book.add_invoice(make_invoice("I6", "C4", "2026-07-02", "2026-08-01", 70'000));
  book.add_payment(make_payment("P0", "C1", "2025-03-02", 400'000, "I0"));
  book.add_payment(make_payment("P1", "C1", "2026-02-10", 100'000, "I1"));
  book.add_payment(make_payment("P2", "C1", "2026-03-01", 300'000, "I2"));
  book.add_payment(make_payment("B1", "C1", "2026-04-01", 200'000, "I3", payment_status::bounced, payment_method::cheque));
  book.add_payment(make_payment("B0", "C1", "2025-05-01", 10'000, "", payment_status::bounced, payment_method::cheque));
  book.add_payment(make_payment("P9", "C1", "2026-07-05", 200'000, "I3"));  // after as_of: ignored
  return book;
}

const day as_of = on("2026-06-30");

}  // namespace

TEST_CASE("days beyond terms weight the cash paid in the window and the overdue open amount by amount",
          "[character]") {
  const ledger book = small_ledger();
  const character_columns c = character_from_ledger(book, allocate(book, as_of));
  // (1,000.00 x 10 days + 3,000.00 x 0 + 2,000.00 open x 30 days) / 6,000.00 = 35/3 days
  CHECK(c.days_beyond_terms[0] == Approx(35.0 / 3.0).epsilon(1e-15));
  // 3,000.00 on time of 6,000.00
  CHECK(c.share_paid_on_time[0] == 0.5);
}

TEST_CASE("a customer who does not pay at all is not punctual", "[character]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("I1", "C1", "2026-01-01", "2026-01-31", 100'000));
  const character_columns c = character_from_ledger(book, allocate(book, on("2026-03-02")));
  CHECK(c.days_beyond_terms[0] == 30.0);
  CHECK(c.share_paid_on_time[0] == 0.0);
}

TEST_CASE("cash paid early counts as 0 days beyond terms, not negative", "[character]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("I1", "C1", "2026-01-01", "2026-01-31", 100'000));
  book.add_invoice(make_invoice("I2", "C1", "2026-01-01", "2026-01-31", 100'000));
  book.add_payment(make_payment("P1", "C1", "2026-01-02", 100'000, "I1"));   // 29 days early
  book.add_payment(make_payment("P2", "C1", "2026-02-20", 100'000, "I2"));   // 20 days late
  const character_columns c = character_from_ledger(book, allocate(book, on("2026-03-31")));
  CHECK(c.days_beyond_terms[0] == 10.0);
  CHECK(c.share_paid_on_time[0] == 0.5);
}

TEST_CASE("credit notes are not cash: they neither count as paid on time nor late", "[character]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("I1", "C1", "2026-01-01", "2026-01-31", 100'000));
  book.add_credit_note(make_credit_note("N1", "C1", "2026-03-01", 60'000, "I1"));
  book.add_payment(make_payment("P1", "C1", "2026-01-20", 40'000, "I1"));
  const character_columns c = character_from_ledger(book, allocate(book, on("2026-03-31")));
  CHECK(c.days_beyond_terms[0] == 0.0);
  CHECK(c.share_paid_on_time[0] == 1.0);
}

TEST_CASE("bounced cheques are counted only inside the window", "[character]") {
  const ledger book = small_ledger();
  const receivables_position position = allocate(book, as_of);
  CHECK(character_from_ledger(book, position).bounced_cheques_12m[0] == 1.0);     // B1 only
  CHECK(character_from_ledger(book, position, 500).bounced_cheques_12m[0] == 2.0);  // B0 too
  CHECK(character_from_ledger(book, position, 90).bounced_cheques_12m[0] == 0.0);   // B1 is 91 days back
  CHECK(character_from_ledger(book, position, 91).bounced_cheques_12m[0] == 1.0);   // first day of the window
}

TEST_CASE("a wider window takes in older payments", "[character]") {
  const ledger book = small_ledger();
  const character_columns c = character_from_ledger(book, allocate(book, as_of), 730);
  // + 4,000.00 paid 30 days late (P0): (10 x 1,000 + 30 x 2,000 + 30 x 4,000) / 10,000 = 19
  CHECK(c.days_beyond_terms[0] == 19.0);
  CHECK(c.share_paid_on_time[0] == 0.3);
}

TEST_CASE("relationship years run from the first invoice issued on or before as_of", "[character]") {
  const ledger book = small_ledger();
  const character_columns c = character_from_ledger(book, allocate(book, as_of));
  CHECK(as_of.serial() - on("2025-01-01").serial() == 545);
  CHECK(c.relationship_years[0] == 545 / 365.25);
  CHECK(c.relationship_years[2] == 10 / 365.25);  // C3: issued 2026-06-20
  CHECK(c.relationship_years[3] == 0.0);          // C4: its only invoice is issued after as_of
}

TEST_CASE("customers without payment history have missing behaviour and 0 relationship years", "[character]") {
  const ledger book = small_ledger();
  const character_columns c = character_from_ledger(book, allocate(book, as_of));
  for (std::size_t customer : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
    INFO("customer " << customer);
    CHECK(std::isnan(c.days_beyond_terms[customer]));
    CHECK(std::isnan(c.share_paid_on_time[customer]));
    CHECK(c.bounced_cheques_12m[customer] == 0.0);
  }
  CHECK(c.relationship_years[1] == 0.0);  // C2: no invoices at all
}

TEST_CASE("promises kept and legal events are missing: other sources provide them", "[character]") {
  const ledger book = small_ledger();
  const character_columns c = character_from_ledger(book, allocate(book, as_of));
  REQUIRE(c.promises_kept_ratio.size() == 4);
  REQUIRE(c.legal_events.size() == 4);
  for (std::size_t k = 0; k < 4; ++k) {
    CHECK(std::isnan(c.promises_kept_ratio[k]));
    CHECK(std::isnan(c.legal_events[k]));
  }
  CHECK(c.days_beyond_terms.size() == 4);
  CHECK(c.share_paid_on_time.size() == 4);
  CHECK(c.bounced_cheques_12m.size() == 4);
  CHECK(c.relationship_years.size() == 4);
}

TEST_CASE("an empty ledger gives empty columns", "[character]") {
  const ledger book;
  const character_columns c = character_from_ledger(book, allocate(book, as_of));
  CHECK(c.days_beyond_terms.empty());
  CHECK(c.legal_events.empty());
}

TEST_CASE("a window that is not positive is rejected with huikuan.character.1", "[character]") {
  const ledger book = small_ledger();
  const receivables_position position = allocate(book, as_of);
  CHECK_THROWS_WITH(character_from_ledger(book, position, 0), "[huikuan.character.1] window of 0 days is not positive");
  CHECK_THROWS_WITH(character_from_ledger(book, position, -7), "[huikuan.character.1] window of -7 days is not positive");
  try {
    (void)character_from_ledger(book, position, 0);
    FAIL("no exception");
  } catch (const input_error& error) {
    CHECK(error.field() == "window_days");
  }
}

TEST_CASE("a position of another ledger is rejected with huikuan.character.1", "[character]") {
  const ledger book = small_ledger();
  ledger other;
  other.add_customer(make_customer("X"));
  CHECK_THROWS_WITH(character_from_ledger(book, allocate(other, as_of)),
                    "[huikuan.character.1] the position does not belong to this ledger");
}
