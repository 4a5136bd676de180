// Internal: reading a CSV export through its header row, and collecting
// every problem of a row so the row can be left out and reported. Shared by
// every loader (ledger, financials, promises, targets, orders, snapshots).
#pragma once

#include <charconv>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/csv.hpp"
#include "huikuan/date.hpp"
#include "huikuan/error.hpp"
#include "huikuan/load.hpp"
#include "huikuan/money.hpp"

namespace huikuan::detail {

// A CSV file read through its header: columns are looked up by name.
class table_reader {
public:
  table_reader(std::string file, std::string_view text, std::vector<std::string_view> required,
               std::vector<std::string_view> optional)
      : file_(std::move(file)), reader_(text) {
    names_ = std::move(required);
    const std::size_t required_count = names_.size();
    names_.insert(names_.end(), optional.begin(), optional.end());
    position_.assign(names_.size(), -1);
    csv_record header;
    if (!reader_.next(header))
      throw input_error("huikuan.load.2", file_ + " is empty: it has no header row");
    for (std::size_t column = 0; column < header.fields.size(); ++column) {
      std::string name = header.fields[column];
      while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
      while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.erase(0, 1);
      for (std::size_t k = 0; k < names_.size(); ++k) {
        if (names_[k] != name) continue;
        if (position_[k] >= 0)
          throw input_error("huikuan.load.3", file_ + " names column " + name + " twice", name);
        position_[k] = static_cast<int>(column);
      }
    }
    header_width_ = header.fields.size();
    for (std::size_t k = 0; k < required_count; ++k)
      if (position_[k] < 0)
        throw input_error("huikuan.load.2", file_ + " has no " + std::string(names_[k]) + " column",
                          names_[k]);
  }

  bool next() { return reader_.next(record_); }
  [[nodiscard]] std::size_t line() const { return record_.line; }
  [[nodiscard]] const csv_record& record() const { return record_; }
  [[nodiscard]] std::size_t header_width() const { return header_width_; }
  /// The field of column k (in the order given to the constructor); empty
  /// for an absent optional column.
  [[nodiscard]] std::string_view field(std::size_t k) const {
    const int at = position_[k];
    if (at < 0 || static_cast<std::size_t>(at) >= record_.fields.size()) return {};
    return record_.fields[static_cast<std::size_t>(at)];
  }
  [[nodiscard]] bool has(std::size_t k) const { return position_[k] >= 0; }
  [[nodiscard]] const std::string& file() const { return file_; }

private:
  std::string file_;
  csv_reader reader_;
  csv_record record_;
  std::vector<std::string_view> names_;
  std::vector<int> position_;
  std::size_t header_width_ = 0;
};

// Collects the problems of one row; a row with any problem is left out.
class row_checker {
public:
  row_checker(const table_reader& table, std::vector<load_problem>& problems)
      : table_(table), problems_(problems), first_(problems.size()) {}

  void report(std::string_view column, std::string_view id, std::string_view reason) {
    problems_.push_back({table_.file(), table_.line(), std::string(column), std::string(id), std::string(reason)});
  }
  void report(const input_error& error, std::string_view column) {
    report(error.field().empty() ? column : std::string_view(error.field()), error.id(), error.reason());
  }
  [[nodiscard]] bool ok() const { return problems_.size() == first_; }

  /// The trimmed text of column k; reports an empty required value.
  std::string text(std::size_t k, std::string_view column, bool required) {
    std::string value(table_.field(k));
    while (!value.empty() && value.back() == ' ') value.pop_back();
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    if (required && value.empty()) report(column, "huikuan.load.4", std::string(column) + " is empty");
    return value;
  }
  template <class Parse>
  auto parsed(std::size_t k, std::string_view column, Parse parse) -> std::optional<decltype(parse(std::string_view{}))> {
    const std::string value = text(k, column, true);
    if (value.empty()) return std::nullopt;
    try {
      return parse(value);
    } catch (const input_error& error) {
      report(error, column);
      return std::nullopt;
    }
  }

private:
  const table_reader& table_;
  std::vector<load_problem>& problems_;
  std::size_t first_;
};

// Checks the shape of a record: quoting problems and the number of fields.
inline bool record_is_well_formed(const table_reader& table, row_checker& row) {
  const csv_record& record = table.record();
  if (!record.problem.empty()) row.report("", "huikuan.csv.1", record.problem);
  else if (record.fields.size() != table.header_width())
    row.report("", "huikuan.csv.2", "the row has " + std::to_string(record.fields.size()) +
                                        " fields; the header has " + std::to_string(table.header_width()));
  return row.ok();
}

inline void count_left_out(file_summary& summary, const std::optional<money>& amount) {
  ++summary.rows_left_out;
  if (amount) summary.amount_left_out += *amount;
  else ++summary.rows_left_out_without_amount;
}

inline std::optional<day> parse_optional_date(row_checker& row, std::string_view text, std::string_view column) {
  if (text.empty()) return std::nullopt;
  try {
    return parse_date(text);
  } catch (const input_error& error) {
    row.report(error, column);
    return std::nullopt;
  }
}

// A decimal number such as "1.25", "-0.3" or "1e6"; the whole field must be used.
inline double parse_number(std::string_view text, std::string_view column) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    throw input_error("huikuan.load.6", std::string(column) + " \"" + std::string(text) + "\" is not a finite number",
                      column);
  return value;
}

// A row of a group of rows that stand or fall together (the instalments of
// a promise, the lines of a target).
struct grouped_row {
  std::size_t line;
  std::optional<money> amount;
  bool reported;  ///< the row's own problem is already reported
};

// Books a group: loaded when `bad_line` is 0; otherwise every row of it not
// already reported is reported as left out with its group ("left out with
// its promise P1 (promises.csv:12)") and counted as left out.
inline void settle_row_group(std::span<const grouped_row> rows, std::size_t bad_line, std::string_view group,
                             std::string_view id, file_summary& summary, std::vector<load_problem>& problems) {
  if (bad_line == 0) {
    summary.rows_loaded += rows.size();
    for (const grouped_row& r : rows)
      if (r.amount) summary.amount_loaded += *r.amount;
    return;
  }
  for (const grouped_row& r : rows) {
    if (!r.reported)
      problems.push_back({summary.file, r.line, "", std::string(id),
                          "left out with its " + std::string(group) + " (" + summary.file + ":" +
                              std::to_string(bad_line) + ")"});
    count_left_out(summary, r.amount);
  }
}

}  // namespace huikuan::detail
