// What every fuzz target shares: turning the input into texts, aborting on
// a violated invariant, and the bookkeeping invariants of a loaded CSV file
// checked against an independent reading of the same text.
//
// A fuzz target may throw nothing but huikuan's documented errors for bad
// input (input_error, overflow_error and not_found_error are caught by the
// targets where the API documents them); anything else escapes, and
// libFuzzer reports it as a crash. An invariant that does not hold aborts
// with a message naming it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/csv.hpp"
#include "huikuan/load.hpp"
#include "huikuan/money.hpp"

namespace huikuan_fuzz {

using huikuan::detail::int128;

/// Aborts, naming the invariant that does not hold.
[[noreturn]] inline void violated(std::string_view what) {
  std::fprintf(stderr, "invariant violated: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

inline void require(bool ok, std::string_view what) {
  if (!ok) violated(what);
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// The byte that separates the files of one input (ASCII record separator).
inline constexpr char file_separator = '\x1e';

/// The input split on file_separator into at most `count` texts (the last
/// one keeps any further separators); missing texts are empty.
inline std::vector<std::string_view> split_files(std::string_view input, std::size_t count) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < count) {
    const std::size_t at = input.find(file_separator);
    if (at == std::string_view::npos) break;
    parts.push_back(input.substr(0, at));
    input.remove_prefix(at + 1);
  }
  parts.push_back(input);
  parts.resize(count);
  return parts;
}

/// What a CSV text holds, read with csv_reader alone (not the loaders'
/// table reader): the lines data records start on, and the sum of the
/// amount column over records of the header's width whose amount parses.
struct file_census {
  std::vector<std::size_t> record_lines;
  int128 readable_amount = 0;
  std::size_t without_readable_amount = 0;
};

/// `amount_column` empty: the file has no amount to count.
inline file_census census(std::string_view text, std::string_view amount_column) {
  file_census result;
  huikuan::csv_reader reader(text);
  huikuan::csv_record record;
  if (!reader.next(record)) return result;
  const std::size_t width = record.fields.size();
  std::size_t amount_at = width;
  for (std::size_t i = 0; i < width; ++i) {
    std::string_view name = record.fields[i];
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    if (!amount_column.empty() && name == amount_column) amount_at = i;
  }
  while (reader.next(record)) {
    result.record_lines.push_back(record.line);
    if (amount_at == width) continue;
    if (!record.problem.empty() || record.fields.size() != width) {
      ++result.without_readable_amount;
      continue;
    }
    try {
      result.readable_amount += huikuan::parse_money(record.fields[amount_at]).minor_units();
    } catch (const huikuan::input_error&) {
      ++result.without_readable_amount;
    }
  }
  return result;
}

/// The bookkeeping of one loaded file: every record read is loaded or left
/// out; each left-out record has at least one problem on its own line and
/// no loaded record has one; and, with an amount column, loaded + left-out
/// money is the money of every readable amount, to the minor unit.
inline void check_file(const huikuan::file_summary& summary, std::span<const huikuan::load_problem> problems,
                       const file_census& file, std::string_view name, bool has_amount) {
  require(summary.file == name, "the summary names its file");
  require(summary.present, "a loaded file is present");
  require(summary.rows_read == file.record_lines.size(), "rows_read counts every data record");
  require(summary.rows_read == summary.rows_loaded + summary.rows_left_out, "rows_read == rows_loaded + rows_left_out");
  std::set<std::size_t> lines;
  for (const huikuan::load_problem& problem : problems) {
    if (problem.file != name) continue;
    require(problem.line > 0, "a row problem names its line");
    require(std::binary_search(file.record_lines.begin(), file.record_lines.end(), problem.line),
            "a problem's line is the line a record starts on");
    require(problem.id.starts_with("huikuan.") && !problem.reason.empty(), "a problem has a stable id and a reason");
    require(!problem.message().empty(), "a problem has a message");
    lines.insert(problem.line);
  }
  require(lines.size() == summary.rows_left_out, "every left-out row, and no loaded row, has a problem");
  require(summary.rows_left_out_without_amount <= summary.rows_left_out, "rows without an amount are left-out rows");
  if (has_amount) {
    require((summary.amount_loaded + summary.amount_left_out).minor_units() == file.readable_amount,
            "amount_loaded + amount_left_out == the total of the readable amounts");
    require(summary.rows_left_out_without_amount == file.without_readable_amount,
            "the rows without a readable amount are counted");
  } else {
    require(summary.amount_loaded.minor_units() == 0 && summary.amount_left_out.minor_units() == 0,
            "a file without amounts counts no money");
  }
}

/// A small fixed ledger for the files that refer to one (promises,
/// targets, disputes, contacts, financials): three customers, invoices,
/// cleared and bounced payments, dates around 2026.
inline const huikuan::ledger& small_ledger() {
  static const huikuan::load_result loaded = huikuan::load_ledger(
      {"customer_id,name,sales_rep,terms,credit_limit\n"
       "C1,上海华联贸易有限公司,王芳,NET 30,500000\n"
       "C2,Horizon Building Materials LLC,John Carter,EOM 30,80000.00\n"
       "C3,佛山市金鼎,,DAY 10,0\n",
       "invoice_id,customer_id,issue_date,due_date,amount\n"
       "I1,C1,2026-01-05,,12500.00\n"
       "I2,C1,2026-03-01,2026-04-15,800.25\n"
       "I3,C2,2025-12-20,,99000.00\n"
       "I4,C3,2026-06-30,,1.00\n",
       "payment_id,customer_id,date,amount,status,invoice_id\n"
       "P1,C1,2026-02-20,2500.00,cleared,I1\n"
       "P2,C1,2026-04-30,10000.00,cleared,\n"
       "P3,C2,2026-02-01,50000.00,bounced,I3\n"
       "P4,C2,2026-02-10,50000.00,cleared,I3\n"
       "P5,C3,2025-11-30,5.00,cleared,\n",
       std::nullopt});
  if (!loaded.clean()) violated("the fixed ledger loads clean");
  return loaded.book;
}

}  // namespace huikuan_fuzz
