// Definitions for command_support.hpp.
#include "command_support.hpp"

#include <chrono>
#include <iostream>
#include <sstream>

namespace huikuan::cli {

cell text(std::string value) { return {std::move(value), false}; }
cell amount(money value) { return {format_money(value), true}; }
cell amount(const money_total& value) { return {format_money(value), true}; }
cell number(std::int64_t value) { return {std::to_string(value), true}; }

cell ratio(double value, int digits) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(digits);
  out << value;
  return {out.str(), true};
}

cell optional_ratio(const std::optional<double>& value, int digits) {
  return value ? ratio(*value, digits) : cell{"", true};
}

std::string percent(double share) { return ratio(share * 100.0, 2).text; }

std::string days_text(const std::optional<std::int32_t>& d) { return d ? std::to_string(*d) : ""; }

day today() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return day(static_cast<std::int32_t>(now.time_since_epoch().count()));
}

day date_option(const std::string& value, const char* name, day fallback) {
  if (value.empty()) return fallback;
  try {
    return parse_date(value);
  } catch (const input_error& error) {
    throw input_error(error.id(), std::string("--") + name + ": " + std::string(error.reason()), name);
  }
}

void add_common_options(CLI::App* command, common_options& o) {
  command->add_option("DIR", o.directory, "Directory holding the CSV files")->required();
  command->add_option("--format", o.format, "Output format")->check(CLI::IsMember({"table", "csv", "json"}));
}

void add_left_out(report& r, std::span<const file_summary> files, std::size_t problems) {
  if (problems == 0) return;
  section s{"left out", {"file", "rows read", "rows loaded", "rows left out", "amount left out",
                         "rows without readable amount"}, {}, {}};
  for (const file_summary& f : files) {
    if (!f.present) continue;
    s.rows.push_back({text(f.file), number(static_cast<std::int64_t>(f.rows_read)),
                      number(static_cast<std::int64_t>(f.rows_loaded)),
                      number(static_cast<std::int64_t>(f.rows_left_out)), amount(f.amount_left_out),
                      number(static_cast<std::int64_t>(f.rows_left_out_without_amount))});
  }
  s.notes.push_back(std::to_string(problems) + " input rows were left out; run `huikuan check DIR` for every problem.");
  s.key = "left_out";
  r.sections.push_back(std::move(s));
}

void add_left_out(report& r, const load_result& loaded) { add_left_out(r, loaded.files, loaded.problems.size()); }

int finish(const report& r, const std::string& format, std::span<const load_problem> problems) {
  write_report(std::cout, r, parse_format(format));
  for (const load_problem& p : problems) std::cerr << p.message() << "\n";
  return problems.empty() ? exit_clean : exit_rows_left_out;
}

int finish(const report& r, const std::string& format, const load_result& loaded) {
  return finish(r, format, loaded.problems);
}

directory_inputs::directory_inputs(std::string dir)
    : directory(std::move(dir)), loaded(load_ledger_directory(directory)),
      files(loaded.files.begin(), loaded.files.end()), problems(loaded.problems) {}

}  // namespace huikuan::cli
