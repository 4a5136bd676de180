// The README's first library example: build a ledger in code, allocate the
// cash as of a date, and print one customer's aging buckets.
// Expected output: examples/ledger_basics.expected (checked by a test).
#include <huikuan/huikuan.hpp>
#include <iostream>

int main() {
  using namespace huikuan;
  ledger book;
  book.add_customer({"C1", "上海华联贸易有限公司", "王芳", parse_terms("NET 30"), parse_money("500000")});
  book.add_invoice({"INV-1", "C1", parse_date("2026-01-05"), std::nullopt, parse_money("12500.00")});
  book.add_invoice({"INV-2", "C1", parse_date("2026-03-01"), std::nullopt, parse_money("800.25")});
  book.add_payment({"PAY-1", "C1", parse_date("2026-02-20"), parse_money("2500.00")});

  const receivables_position position = allocate(book, parse_date("2026-03-31"));
  const aging_report report = age_receivables(book, position);
  const auto labels = report.policy.labels();
  for (std::size_t b = 0; b < labels.size(); ++b)
    std::cout << labels[b] << " " << format_money(report.bucket(0, b)) << "\n";
}
