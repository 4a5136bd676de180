#include "report_output.hpp"

#include <ostream>

namespace huikuan::cli {

output_format parse_format(const std::string& name) {
  if (name == "csv") return output_format::csv;
  if (name == "json") return output_format::json;
  return output_format::table;
}

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::uint32_t code = lead;
    std::size_t length = 1;
    if (lead >= 0xF0) { code = lead & 0x07u; length = 4; }
    else if (lead >= 0xE0) { code = lead & 0x0Fu; length = 3; }
    else if (lead >= 0xC0) { code = lead & 0x1Fu; length = 2; }
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    i += length;
    // East Asian wide and full-width ranges (the common ones).
    const bool wide = (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF) ||
                      (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
                      (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60) ||
                      (code >= 0xFFE0 && code <= 0xFFE6) || (code >= 0x20000 && code <= 0x3FFFD);
    width += wide ? 2 : 1;
  }
  return width;
}

namespace {

void write_table(std::ostream& out, const section& s) {
  if (!s.title.empty()) out << s.title << "\n";
  std::vector<std::size_t> widths(s.columns.size(), 0);
  std::vector<bool> numeric(s.columns.size(), false);
  for (std::size_t c = 0; c < s.columns.size(); ++c) widths[c] = display_width(s.columns[c]);
  for (const auto& row : s.rows)
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c].text));
      if (row[c].numeric) numeric[c] = true;
    }
  // Numbers align right, text left; a header aligns like its numbers.
  const auto pad = [&](const std::string& text, std::size_t c, bool right) {
    const std::string fill(widths[c] - display_width(text), ' ');
    return right ? fill + text : text + fill;
  };
  std::string line;
  for (std::size_t c = 0; c < s.columns.size(); ++c) line += (c ? "  " : "") + pad(s.columns[c], c, numeric[c]);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out << line << "\n";
  std::size_t total = 0;
  for (std::size_t c = 0; c < widths.size(); ++c) total += widths[c] + (c ? 2 : 0);
  out << std::string(total, '-') << "\n";
  for (const auto& row : s.rows) {
    line.clear();
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
      line += (c ? "  " : "") + pad(row[c].text, c, row[c].numeric);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
  if (s.rows.empty()) out << "(none)\n";
  for (const auto& note : s.notes) out << note << "\n";
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string json_string(const std::string& text) {
  std::string result = "\"";
  for (char c : text) {
    switch (c) {
      case '"': result += "\\\""; break;
      case '\\': result += "\\\\"; break;
      case '\n': result += "\\n"; break;
      case '\r': result += "\\r"; break;
      case '\t': result += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          const char* hex = "0123456789abcdef";
          result += "\\u00";
          result += hex[(c >> 4) & 0xF];
          result += hex[c & 0xF];
        } else {
          result += c;
        }
    }
  }
  return result + "\"";
}

std::string json_key(const std::string& title) {
  std::string key;
  for (char c : title) key += c == ' ' || c == '-' ? '_' : c;
  return key;
}

}  // namespace

void write_report(std::ostream& out, const report& r, output_format format) {
  if (format == output_format::table) {
    for (std::size_t i = 0; i < r.sections.size(); ++i) {
      if (i) out << "\n";
      write_table(out, r.sections[i]);
    }
    return;
  }
  if (format == output_format::csv) {
    for (std::size_t i = 0; i < r.sections.size(); ++i) {
      const section& s = r.sections[i];
      if (r.sections.size() > 1) out << (i ? "\n" : "") << "# " << s.title << "\n";
      for (std::size_t c = 0; c < s.columns.size(); ++c) out << (c ? "," : "") << csv_field(s.columns[c]);
      out << "\n";
      for (const auto& row : s.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << csv_field(row[c].text);
        out << "\n";
      }
    }
    return;
  }
  out << "{";
  for (std::size_t i = 0; i < r.sections.size(); ++i) {
    const section& s = r.sections[i];
    out << (i ? "," : "") << "\n  " << json_string(s.key.empty() ? json_key(s.title) : s.key) << ": [";
    for (std::size_t k = 0; k < s.rows.size(); ++k) {
      out << (k ? "," : "") << "\n    {";
      for (std::size_t c = 0; c < s.rows[k].size() && c < s.columns.size(); ++c) {
        const cell& value = s.rows[k][c];
        out << (c ? ", " : "") << json_string(s.columns[c]) << ": ";
        if (value.numeric && !value.text.empty()) out << value.text;
        else if (value.numeric) out << "null";
        else out << json_string(value.text);
      }
      out << "}";
    }
    out << (s.rows.empty() ? "]" : "\n  ]");
  }
  out << "\n}\n";
}

}  // namespace huikuan::cli
