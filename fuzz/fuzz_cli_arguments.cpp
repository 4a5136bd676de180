// The command's argument parsers on any text: parse_date (--as-of, --from,
// --to), parse_money (amounts), parse_terms (terms), and bucket edges
// (--buckets) decoded from the input's bytes into bucket_policy::validate.
//
// Invariants:
//   parse_date   a date that parses formats back to its own text (spaces
//                trimmed) and parses again to the same day;
//   parse_money  format_money and format_money_grouped of the amount parse
//                back to the same amount; with one more decimal place the
//                same text is ten times the minor units, or beyond int64;
//                text that is not a plain amount fails with a money error;
//   parse_terms  the canonical text parses back to the same terms, and a
//                due date is on or after the issue date, or the calendar's
//                end is a date error;
//   buckets      valid edges give edges + 1 labels and bucket_of puts each
//                edge in its own bucket and the next day in the next one.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.hpp"
#include "huikuan/aging.hpp"
#include "huikuan/date.hpp"
#include "huikuan/money.hpp"
#include "huikuan/terms.hpp"

namespace {

using namespace huikuan;
using huikuan_fuzz::int128;
using huikuan_fuzz::require;

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

void check_date(std::string_view text) {
  day d;
  try {
    d = parse_date(text);
  } catch (const input_error& error) {
    require(error.id() == "huikuan.date.1" || error.id() == "huikuan.date.2", "a bad date is date.1 or date.2");
    return;
  }
  require(d >= min_supported_day && d <= max_supported_day, "a parsed date is in the calendar");
  require(format_date(d) == trimmed(text), "a parsed date formats back to its text");
  require(parse_date(format_date(d)) == d, "a formatted date parses to the same day");
}

void check_money(std::string_view text) {
  for (int decimals = 0; decimals <= 6; ++decimals) {
    money amount;
    try {
      amount = parse_money(text, decimals);
    } catch (const input_error& error) {
      require(error.id().starts_with("huikuan.money."), "a bad amount is a money error");
      continue;
    }
    require(parse_money(format_money(amount, decimals), decimals) == amount, "format_money parses back");
    require(parse_money(format_money_grouped(amount, decimals), decimals) == amount, "format_money_grouped parses back");
    if (decimals < 6) {
      try {
        const money finer = parse_money(text, decimals + 1);
        require(int128{finer.minor_units()} == int128{amount.minor_units()} * 10,
                "one more decimal place is ten times the minor units");
      } catch (const input_error& error) {
        require(error.id() == "huikuan.money.4", "one more decimal place can only leave the int64 range");
      }
    }
  }
}

void check_terms(std::string_view text) {
  payment_terms terms;
  try {
    terms = parse_terms(text);
  } catch (const input_error& error) {
    require(error.id().starts_with("huikuan.terms."), "bad terms are a terms error");
    return;
  }
  require(parse_terms(terms.to_string()) == terms, "canonical terms parse back");
  for (const day issued : {min_supported_day, parse_date("2024-02-29"), parse_date("9999-11-30"), max_supported_day}) {
    try {
      const day due = terms.due_date(issued);
      require(due >= issued && due <= max_supported_day, "a due date is on or after issue, in the calendar");
    } catch (const input_error& error) {
      require(error.id() == "huikuan.date.3", "only the calendar's end stops a due date");
    }
  }
}

void check_buckets(const std::uint8_t* data, std::size_t size) {
  bucket_policy policy;
  policy.upper_edges.clear();
  for (std::size_t at = 0; at + 4 <= size && policy.upper_edges.size() < 40; at += 4) {
    std::int32_t edge;
    std::memcpy(&edge, data + at, 4);
    policy.upper_edges.push_back(edge);
  }
  policy.basis = size % 2 == 0 ? aging_basis::days_past_due : aging_basis::days_since_invoice;
  try {
    policy.validate();
  } catch (const input_error& error) {
    require(error.id() == "huikuan.aging.1", "bad edges are aging.1");
    return;
  }
  require(policy.labels().size() == policy.bucket_count(), "a label per bucket");
  for (std::size_t k = 0; k < policy.upper_edges.size(); ++k) {
    require(policy.bucket_of(policy.upper_edges[k]) == k, "an edge falls in its own bucket");
    require(policy.bucket_of(policy.upper_edges[k] + 1) == k + 1, "the day after an edge falls in the next bucket");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = huikuan_fuzz::as_text(data, size);
  check_date(text);
  check_money(text);
  check_terms(text);
  check_buckets(data, size);
  return 0;
}
