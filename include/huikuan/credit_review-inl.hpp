// Definitions for credit_review.hpp.
#pragma once

#include <cmath>
#include <cstdio>
#include <limits>

#include "huikuan/allocation.hpp"
#include "huikuan/character.hpp"
#include "huikuan/credit_review.hpp"
#include "huikuan/detail/table_reader.hpp"
#include "huikuan/scoring.hpp"

namespace huikuan {

namespace detail {
inline constexpr std::string_view limit_columns[] = {"tangible_net_worth", "working_capital", "expected_monthly_purchases",
                                                     "collateral_value",   "guarantees",      "credit_insurance"};

// An indicator's domain for messages, "1 .. 7" or "0 .. +inf".
inline std::string domain_text(const indicator& ind) {
  const auto bound = [](const std::optional<double>& value, const char* none) {
    if (!value) return std::string(none);
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "%.10g", *value);
    return std::string(buffer, static_cast<std::size_t>(n > 0 ? n : 0));
  };
  return bound(ind.min_value, "-inf") + " .. " + bound(ind.max_value, "+inf");
}

}  // namespace detail

HUIKUAN_FUNC financials_table no_financials(const ledger& book) {
  financials_table t;
  t.limit_inputs.resize(book.customer_count());
  t.has_row.assign(book.customer_count(), 0);
  return t;
}

HUIKUAN_FUNC financials_load_result load_financials(std::string_view text, const ledger& book, const scorecard& card) {
  financials_load_result result;
  result.summary.file = "financials.csv";
  result.summary.present = true;
  financials_table& t = result.table;
  t = no_financials(book);
  csv_reader reader(text);
  csv_record header;
  if (!reader.next(header)) throw input_error("huikuan.load.2", "financials.csv is empty: it has no header row");
  int id_column = -1;
  std::vector<std::pair<std::size_t, std::size_t>> indicator_columns;  // (csv column, code index)
  std::vector<std::pair<std::size_t, std::size_t>> money_columns;      // (csv column, limit field)
  int haircut_column = -1;
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const std::string& name = header.fields[c];
    if (name == "customer_id") id_column = static_cast<int>(c);
    if (name == "collateral_haircut") haircut_column = static_cast<int>(c);
    if (card.find(name)) {
      indicator_columns.emplace_back(c, t.codes.size());
      t.codes.push_back(name);
    }
    for (std::size_t f = 0; f < std::size(detail::limit_columns); ++f)
      if (name == detail::limit_columns[f]) money_columns.emplace_back(c, f);
  }
  if (id_column < 0) throw input_error("huikuan.load.2", "financials.csv has no customer_id column", "customer_id");
  t.values.assign(t.codes.size(), std::vector<double>(book.customer_count(), std::numeric_limits<double>::quiet_NaN()));

  csv_record row;
  while (reader.next(row)) {
    ++result.summary.rows_read;
    const std::size_t before = result.problems.size();
    const auto report = [&](std::string_view column, const std::string& id, std::string_view reason) {
      result.problems.push_back({"financials.csv", row.line, std::string(column), id, std::string(reason)});
    };
    if (!row.problem.empty()) report("", "huikuan.csv.1", row.problem);
    else if (row.fields.size() != header.fields.size())
      report("", "huikuan.csv.2", "the row has " + std::to_string(row.fields.size()) + " fields; the header has " +
                                      std::to_string(header.fields.size()));
    std::optional<customer_index> who;
    if (result.problems.size() == before) {
      const std::string& id = row.fields[static_cast<std::size_t>(id_column)];
      who = book.find_customer(id);
      if (!who) report("customer_id", "huikuan.ledger.4", "unknown customer " + id);
      else if (t.has_row[static_cast<std::size_t>(*who)])
        report("customer_id", "huikuan.ledger.1", "duplicate customer id " + id);
    }
    std::vector<double> values(t.codes.size(), std::numeric_limits<double>::quiet_NaN());
    credit_limit_inputs limits;
    std::optional<money> collateral;
    double haircut = 0;
    if (result.problems.size() == before) {
      for (const auto& [column, code] : indicator_columns) {
        if (row.fields[column].empty()) continue;
        try {
          const double value = detail::parse_number(row.fields[column], header.fields[column]);
          // A value the scorecard cannot score is this row's problem, not
          // a failure of the whole review later.
          const indicator& ind = card.indicators[*card.find(header.fields[column])];
          if ((ind.min_value && value < *ind.min_value) || (ind.max_value && value > *ind.max_value))
            report(header.fields[column], "huikuan.score.2",
                   header.fields[column] + " " + row.fields[column] + " is outside " + detail::domain_text(ind));
          else
            values[code] = value;
        } catch (const input_error& error) {
          report(header.fields[column], error.id(), error.reason());
        }
      }
      for (const auto& [column, field] : money_columns) {
        if (row.fields[column].empty()) continue;
        try {
          const money amount = parse_money(row.fields[column]);
          switch (field) {
            case 0: limits.tangible_net_worth = amount; break;
            case 1: limits.working_capital = amount; break;
            case 2: limits.expected_monthly_purchases = amount; break;
            case 3: collateral = amount; break;
            case 4: limits.guarantees = amount; break;
            default: limits.credit_insurance = amount; break;
          }
        } catch (const input_error& error) {
          report(header.fields[column], error.id(), error.reason());
        }
      }
      if (haircut_column >= 0 && !row.fields[static_cast<std::size_t>(haircut_column)].empty()) {
        try {
          haircut = detail::parse_number(row.fields[static_cast<std::size_t>(haircut_column)], "collateral_haircut");
        } catch (const input_error& error) {
          report("collateral_haircut", error.id(), error.reason());
        }
      }
      if (result.problems.size() == before) {
        if (!(haircut >= 0 && haircut <= 1))
          report("collateral_haircut", "huikuan.limit.3",
                 "haircut " + std::string(row.fields[static_cast<std::size_t>(haircut_column)]) + " is outside 0..1");
        else if (collateral) {
          try {
            limits.collateral_after_haircut = collateral_after_haircut(*collateral, haircut);
          } catch (const input_error& error) {
            report("collateral_value", error.id(), error.reason());
          }
        }
        if (limits.guarantees.is_negative())
          report("guarantees", "huikuan.limit.3", "security " + format_money(limits.guarantees) + " is negative");
        if (limits.credit_insurance.is_negative())
          report("credit_insurance", "huikuan.limit.3",
                 "security " + format_money(limits.credit_insurance) + " is negative");
      }
    }
    if (result.problems.size() != before) {
      ++result.summary.rows_left_out;
      continue;
    }
    const auto c = static_cast<std::size_t>(*who);
    t.has_row[c] = 1;
    t.limit_inputs[c] = limits;
    for (std::size_t k = 0; k < values.size(); ++k) t.values[k][c] = values[k];
    ++result.summary.rows_loaded;
  }
  return result;
}

HUIKUAN_FUNC std::vector<credit_review_row> review_credit(const ledger& book, day as_of, const financials_table& financials,
                                                          const credit_model& model, std::size_t reasons,
                                                          std::span<const double> promises_kept_ratio) {
  if (!promises_kept_ratio.empty() && promises_kept_ratio.size() != book.customer_count())
    throw input_error("huikuan.review.1", "promises_kept_ratio has " + std::to_string(promises_kept_ratio.size()) +
                                              " values for " + std::to_string(book.customer_count()) + " customers");
  const scorecard& card = model.card;
  const scoring_model scorer(card);
  const std::size_t n = book.customer_count();
  const std::size_t m = card.indicators.size();
  const receivables_position position = allocate(book, as_of);
  character_columns character = character_from_ledger(book, position, 365);
  if (!promises_kept_ratio.empty())
    character.promises_kept_ratio.assign(promises_kept_ratio.begin(), promises_kept_ratio.end());

  std::vector<money> open(n);
  const invoice_columns inv = book.invoices();
  for (std::size_t i = 0; i < inv.amount.size(); ++i)
    open[inv.customer[i]] += money::from_minor_units(position.open_amount[i]);

  // Columns in scorecard order: ledger first, financials where the ledger has nothing.
  const std::pair<std::string_view, const std::vector<double>*> from_ledger[] = {
      {"days_beyond_terms", &character.days_beyond_terms},     {"share_paid_on_time", &character.share_paid_on_time},
      {"promises_kept_ratio", &character.promises_kept_ratio}, {"bounced_cheques_12m", &character.bounced_cheques_12m},
      {"relationship_years", &character.relationship_years},   {"legal_events", &character.legal_events}};
  std::vector<double> data(n * m, std::numeric_limits<double>::quiet_NaN());
  std::vector<double> coverage(n, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t c = 0; c < n; ++c) {
    const credit_limit_inputs& in = financials.limit_inputs.at(c);
    const money security = in.collateral_after_haircut + in.guarantees + in.credit_insurance;
    coverage[c] = collateral_coverage(security, max(open[c], book.customers()[c].credit_limit));
  }
  for (std::size_t j = 0; j < m; ++j) {
    const std::string& code = card.indicators[j].code;
    double* column = data.data() + j * n;
    for (const auto& [name, values] : from_ledger)
      if (name == code) std::copy(values->begin(), values->end(), column);
    for (std::size_t k = 0; k < financials.codes.size(); ++k) {
      if (financials.codes[k] != code) continue;
      for (std::size_t c = 0; c < n; ++c)
        if (std::isnan(column[c])) column[c] = financials.values[k][c];
    }
    // A coverage given in the file wins; otherwise it is computed.
    if (code == "collateral_coverage")
      for (std::size_t c = 0; c < n; ++c)
        if (std::isnan(column[c])) column[c] = coverage[c];
  }

  const indicator_columns columns = indicator_columns::column_major(data.data(), n, m);
  std::vector<double> total(n), pd(n);
  std::vector<std::uint8_t> grade(n);
  std::array<std::vector<double>, c_dimension_count> c_scores;
  std::vector<std::uint64_t> mask(n);
  std::vector<std::uint16_t> reason_slots(n * reasons);
  score_columns out;
  out.total = total;
  out.pd = pd;
  out.grade = grade;
  for (std::size_t c = 0; c < c_dimension_count; ++c) {
    c_scores[c].resize(n);
    out.c_scores[c] = c_scores[c];
  }
  out.missing_mask = mask;
  out.reasons = reason_slots;
  out.reasons_per_debtor = reasons;
  scorer.score(columns, out);

  std::vector<credit_review_row> rows(n);
  for (std::size_t c = 0; c < n; ++c) {
    credit_review_row& r = rows[c];
    r.customer = customer_index{static_cast<std::uint32_t>(c)};
    r.total = total[c];
    r.grade = grade[c];
    r.pd = pd[c];
    for (std::size_t d = 0; d < c_dimension_count; ++d) r.c_scores[d] = c_scores[d][c];
    for (std::size_t q = 0; q < reasons; ++q)
      if (reason_slots[c * reasons + q] != no_reason) r.reasons.push_back(reason_slots[c * reasons + q]);
    r.missing_mask = mask[c];
    r.open = open[c];
    r.collateral_coverage = coverage[c];
    r.recommendation = recommend_credit_limit(financials.limit_inputs[c], r.grade, model.policy, card.grades.labels.size());
  }
  return rows;
}

}  // namespace huikuan
