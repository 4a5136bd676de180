// Report output for the huikuan command: a report is a list of titled
// sections, each a table of text cells, rendered as an aligned table, as CSV
// or as JSON. Numeric cells are written as JSON numbers (money keeps its
// exact decimal text).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace huikuan::cli {

enum class output_format { table, csv, json };

struct cell {
  std::string text;
  bool numeric = false;
};

struct section {
  std::string title;   ///< shown above the table; the JSON key
  std::vector<std::string> columns{};
  std::vector<std::vector<cell>> rows{};
  std::vector<std::string> notes{};  ///< lines printed under a table
  std::string key{};  ///< stable JSON key ("aging", "left_out"); empty: derived from the title
};

struct report {
  std::vector<section> sections;
};

/// Parses "table", "csv" or "json".
output_format parse_format(const std::string& name);

/// Writes the report in the format.
void write_report(std::ostream& out, const report& r, output_format format);

/// Terminal display width of UTF-8 text (CJK and full-width characters
/// count as two columns).
std::size_t display_width(const std::string& text);

}  // namespace huikuan::cli
