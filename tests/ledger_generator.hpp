// A deterministic random ledger generator for property tests, and the small
// helpers the hand-built ledgers in the concept tests share.
//
// Every draw comes from a std::mt19937_64 seeded explicitly and is reduced
// with plain modulo arithmetic (not std::uniform_int_distribution, whose
// output differs between standard libraries), so a seed names the same
// ledger on every platform. A failing property prints its seed; rebuild the
// ledger with ledger_generator(seed).generate(config_for_seed(seed)).
//
// The ledgers are built to hit the allocation rules' edge cases: payments
// dated before any invoice, payments naming invoices issued after them,
// partial, exact and over-payments, bounced cheques followed by a
// replacement of the same amount, duplicate-looking payments (same
// customer, day, amount and invoice under ids that differ only in case or
// suffix), payments and credit notes on the same day, invoices with equal
// due and issue dates (tie-breaks), ids whose byte order differs from the
// order they were added, UTF-8 ids, and customers with no rows at all.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/date.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/money.hpp"
#include "huikuan/terms.hpp"

namespace huikuan_test {

/// The day of an ISO date text ("2026-03-31").
inline huikuan::day on(std::string_view iso) { return huikuan::parse_date(iso); }

/// An amount in minor units.
inline huikuan::money minor(std::int64_t units) { return huikuan::money::from_minor_units(units); }

/// A customer on NET 30 with rep "Rep A" unless told otherwise.
inline huikuan::customer make_customer(std::string id, std::string sales_rep = "Rep A",
                                       huikuan::payment_terms terms = huikuan::payment_terms::net(30)) {
  std::string name = "Customer " + id;
  return {std::move(id), std::move(name), std::move(sales_rep), terms, minor(100'000'000), ""};
}

/// An invoice with an explicit due date.
inline huikuan::invoice make_invoice(std::string id, std::string customer_id, std::string_view issue,
                                     std::string_view due, std::int64_t amount, std::string sales_rep = "") {
  return {std::move(id), std::move(customer_id), on(issue), on(due), minor(amount), "", "", std::move(sales_rep)};
}

/// A cleared transfer; `invoice_id` empty for a payment on account.
inline huikuan::payment make_payment(std::string id, std::string customer_id, std::string_view date,
                                     std::int64_t amount, std::string invoice_id = "",
                                     huikuan::payment_status status = huikuan::payment_status::cleared,
                                     huikuan::payment_method method = huikuan::payment_method::transfer) {
  return {std::move(id), std::move(customer_id), on(date), minor(amount), method, status, std::move(invoice_id)};
}

/// A credit note; `invoice_id` empty for one on account.
inline huikuan::credit_note make_credit_note(std::string id, std::string customer_id, std::string_view date,
                                             std::int64_t amount, std::string invoice_id = "",
                                             std::string reason = "return") {
  return {std::move(id), std::move(customer_id), on(date), minor(amount), std::move(invoice_id), std::move(reason)};
}

/// How big a generated ledger is and which days it spans.
struct generator_config {
  std::size_t customers = 8;
  std::size_t invoices = 40;
  std::size_t payments = 30;
  std::size_t credit_notes = 6;
  huikuan::day first_day = huikuan::day(20'089);  // 2025-01-01
  std::int32_t span_days = 420;
};

/// Deterministic random ledgers (see the file comment).
class ledger_generator {
public:
  explicit ledger_generator(std::uint64_t seed) : rng_(seed) {}

  /// A uniformly drawn integer in [low, high] (modulo reduction: the tiny
  /// bias does not matter here, portability does).
  std::int64_t between(std::int64_t low, std::int64_t high) {
    const auto range = static_cast<std::uint64_t>(high - low) + 1;
    return low + static_cast<std::int64_t>(rng_() % range);
  }
  /// True with probability percent / 100.
  bool chance(int percent) { return between(0, 99) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& from) {
    return from[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(from.size()) - 1))];
  }

  /// A size for the ledger of `seed`: mostly small ledgers (where edge cases
  /// collide often), some empty or tiny, a few medium ones.
  generator_config random_config() {
    generator_config config;
    const std::int64_t tier = between(0, 99);
    const auto size = [&](std::int64_t low, std::int64_t high) { return static_cast<std::size_t>(between(low, high)); };
    if (tier < 10) {
      config.customers = size(0, 2);
      config.invoices = size(0, 4);
      config.payments = size(0, 4);
      config.credit_notes = size(0, 2);
      config.span_days = static_cast<std::int32_t>(between(1, 60));
    } else if (tier < 90) {
      config.customers = size(1, 8);
      config.invoices = size(0, 40);
      config.payments = size(0, 40);
      config.credit_notes = size(0, 8);
      config.span_days = static_cast<std::int32_t>(between(30, 400));
    } else {
      config.customers = size(5, 30);
      config.invoices = size(40, 200);
      config.payments = size(20, 180);
      config.credit_notes = size(0, 30);
      config.span_days = static_cast<std::int32_t>(between(200, 900));
    }
    config.first_day = huikuan::day(static_cast<std::int32_t>(between(19'000, 21'000)));
    return config;
  }

  /// A ledger of the given size. Customers without any invoice are rows with
  /// no movements (or with payments only: payments made before any invoice).
  huikuan::ledger generate(const generator_config& config) {
    huikuan::ledger book;
    first_day_ = config.first_day.serial();
    last_day_ = first_day_ + config.span_days;
    event_days_.clear();
    for (std::size_t c = 0; c < config.customers; ++c) book.add_customer(new_customer(c, ""));
    if (config.customers == 0) return book;

    for (std::size_t i = 0; i < config.invoices; ++i) {
      const auto c = static_cast<std::size_t>(between(0, static_cast<std::int64_t>(config.customers) - 1));
      add_invoice(book, book.customers()[c].id, first_day_, last_day_, "I");
    }
    for (std::size_t p = 0; p < config.payments; ++p)
      add_payment(book, book.customers()[pick_customer(book)].id, first_day_ - 30, last_day_ + 10, "P");
    for (std::size_t k = 0; k < config.credit_notes; ++k)
      add_credit_note(book, book.customers()[pick_customer(book)].id, first_day_ - 10, last_day_ + 10, "CN");
    return book;
  }

  /// A few as-of dates for the ledger last generated: `random_ones` inside
  /// its span, the day of some row (to hit "on or before as_of"
  /// boundaries), then, always the last two, one before every row and one
  /// after every row.
  std::vector<huikuan::day> as_of_dates(std::size_t random_ones) {
    std::vector<huikuan::day> dates;
    for (std::size_t k = 0; k < random_ones; ++k)
      dates.emplace_back(static_cast<std::int32_t>(between(first_day_, last_day_)));
    if (!event_days_.empty()) dates.emplace_back(pick(event_days_));
    dates.emplace_back(first_day_ - 40);
    dates.emplace_back(last_day_ + 400);
    return dates;
  }

  /// Adds `count` rows dated after `as_of`: invoices, payments (some bounced,
  /// some naming earlier invoices) and credit notes, for existing customers
  /// and for new ones (some with reps the ledger has not seen).
  void add_rows_after(huikuan::ledger& book, huikuan::day as_of, std::size_t count) {
    const std::int32_t after = as_of.serial() + 1;
    const std::int32_t until = as_of.serial() + 200;
    for (std::size_t k = 0; k < count; ++k) {
      const std::int64_t kind = between(0, 9);
      if (book.customer_count() == 0 || kind == 0) {
        book.add_customer(new_customer(book.customer_count(), "LATE-"));
        continue;
      }
      const std::string who = book.customers()[pick_customer(book)].id;
      if (kind <= 4) {
        add_invoice(book, who, after, until, "LATE-I");
      } else if (kind <= 8) {
        add_payment(book, who, after, until, "LATE-P");
      } else {
        add_credit_note(book, who, after, until, "LATE-CN");
      }
    }
  }

private:
  std::size_t pick_customer(const huikuan::ledger& book) {
    // Skewed: the first customers get most rows, some get none.
    const auto n = static_cast<std::int64_t>(book.customer_count());
    const std::int64_t a = between(0, n - 1), b = between(0, n - 1);
    return static_cast<std::size_t>(chance(60) ? std::min(a, b) : a);
  }

  std::optional<std::size_t> invoice_of(const huikuan::ledger& book, const std::string& customer_id) {
    // A random invoice of this customer, if it has one (a few tries).
    if (book.invoice_count() == 0) return std::nullopt;
    const auto c = static_cast<std::uint32_t>(book.customer_index_of(customer_id));
    const auto columns = book.invoices();
    for (int attempt = 0; attempt < 12; ++attempt) {
      const auto i = static_cast<std::size_t>(between(0, static_cast<std::int64_t>(book.invoice_count()) - 1));
      if (columns.customer[i] == c) return i;
    }
    for (std::size_t i = 0; i < book.invoice_count(); ++i)
      if (columns.customer[i] == c) return i;
    return std::nullopt;
  }

  std::int64_t random_amount() {
    const std::int64_t shape = between(0, 99);
    if (shape < 5) return between(1, 100);                       // a few fen
    if (shape < 25) return between(1, 50) * 100'000;              // round thousands
    if (shape < 30) return between(1'000'000'000, 5'000'000'000);  // big project invoices
    return between(1'000, 5'000'000);
  }

  huikuan::payment_terms random_terms() {
    switch (between(0, 2)) {
      case 0: return huikuan::payment_terms::net(static_cast<std::int32_t>(pick(std::vector<std::int64_t>{0, 15, 30, 45, 60, 90})));
      case 1: return huikuan::payment_terms::end_of_month_plus(static_cast<std::int32_t>(pick(std::vector<std::int64_t>{0, 30, 60})));
      default: return huikuan::payment_terms::day_of_following_month(static_cast<std::int32_t>(pick(std::vector<std::int64_t>{1, 10, 25, 31})));
    }
  }

  const std::string& random_rep() {
    static const std::vector<std::string> reps{"王伟", "李娜", "John Carter", "Emily Chen", "陈志强", ""};
    return pick(reps);
  }

  huikuan::customer new_customer(std::size_t number, const std::string& prefix) {
    // Ids that look alike but differ: "C7", "c007", "C007", "客户7".
    const std::string digits = std::to_string(number);
    const std::string padded = std::string(digits.size() < 3 ? 3 - digits.size() : 0, '0') + digits;
    std::string id;
    switch (between(0, 3)) {
      case 0: id = "C" + padded; break;
      case 1: id = "c" + padded; break;
      case 2: id = "C" + digits; break;
      default: id = "客户" + digits; break;
    }
    std::string rep = random_rep();
    if (!prefix.empty() && chance(30)) rep = "新人" + digits;
    return {prefix + id, "公司 " + digits, std::move(rep), random_terms(), minor(between(0, 50'000'000)),
            chance(50) ? "wholesale" : ""};
  }

  std::string next_id(const std::string& prefix) {
    // Random stems so that byte order differs from insertion order; the
    // counter keeps ids unique. Some ids differ from another only by case.
    const std::uint64_t n = ++counter_;
    const std::int64_t stem = between(0, 999);
    switch (between(0, 4)) {
      case 0: return prefix + "-" + std::to_string(stem) + "-" + std::to_string(n);
      case 1: return prefix + std::to_string(n);
      case 2: return "票" + prefix + std::to_string(stem) + "." + std::to_string(n);
      case 3: return prefix + "-" + std::to_string(n) + "a";
      default: {
        std::string lower = prefix;
        for (char& ch : lower)
          if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        return lower + "-" + std::to_string(n);
      }
    }
  }

  std::int32_t random_day(std::int32_t low, std::int32_t high) {
    // Often reuse the day of an earlier row so that same-day orderings occur.
    if (!event_days_.empty() && chance(30)) {
      const std::int32_t reused = pick(event_days_);
      if (reused >= low && reused <= high) return reused;
    }
    const auto d = static_cast<std::int32_t>(between(low, high));
    event_days_.push_back(d);
    return d;
  }

  void add_invoice(huikuan::ledger& book, const std::string& customer_id, std::int32_t low, std::int32_t high,
                   const std::string& prefix) {
    huikuan::invoice record;
    record.id = next_id(prefix);
    record.customer_id = customer_id;
    const auto mine = invoice_of(book, customer_id);
    if (mine && chance(15)) {
      // Looks like a duplicate: same dates and amount as an earlier invoice.
      const huikuan::invoice earlier = book.invoice_at(huikuan::invoice_index{static_cast<std::uint32_t>(*mine)});
      record.issue_date = earlier.issue_date;
      record.due_date = earlier.due_date;
      record.amount = earlier.amount;
      if (record.issue_date.serial() < low) record.issue_date = huikuan::day(low);
      if (*record.due_date < record.issue_date) record.due_date = record.issue_date;
    } else {
      record.issue_date = huikuan::day(random_day(low, high));
      if (chance(50)) record.due_date = record.issue_date + huikuan::days(static_cast<std::int32_t>(between(0, 120)));
      record.amount = minor(random_amount());
    }
    record.contract_no = chance(30) ? "HT-" + std::to_string(between(1, 50)) : "";
    if (chance(15)) record.sales_rep = prefix == "I" ? random_rep() : "后来者" + std::to_string(between(0, 3));
    event_days_.push_back(record.issue_date.serial());
    book.add_invoice(std::move(record));
  }

  void add_payment(huikuan::ledger& book, const std::string& customer_id, std::int32_t low, std::int32_t high,
                   const std::string& prefix) {
    huikuan::payment record;
    record.customer_id = customer_id;
    record.method = static_cast<huikuan::payment_method>(between(0, 3));
    record.status = chance(12) ? huikuan::payment_status::bounced : huikuan::payment_status::cleared;
    const auto named = invoice_of(book, record.customer_id);
    const std::int64_t shape = between(0, 99);
    if (named && shape < 60) {
      const huikuan::invoice target = book.invoice_at(huikuan::invoice_index{static_cast<std::uint32_t>(*named)});
      record.invoice_id = target.id;
      const std::int64_t full = target.amount.minor_units();
      const std::int64_t how = between(0, 9);
      // exact, short (尾数被砍), instalment, over-payment
      const std::int64_t amount = how < 4   ? full
                                  : how < 6 ? std::max<std::int64_t>(1, full - between(1, 100))
                                  : how < 8 ? std::max<std::int64_t>(1, full / between(2, 4))
                                            : full + between(1, full);
      record.amount = minor(amount);
      // Usually after the invoice, sometimes before it was issued.
      const std::int32_t issue = target.issue_date.serial();
      const std::int32_t d = chance(85) ? issue + static_cast<std::int32_t>(between(0, 150))
                                        : issue - static_cast<std::int32_t>(between(1, 40));
      record.date = huikuan::day(std::clamp(d, low, high));
      if (chance(10)) record.date = huikuan::day(random_day(low, high));
    } else {
      record.amount = minor(random_amount());
      record.date = huikuan::day(random_day(low, high));
    }
    record.id = next_id(prefix);
    event_days_.push_back(record.date.serial());
    const huikuan::payment first = record;
    book.add_payment(std::move(record));

    if (first.status == huikuan::payment_status::bounced && chance(60)) {
      // The replacement of a bounced cheque: same amount and invoice.
      huikuan::payment again = first;
      again.id = first.id + "-R";
      again.status = huikuan::payment_status::cleared;
      again.date = first.date + huikuan::days(static_cast<std::int32_t>(between(0, 20)));
      if (again.date.serial() > high) again.date = first.date;
      book.add_payment(std::move(again));
    } else if (chance(6)) {
      // Looks like a duplicate: same everything under a near-identical id.
      huikuan::payment twin = first;
      twin.id = chance(50) ? first.id + " " : first.id + "\xC3\xA9";
      book.add_payment(std::move(twin));
    }
  }

  void add_credit_note(huikuan::ledger& book, const std::string& customer_id, std::int32_t low, std::int32_t high,
                       const std::string& prefix) {
    huikuan::credit_note record;
    record.customer_id = customer_id;
    const auto named = invoice_of(book, record.customer_id);
    if (named && chance(60)) {
      const huikuan::invoice target = book.invoice_at(huikuan::invoice_index{static_cast<std::uint32_t>(*named)});
      record.invoice_id = target.id;
      const std::int64_t full = target.amount.minor_units();
      record.amount = minor(chance(70) ? std::max<std::int64_t>(1, full / between(2, 10)) : full + between(0, 1000));
      record.date = huikuan::day(std::clamp(target.issue_date.serial() + static_cast<std::int32_t>(between(-5, 90)),
                                            low, high));
    } else {
      record.amount = minor(random_amount() / 4 + 1);
      record.date = huikuan::day(random_day(low, high));
    }
    record.id = next_id(prefix);
    record.reason = chance(50) ? "退货" : "price adjustment";
    event_days_.push_back(record.date.serial());
    book.add_credit_note(std::move(record));
  }

  std::mt19937_64 rng_;
  std::uint64_t counter_ = 0;
  std::int32_t first_day_ = 20'089;
  std::int32_t last_day_ = 20'089;
  std::vector<std::int32_t> event_days_;
};

}  // namespace huikuan_test
