// Definitions for load.hpp.
#pragma once

#include <fstream>
#include <sstream>
#include <unordered_map>

#include "huikuan/detail/table_reader.hpp"
#include "huikuan/load.hpp"

namespace huikuan {

HUIKUAN_FUNC std::string load_problem::message() const {
  std::string text = file;
  if (line > 0) text += ":" + std::to_string(line);
  text += ": ";
  if (!column.empty()) text += column + ": ";
  return text + "[" + id + "] " + reason;
}

namespace detail {

using rejected_ids = std::unordered_map<std::string, std::size_t>;

// Rewrites "unknown customer X" into "customer X was left out (file:line)"
// when X was in a row that was itself rejected.
inline void report_add_failure(row_checker& row, const input_error& error, const rejected_ids& customers,
                               const rejected_ids& invoices, std::string_view customer_id, std::string_view invoice_id) {
  if (error.id() == "huikuan.ledger.4") {
    if (auto found = customers.find(std::string(customer_id)); found != customers.end()) {
      row.report("customer_id", "huikuan.load.5",
                 "customer " + std::string(customer_id) + " was left out (customers.csv:" +
                     std::to_string(found->second) + ")");
      return;
    }
  }
  if (error.id() == "huikuan.ledger.9") {
    if (auto found = invoices.find(std::string(invoice_id)); found != invoices.end()) {
      row.report("invoice_id", "huikuan.load.5",
                 "invoice " + std::string(invoice_id) + " was left out (invoices.csv:" +
                     std::to_string(found->second) + ")");
      return;
    }
  }
  row.report(error, "");
}

template <class Record>
constexpr std::string_view table_field_name() {
  if constexpr (std::is_same_v<Record, payment>) return "payment_id";
  else return "credit_note_id";
}

// Payments and credit notes share a shape: id, customer, date, amount,
// optional invoice.
template <class Record, class Fill, class Add>
void load_settlements(table_reader& table, file_summary& summary, std::vector<load_problem>& problems,
                      const rejected_ids& customers, const rejected_ids& invoices, Fill fill, Add add) {
  summary.present = true;
  while (table.next()) {
    ++summary.rows_read;
    row_checker row(table, problems);
    std::optional<money> amount;
    if (record_is_well_formed(table, row)) {
      Record record;
      record.id = row.text(0, table_field_name<Record>(), true);
      record.customer_id = row.text(1, "customer_id", true);
      const auto date = row.parsed(2, "date", [](std::string_view t) { return parse_date(t); });
      amount = row.parsed(3, "amount", [](std::string_view t) { return parse_money(t); });
      if (amount && !amount->is_positive())
        row.report("amount", "huikuan.ledger.7", "amount " + format_money(*amount) + " is not positive");
      record.invoice_id = row.text(4, "invoice_id", false);
      fill(row, record);
      if (row.ok()) {
        record.date = *date;
        record.amount = *amount;
        const std::string customer_id = record.customer_id, invoice_id = record.invoice_id;
        bool added = false;
        try {
          add(std::move(record));
          added = true;
        } catch (const input_error& error) {
          report_add_failure(row, error, customers, invoices, customer_id, invoice_id);
        }
        if (added) {
          ++summary.rows_loaded;
          summary.amount_loaded += *amount;
          continue;
        }
      }
    }
    count_left_out(summary, amount);
  }
}

}  // namespace detail

HUIKUAN_FUNC load_result load_ledger(const ledger_texts& texts) {
  load_result result;
  const char* names[] = {"customers.csv", "invoices.csv", "payments.csv", "credit_notes.csv"};
  for (std::size_t f = 0; f < result.files.size(); ++f) result.files[f].file = names[f];
  // Headers first, so a missing column fails before any row is read.
  detail::table_reader customers("customers.csv", texts.customers,
                                 {"customer_id", "name", "sales_rep", "terms", "credit_limit"}, {"segment"});
  detail::table_reader invoices("invoices.csv", texts.invoices, {"invoice_id", "customer_id", "issue_date", "amount"},
                                {"due_date", "contract_no", "project_no", "sales_rep"});
  detail::table_reader payments("payments.csv", texts.payments, {"payment_id", "customer_id", "date", "amount"},
                                {"invoice_id", "method", "status"});
  std::optional<detail::table_reader> credits;
  if (texts.credit_notes)
    credits.emplace("credit_notes.csv", *texts.credit_notes,
                    std::vector<std::string_view>{"credit_note_id", "customer_id", "date", "amount"},
                    std::vector<std::string_view>{"invoice_id", "reason"});

  ledger& book = result.book;
  std::vector<load_problem>& problems = result.problems;
  detail::rejected_ids rejected_customers, rejected_invoices;

  file_summary& customer_summary = result.files[0];
  customer_summary.present = true;
  while (customers.next()) {
    ++customer_summary.rows_read;
    detail::row_checker row(customers, problems);
    std::string id;
    if (detail::record_is_well_formed(customers, row)) {
      customer record;
      id = record.id = row.text(0, "customer_id", true);
      record.name = row.text(1, "name", true);
      record.sales_rep = row.text(2, "sales_rep", false);
      const auto terms = row.parsed(3, "terms", [](std::string_view t) { return parse_terms(t); });
      const auto limit = row.parsed(4, "credit_limit", [](std::string_view t) { return parse_money(t); });
      record.segment = row.text(5, "segment", false);
      if (row.ok()) {
        record.terms = *terms;
        record.credit_limit = *limit;
        try {
          book.add_customer(std::move(record));
          ++customer_summary.rows_loaded;
          continue;
        } catch (const input_error& error) {
          row.report(error, "");
        }
      }
    }
    ++customer_summary.rows_left_out;
    // A duplicate id stays known (the first row holds it); anything else is gone.
    if (!id.empty() && !book.find_customer(id)) rejected_customers.emplace(id, customers.line());
  }

  file_summary& invoice_summary = result.files[1];
  invoice_summary.present = true;
  while (invoices.next()) {
    ++invoice_summary.rows_read;
    detail::row_checker row(invoices, problems);
    std::optional<money> amount;
    std::string id;
    if (detail::record_is_well_formed(invoices, row)) {
      invoice record;
      id = record.id = row.text(0, "invoice_id", true);
      record.customer_id = row.text(1, "customer_id", true);
      const auto issued = row.parsed(2, "issue_date", [](std::string_view t) { return parse_date(t); });
      amount = row.parsed(3, "amount", [](std::string_view t) { return parse_money(t); });
      if (amount && !amount->is_positive())
        row.report("amount", "huikuan.ledger.7", "amount " + format_money(*amount) + " is not positive");
      record.due_date = detail::parse_optional_date(row, row.text(4, "due_date", false), "due_date");
      record.contract_no = row.text(5, "contract_no", false);
      record.project_no = row.text(6, "project_no", false);
      record.sales_rep = row.text(7, "sales_rep", false);
      if (row.ok()) {
        record.issue_date = *issued;
        record.amount = *amount;
        const std::string customer_id = record.customer_id;
        bool added = false;
        try {
          book.add_invoice(std::move(record));
          added = true;
        } catch (const input_error& error) {
          detail::report_add_failure(row, error, rejected_customers, rejected_invoices, customer_id, "");
        }
        if (added) {
          ++invoice_summary.rows_loaded;
          invoice_summary.amount_loaded += *amount;
          continue;
        }
      }
    }
    detail::count_left_out(invoice_summary, amount);
    if (!id.empty() && !book.find_invoice(id)) rejected_invoices.emplace(id, invoices.line());
  }

  detail::load_settlements<payment>(
      payments, result.files[2], problems, rejected_customers, rejected_invoices,
      [&](detail::row_checker& row, payment& record) {
        // A blank status must not quietly become cleared cash: a method or
        // status column that is present must be filled in.
        const std::string method = row.text(5, "method", payments.has(5));
        const std::string status = row.text(6, "status", payments.has(6));
        try {
          if (!method.empty()) record.method = parse_payment_method(method);
        } catch (const input_error& error) {
          row.report(error, "method");
        }
        try {
          if (!status.empty()) record.status = parse_payment_status(status);
        } catch (const input_error& error) {
          row.report(error, "status");
        }
      },
      [&](payment record) { book.add_payment(std::move(record)); });

  if (credits) {
    detail::load_settlements<credit_note>(
        *credits, result.files[3], problems, rejected_customers, rejected_invoices,
        [&](detail::row_checker& row, credit_note& record) { record.reason = row.text(5, "reason", false); },
        [&](credit_note record) { book.add_credit_note(std::move(record)); });
  }
  return result;
}

HUIKUAN_FUNC std::string read_text_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw input_error("huikuan.load.1", "cannot read " + path.string() + ": the file is missing or unreadable",
                      path.filename().string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

HUIKUAN_FUNC load_result load_ledger_directory(const std::filesystem::path& directory) {
  if (!std::filesystem::is_directory(directory))
    throw input_error("huikuan.load.1", "data directory " + directory.string() + " does not exist");
  const std::string customers = read_text_file(directory / "customers.csv");
  const std::string invoices = read_text_file(directory / "invoices.csv");
  const std::string payments = read_text_file(directory / "payments.csv");
  std::optional<std::string> credits;
  if (std::filesystem::exists(directory / "credit_notes.csv")) credits = read_text_file(directory / "credit_notes.csv");
  ledger_texts texts{customers, invoices, payments, std::nullopt};
  if (credits) texts.credit_notes = *credits;
  return load_ledger(texts);
}

}  // namespace huikuan
