// A small RFC 4180 CSV reader for ERP exports: UTF-8 with or without a
// BOM, LF or CRLF line ends, quoted fields with commas, quotes ("") and
// line breaks. It reports where each record starts so problems can name the
// physical line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/config.hpp"

namespace huikuan {

/// One CSV record: its fields and the 1-based line it starts on. `problem`
/// is non-empty when the record is malformed (an unterminated quote, text
/// after a closing quote); the fields are then what could be read.
struct csv_record {
  std::vector<std::string> fields;
  std::size_t line = 0;
  std::string problem;
};

/// Reads records one at a time from text it does not own. Blank lines are
/// skipped. Reusing one csv_record keeps field buffers, so reading does not
/// allocate per row once the buffers have grown.
class csv_reader {
public:
  /// `text` must outlive the reader; a leading UTF-8 BOM is skipped.
  HUIKUAN_FUNC explicit csv_reader(std::string_view text);
  /// Reads the next record into `record`; false at the end of the text.
  HUIKUAN_FUNC bool next(csv_record& record);

private:
  std::string_view text_;
  std::size_t position_ = 0;
  std::size_t line_ = 1;
};

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/csv-inl.hpp"
#endif
