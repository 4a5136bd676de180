// csv_reader alone, on any bytes.
//
// Invariants: records start on strictly increasing lines, none beyond the
// text's last line; the fields of every record, written back in canonical
// RFC 4180 form (every field quoted, quotes doubled, a BOM in front), read
// back as the same fields, with no problem, and each record then starts on
// the line its position in the written text says: one more than the line
// breaks (LF, CRLF or a lone CR, inside quotes or not) before it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.hpp"
#include "huikuan/csv.hpp"

namespace {

using huikuan_fuzz::require;

// Physical line breaks in text: LF, CRLF and a lone CR each count once.
std::size_t line_breaks(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') ++count;
    else if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) ++count;
  }
  return count;
}

std::vector<huikuan::csv_record> read_all(std::string_view text) {
  huikuan::csv_reader reader(text);
  std::vector<huikuan::csv_record> records;
  huikuan::csv_record record;
  while (reader.next(record)) {
    records.push_back(record);
    require(records.size() <= text.size(), "the reader ends: no more records than bytes");
  }
  return records;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = huikuan_fuzz::as_text(data, size);
  const std::vector<huikuan::csv_record> records = read_all(text);
  const std::size_t last_line = 1 + line_breaks(text);
  for (std::size_t k = 0; k < records.size(); ++k) {
    require(records[k].line >= 1 && records[k].line <= last_line, "a record starts on a line of the text");
    require(k == 0 || records[k].line > records[k - 1].line, "records start on strictly increasing lines");
  }

  std::string canonical = "\xEF\xBB\xBF";
  std::vector<std::size_t> starts;
  for (const huikuan::csv_record& record : records) {
    starts.push_back(canonical.size());
    for (std::size_t f = 0; f < record.fields.size(); ++f) {
      if (f > 0) canonical += ',';
      canonical += '"';
      for (const char c : record.fields[f]) canonical += c == '"' ? std::string("\"\"") : std::string(1, c);
      canonical += '"';
    }
    canonical += "\r\n";
  }
  const std::vector<huikuan::csv_record> again = read_all(canonical);
  require(again.size() == records.size(), "canonical text reads back as the same number of records");
  for (std::size_t k = 0; k < again.size(); ++k) {
    require(again[k].problem.empty(), "canonical text reads back without problems");
    require(again[k].fields == records[k].fields, "canonical text reads back as the same fields");
    require(again[k].line == 1 + line_breaks(std::string_view(canonical).substr(0, starts[k])),
            "a record's line is one more than the line breaks before it");
  }
  return 0;
}
