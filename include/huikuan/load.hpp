// Loading a ledger from CSV exports: customers.csv, invoices.csv,
// payments.csv and (optional) credit_notes.csv in one directory.
//
// Columns are found by header name in any order; unknown columns are
// ignored. Required columns (a missing one is a fatal error):
//   customers.csv     customer_id, name, sales_rep, terms, credit_limit
//                     (optional: segment)
//   invoices.csv      invoice_id, customer_id, issue_date, amount
//                     (optional: due_date, contract_no, project_no, sales_rep)
//   payments.csv      payment_id, customer_id, date, amount
//                     (optional: method [transfer], status [cleared], invoice_id;
//                     a method or status column that is present must be filled)
//   credit_notes.csv  credit_note_id, customer_id, date, amount
//                     (optional: invoice_id, reason)
// A row that cannot be used is left out and reported with file, line,
// column and reason; the result counts the rows and the money left out.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/config.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/money.hpp"

namespace huikuan {

/// One rejected row (or, with line 0, a problem with a whole file).
struct load_problem {
  std::string file;    ///< "invoices.csv"
  std::size_t line = 0;  ///< 1-based physical line where the record starts
  std::string column;  ///< header name, empty when the whole row is at fault
  std::string id;      ///< stable error id, e.g. "huikuan.date.2"
  std::string reason;  ///< human-readable reason without the id

  /// "invoices.csv:17: due_date: [huikuan.date.2] date 2024-02-30 is not a valid date"
  [[nodiscard]] HUIKUAN_FUNC std::string message() const;
};

/// What one file contributed: rows read, rows kept, and what was left out.
struct file_summary {
  std::string file;
  bool present = false;
  std::size_t rows_read = 0;
  std::size_t rows_loaded = 0;
  std::size_t rows_left_out = 0;
  /// Sum of the amounts of left-out rows whose amount could be read
  /// (exact at any size, so hostile files cannot overflow it).
  money_total amount_left_out;
  /// Left-out rows whose amount itself was unreadable (not in the sum).
  std::size_t rows_left_out_without_amount = 0;
  /// Sum of the amounts of loaded rows (invoices, payments, credit notes).
  money_total amount_loaded;
};

/// A loaded ledger with everything that was left out of it.
struct load_result {
  ledger book;
  std::vector<load_problem> problems;
  /// customers, invoices, payments, credit_notes (in that order).
  std::array<file_summary, 4> files;

  /// True when no row was left out.
  [[nodiscard]] bool clean() const noexcept { return problems.empty(); }
};

/// The texts of the four files (credit notes optional).
struct ledger_texts {
  std::string_view customers;
  std::string_view invoices;
  std::string_view payments;
  std::optional<std::string_view> credit_notes;
};

/// Loads a ledger from CSV texts. Row problems are collected, never thrown.
/// Throws input_error [huikuan.load.2] for a missing required column and
/// [huikuan.load.3] for a header naming a column twice.
HUIKUAN_FUNC load_result load_ledger(const ledger_texts& texts);

/// Loads customers.csv, invoices.csv, payments.csv and, if present,
/// credit_notes.csv from `directory`. Throws input_error [huikuan.load.1]
/// naming a missing or unreadable file, and what load_ledger throws.
HUIKUAN_FUNC load_result load_ledger_directory(const std::filesystem::path& directory);

/// Reads a whole file. Throws input_error [huikuan.load.1] naming it.
HUIKUAN_FUNC std::string read_text_file(const std::filesystem::path& path);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/load-inl.hpp"
#endif
