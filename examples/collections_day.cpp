// A collector's morning: three customers, a promise to pay and a dispute;
// rank who to chase, with the reasons, and plan 60 minutes of calls and
// visits. Expected output: examples/collections_day.expected (checked by a test).
#include <huikuan/huikuan.hpp>
#include <iostream>

int main() {
  using namespace huikuan;
  ledger book;
  book.add_customer({"C1", "上海华联贸易有限公司", "王芳", parse_terms("NET 30"), parse_money("100000")});
  book.add_customer({"C2", "Acme Industrial Supply", "John Carter", parse_terms("NET 45"), parse_money("50000")});
  book.add_customer({"C3", "广州恒信电子有限公司", "王芳", parse_terms("NET 30"), parse_money("80000")});
  book.add_invoice({"INV-1", "C1", parse_date("2026-08-01"), std::nullopt, parse_money("60000.00")});
  book.add_invoice({"INV-2", "C2", parse_date("2026-09-20"), std::nullopt, parse_money("72000.00")});
  book.add_invoice({"INV-3", "C3", parse_date("2026-09-01"), std::nullopt, parse_money("30000.00")});
  book.add_invoice({"INV-4", "C3", parse_date("2026-10-01"), std::nullopt, parse_money("9000.00")});
  book.add_payment({"PAY-1", "C2", parse_date("2025-12-10"), parse_money("1000.00")});

  const day as_of = parse_date("2026-11-20");  // a Friday
  promise_list promises(book);
  promises.add({"PTP-1", "C2", parse_date("2026-11-16"), {{parse_date("2026-11-23"), parse_money("40000")}}, 2});
  const promise_report kept = evaluate_promises(book, promises, as_of);

  const std::vector<std::uint8_t> disputed =
      disputed_invoices(book, std::vector<invoice_dispute>{{"INV-4", parse_date("2026-11-02")}}, as_of);
  worklist_context context;
  context.promises = &kept;
  context.disputed = disputed;

  const worklist list = build_worklist(book, allocate(book, as_of), {}, context);
  for (const worklist_row& row : list.rows) {
    std::cout << book.customer_at(row.customer).id << "  priority " << row.priority << "  "
              << to_string(row.action) << " on " << format_date(row.next_contact) << "\n";
    for (const std::string& reason : row.reasons) std::cout << "    " << reason << "\n";
  }
  const collector one_hour[] = {{"王芳", 60}};
  const day_plan plan = plan_day(list, one_hour);
  for (const planned_contact& contact : plan.contacts)
    std::cout << "plan: " << book.customer_at(list.rows[contact.row].customer).id << " " << to_string(contact.action)
              << ", " << contact.minutes << " minutes, expected " << format_money(contact.expected) << "\n";
  std::cout << "expected cash " << format_money(plan.expected_cash) << " in " << plan.minutes_used[0] << " minutes\n";
}
