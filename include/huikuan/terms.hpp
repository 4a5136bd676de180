// Payment terms: how a due date follows from an invoice's issue date.
//
//   NET n   due n days after the issue date            ("NET 30")
//   EOM n   due n days after the end of the issue month ("EOM 30")
//   DAY d   due on day d of the month after issue       ("DAY 10");
//           a day beyond that month's length falls on its last day
//
// Text forms are case-insensitive; spaces around the text and between the
// word and the number are optional ("net30", " Net 30 ").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "huikuan/config.hpp"
#include "huikuan/date.hpp"

namespace huikuan {

enum class terms_kind : std::uint8_t { net, end_of_month, day_of_following_month };

/// Payment terms as a value: the kind and its number (days for NET and
/// EOM, 0..3650; the day of the month for DAY, 1..31).
struct payment_terms {
  terms_kind kind = terms_kind::net;
  std::int32_t number = 30;

  /// NET n. Throws input_error [huikuan.terms.2] if n is outside 0..3650.
  HUIKUAN_FUNC static payment_terms net(std::int32_t days_after_issue);
  /// EOM n. Throws input_error [huikuan.terms.2] if n is outside 0..3650.
  HUIKUAN_FUNC static payment_terms end_of_month_plus(std::int32_t days_after_month_end);
  /// DAY d. Throws input_error [huikuan.terms.3] if d is outside 1..31.
  HUIKUAN_FUNC static payment_terms day_of_following_month(std::int32_t day_of_month);

  /// Checks the number against the kind's range; throws what net(),
  /// end_of_month_plus() or day_of_following_month() throw.
  HUIKUAN_FUNC void validate() const;
  /// The due date of an invoice issued on `issue_date`. Throws input_error
  /// [huikuan.date.3] for an issue date outside 1400-01-01 .. 9999-12-31 or
  /// a due date beyond 9999-12-31 ("NET 30" after 9999-12-15), never a
  /// day the calendar cannot show.
  [[nodiscard]] HUIKUAN_FUNC day due_date(day issue_date) const;
  /// Canonical text: "NET 30", "EOM 30", "DAY 10".
  [[nodiscard]] HUIKUAN_FUNC std::string to_string() const;

  friend bool operator==(const payment_terms&, const payment_terms&) = default;
};

/// Parses "NET 30", "EOM 30", "DAY 10" (case-insensitive, space optional).
/// Throws input_error [huikuan.terms.1] for an unknown form, [huikuan.terms.2]
/// or [huikuan.terms.3] for a number out of range.
HUIKUAN_FUNC payment_terms parse_terms(std::string_view text);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/terms-inl.hpp"
#endif
