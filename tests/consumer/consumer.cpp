// Ages a two-invoice ledger and prints the buckets; run_consumer_test.cmake
// checks the output.
#include <huikuan/huikuan.hpp>
#include <iostream>

int main() {
  using namespace huikuan;
  ledger book;
  book.add_customer({"C1", "上海华联贸易有限公司", "王芳", parse_terms("NET 30"), parse_money("500000")});
  book.add_invoice({"INV-1", "C1", parse_date("2026-01-05"), std::nullopt, parse_money("12500.00")});
  book.add_invoice({"INV-2", "C1", parse_date("2026-03-01"), std::nullopt, parse_money("800.25")});
  book.add_payment({"PAY-1", "C1", parse_date("2026-02-20"), parse_money("2500.00")});
  const auto report = age_receivables(book, allocate(book, parse_date("2026-03-31")));
  const auto labels = report.policy.labels();
  for (std::size_t b = 0; b < labels.size(); ++b)
    std::cout << labels[b] << " " << format_money(report.bucket(0, b)) << "\n";
  std::cout << "open " << format_money(report.total.open) << "\n";
}
