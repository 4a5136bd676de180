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

HUIKUAN_FUNC void payment_terms::validate() const {
  switch (kind) {
    case terms_kind::net: static_cast<void>(net(number)); return;
    case terms_kind::end_of_month: static_cast<void>(end_of_month_plus(number)); return;
    case terms_kind::day_of_following_month: static_cast<void>(day_of_following_month(number)); return;
  }
  throw input_error("huikuan.terms.1", "terms of an unknown kind");
}

HUIKUAN_FUNC day payment_terms::due_date(day issue_date) const {
  if (kind == terms_kind::day_of_following_month) return huikuan::day_of_following_month(issue_date, number);
  if (issue_date < min_supported_day || issue_date > max_supported_day)
    static_cast<void>(issue_date.to_date());  // throws [huikuan.date.3] naming the day number
  // NET and EOM add up to 3650 days, which can pass the calendar's end.
  const day due = (kind == terms_kind::end_of_month ? end_of_month(issue_date) : issue_date) + days(number);
  if (due > max_supported_day)
    throw input_error("huikuan.date.3", "the due date " + to_string() + " after " + format_date(issue_date) +
                                            " is beyond 9999-12-31");
  return due;
}

HUIKUAN_FUNC std::string payment_terms::to_string() const {
  const char* prefix = kind == terms_kind::net ? "NET " : kind == terms_kind::end_of_month ? "EOM " : "DAY ";
  return prefix + std::to_string(number);
}

HUIKUAN_FUNC payment_terms parse_terms(std::string_view text) {
  const auto unknown = [&] {
    return input_error("huikuan.terms.1", "terms \"" + std::string(text) + "\" are not NET n, EOM n or DAY d");
  };
  std::string_view rest = text;
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  if (rest.size() < 4) throw unknown();
  std::string prefix;
  for (char c : rest.substr(0, 3)) prefix.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  rest.remove_prefix(3);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.empty() || rest.size() > 6) throw unknown();
  std::int32_t number = 0;
  for (char c : rest) {
    if (c < '0' || c > '9') throw unknown();
    number = number * 10 + (c - '0');
  }
  if (prefix == "NET") return payment_terms::net(number);
  if (prefix == "EOM") return payment_terms::end_of_month_plus(number);
  if (prefix == "DAY") return payment_terms::day_of_following_month(number);
  throw unknown();
}

}  // namespace huikuan
