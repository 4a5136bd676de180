// Definitions for csv.hpp.
#pragma once

#include "huikuan/csv.hpp"

namespace huikuan {

HUIKUAN_FUNC csv_reader::csv_reader(std::string_view text) : text_(text) {
  if (text_.starts_with("\xEF\xBB\xBF")) position_ = 3;
}

HUIKUAN_FUNC bool csv_reader::next(csv_record& record) {
  std::size_t used = 0;  // fields filled so far; record.fields keeps its capacity
  const auto field = [&]() -> std::string& {
    if (used == record.fields.size()) record.fields.emplace_back();
    std::string& f = record.fields[used++];
    f.clear();
    return f;
  };
  record.problem.clear();

  // Skip blank lines between records.
  while (position_ < text_.size() && (text_[position_] == '\n' || text_[position_] == '\r')) {
    // LF, CRLF and a lone CR each end one line, as in record parsing below.
    if (text_[position_] == '\r' && position_ + 1 < text_.size() && text_[position_ + 1] == '\n') ++position_;
    ++position_;
    ++line_;
  }
  if (position_ >= text_.size()) {
    record.fields.resize(0);
    return false;
  }
  record.line = line_;

  std::string* current = &field();
  bool in_quotes = false;
  bool after_quote = false;  // a quoted field has closed; only a separator may follow
  while (position_ < text_.size()) {
    const char c = text_[position_++];
    if (in_quotes) {
      if (c == '"') {
        if (position_ < text_.size() && text_[position_] == '"') {
          current->push_back('"');
          ++position_;
        } else {
          in_quotes = false;
          after_quote = true;
        }
      } else {
        // A line break inside quotes is still a physical line: LF, CRLF
        // (counted at its LF) or a lone CR, as outside quotes.
        if (c == '\n' || (c == '\r' && (position_ == text_.size() || text_[position_] != '\n'))) ++line_;
        current->push_back(c);
      }
      continue;
    }
    if (c == ',') {
      current = &field();
      after_quote = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && position_ < text_.size() && text_[position_] == '\n') ++position_;
      ++line_;
      break;
    } else if (c == '"' && current->empty() && !after_quote) {
      in_quotes = true;
    } else {
      if (after_quote && record.problem.empty())
        record.problem = "text after a closing quote";
      current->push_back(c);
    }
  }
  if (in_quotes) record.problem = "a quoted field is not closed before the end of the file";
  record.fields.resize(used);
  return true;
}

}  // namespace huikuan
