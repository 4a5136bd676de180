// Definitions for terms.hpp.
#pragma once

#include <cctype>

#include "huikuan/terms.hpp"

namespace huikuan {

HUIKUAN_FUNC payment_terms payment_terms::net(std::int32_t days_after_issue) {
  if (days_after_issue < 0 || days_after_issue > 3650)
    throw input_error("huikuan.terms.2", "NET " + std::to_string(days_after_issue) +
                                             ": days must be in 0..3650");
  return {terms_kind::net, days_after_issue};
}

HUIKUAN_FUNC payment_terms payment_terms::end_of_month_plus(std::int32_t days_after_month_end) {
  if (days_after_month_end < 0 || days_after_month_end > 3650)
    throw input_error("huikuan.terms.2", "EOM " + std::to_string(days_after_month_end) +
                                             ": days must be in 0..3650");
  return {terms_kind::end_of_month, days_after_month_end};
}

HUIKUAN_FUNC payment_terms payment_terms::day_of_following_month(std::int32_t day_of_month) {
  if (day_of_month < 1 || day_of_month > 31)
    throw input_error("huikuan.terms.3", "DAY " + std::to_string(day_of_month) +
                                             ": the day of the month must be in 1..31");
  return {terms_kind::day_of_following_month, day_of_month};
}

HUIKUAN_FUNC day payment_terms::due_date(day issue_date) const {
  switch (kind) {
    case terms_kind::net: return issue_date + days(number);
    case terms_kind::end_of_month: return end_of_month(issue_date) + days(number);
    case terms_kind::day_of_following_month:
      return huikuan::day_of_following_month(issue_date, number);
  }
  return issue_date + days(number);
}

HUIKUAN_FUNC std::string payment_terms::to_string() const {
  const char* prefix = kind == terms_kind::net ? "NET " : kind == terms_kind::end_of_month ? "EOM " : "DAY ";
  return prefix + std::to_string(number);
}

HUIKUAN_FUNC payment_terms parse_terms(std::string_view text) {
  std::string upper;
  for (char c : text)
    if (c != ' ') upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  const auto unknown = [&] {
    return input_error("huikuan.terms.1", "terms \"" + std::string(text) +
                                              "\" are not NET n, EOM n or DAY d");
  };
  if (upper.size() < 4 || upper.size() > 8) throw unknown();
  const std::string_view prefix = std::string_view(upper).substr(0, 3);
  std::int32_t number = 0;
  for (char c : std::string_view(upper).substr(3)) {
    if (c < '0' || c > '9') throw unknown();
    number = number * 10 + (c - '0');
  }
  if (prefix == "NET") return payment_terms::net(number);
  if (prefix == "EOM") return payment_terms::end_of_month_plus(number);
  if (prefix == "DAY") return payment_terms::day_of_following_month(number);
  throw unknown();
}

}  // namespace huikuan
