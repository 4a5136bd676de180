// The RFC 4180 reader: BOM, line ends, quoting, blank lines and where each
// record starts.
#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/csv.hpp"

using huikuan::csv_reader;
using huikuan::csv_record;

namespace {
struct read_record {
  std::vector<std::string> fields;
  std::size_t line;
  std::string problem;
};

std::vector<read_record> read_all(std::string_view text) {
  csv_reader reader(text);
  csv_record record;
  std::vector<read_record> records;
  while (reader.next(record)) records.push_back({record.fields, record.line, record.problem});
  return records;
}

using fields = std::vector<std::string>;
}  // namespace

TEST_CASE("simple records are split on commas with their line numbers", "[csv]") {
  const auto records = read_all("id,name\nC1,Alpha\nC2,Beta\n");
  REQUIRE(records.size() == 3u);
  CHECK(records[0].fields == fields{"id", "name"});
  CHECK(records[1].fields == fields{"C1", "Alpha"});
  CHECK(records[2].fields == fields{"C2", "Beta"});
  CHECK(records[0].line == 1u);
  CHECK(records[1].line == 2u);
  CHECK(records[2].line == 3u);
  for (const auto& record : records) CHECK(record.problem.empty());
}

TEST_CASE("the last record needs no line end", "[csv]") {
  const auto records = read_all("a,b\nc,d");
  REQUIRE(records.size() == 2u);
  CHECK(records[1].fields == fields{"c", "d"});
  CHECK(records[1].line == 2u);
}

TEST_CASE("empty text and a lone BOM hold no records", "[csv]") {
  CHECK(read_all("").empty());
  CHECK(read_all("\xEF\xBB\xBF").empty());
  CHECK(read_all("\n\n\r\n").empty());
}

TEST_CASE("a leading UTF-8 BOM is skipped and not part of the first field", "[csv]") {
  const auto records = read_all("\xEF\xBB\xBF" "customer_id,name\nC1,x\n");
  REQUIRE(records.size() == 2u);
  CHECK(records[0].fields == fields{"customer_id", "name"});
  CHECK(records[0].line == 1u);
  CHECK(records[1].line == 2u);
}

TEST_CASE("a BOM that is not at the start is ordinary text", "[csv]") {
  const auto records = read_all("a\n\xEF\xBB\xBF" "b\n");
  REQUIRE(records.size() == 2u);
  CHECK(records[1].fields == fields{"\xEF\xBB\xBF" "b"});
}

TEST_CASE("CRLF line ends are not part of the fields", "[csv]") {
  const auto records = read_all("a,b\r\nc,d\r\ne,\r\n");
  REQUIRE(records.size() == 3u);
  CHECK(records[0].fields == fields{"a", "b"});
  CHECK(records[1].fields == fields{"c", "d"});
  CHECK(records[2].fields == fields{"e", ""});
  CHECK(records[2].line == 3u);
}

TEST_CASE("blank lines are skipped but still counted", "[csv]") {
  const auto records = read_all("a\n\n\nb\r\n\r\nc\n\n");
  REQUIRE(records.size() == 3u);
  CHECK(records[0].line == 1u);
  CHECK(records[1].fields == fields{"b"});
  CHECK(records[1].line == 4u);
  CHECK(records[2].fields == fields{"c"});
  CHECK(records[2].line == 6u);
}

TEST_CASE("blank lines before the first record are counted", "[csv]") {
  const auto records = read_all("\n\nheader\n");
  REQUIRE(records.size() == 1u);
  CHECK(records[0].line == 3u);
}

TEST_CASE("a line of spaces is a record, not a blank line", "[csv]") {
  const auto records = read_all("a\n \nb\n");
  REQUIRE(records.size() == 3u);
  CHECK(records[1].fields == fields{" "});
  CHECK(records[1].line == 2u);
}

TEST_CASE("a quoted field may hold commas", "[csv]") {
  const auto records = read_all("G002,\"Smith, Jones & Co\",EOM 30\n");
  REQUIRE(records.size() == 1u);
  CHECK(records[0].fields == fields{"G002", "Smith, Jones & Co", "EOM 30"});
  CHECK(records[0].problem.empty());
}

TEST_CASE("a doubled quote inside a quoted field is one quote", "[csv]") {
  const auto records = read_all("\"The \"\"Quoted\"\" Company\",x\n\"\"\"\"\n");
  REQUIRE(records.size() == 2u);
  CHECK(records[0].fields == fields{"The \"Quoted\" Company", "x"});
  CHECK(records[1].fields == fields{"\""});
}

TEST_CASE("a quoted empty field is an empty field", "[csv]") {
  const auto records = read_all("a,\"\",c\n\"\"\n");
  REQUIRE(records.size() == 2u);
  CHECK(records[0].fields == fields{"a", "", "c"});
  CHECK(records[1].fields == fields{""});
  CHECK(records[1].problem.empty());
}

TEST_CASE("a quoted field may hold line breaks and the record keeps its starting line", "[csv]") {
  const auto records = read_all("h1,h2\n\"Lee, Wong\nTrading Ltd\",1\nnext,2\n\"a\r\nb\",3\r\nlast,4\n");
  REQUIRE(records.size() == 5u);
  CHECK(records[1].fields == fields{"Lee, Wong\nTrading Ltd", "1"});
  CHECK(records[1].line == 2u);
  CHECK(records[2].fields == fields{"next", "2"});
  CHECK(records[2].line == 4u);
  CHECK(records[3].fields == fields{"a\r\nb", "3"});
  CHECK(records[3].line == 5u);
  CHECK(records[4].line == 7u);
}

TEST_CASE("a quoted field with several line breaks shifts later records by as many lines", "[csv]") {
  const auto records = read_all("x,\"multi\nline\nnote, ok\",y\nz\n");
  REQUIRE(records.size() == 2u);
  CHECK(records[0].fields == fields{"x", "multi\nline\nnote, ok", "y"});
  CHECK(records[0].line == 1u);
  CHECK(records[1].line == 4u);
}

TEST_CASE("a lone CR inside a quoted field counts as a line break like one outside quotes", "[csv]") {
  // Found by fuzz_csv_reader: in a file with CR-only line ends the reader
  // counted a CR outside quotes but not inside, so every later record
  // named a line too early.
  const auto records = read_all("a,b\r1,\"x\ry\"\r2,3\r");
  REQUIRE(records.size() == 3u);
  CHECK(records[1].fields == fields{"1", "x\ry"});
  CHECK(records[1].line == 2u);
  CHECK(records[2].fields == fields{"2", "3"});
  CHECK(records[2].line == 4u);
}

TEST_CASE("a trailing comma gives a trailing empty field", "[csv]") {
  const auto records = read_all("a,b,\n,\n,,\n");
  REQUIRE(records.size() == 3u);
  CHECK(records[0].fields == fields{"a", "b", ""});
  CHECK(records[1].fields == fields{"", ""});
  CHECK(records[2].fields == fields{"", "", ""});
}

TEST_CASE("spaces around fields are kept", "[csv]") {
  const auto records = read_all(" a , b \n");
  REQUIRE(records.size() == 1u);
  CHECK(records[0].fields == fields{" a ", " b "});
}

TEST_CASE("a quote inside an unquoted field is an ordinary character", "[csv]") {
  const auto records = read_all("ab\"c,d\n");
  REQUIRE(records.size() == 1u);
  CHECK(records[0].fields == fields{"ab\"c", "d"});
  CHECK(records[0].problem.empty());
}

TEST_CASE("text after a closing quote is a problem and the fields are still read", "[csv]") {
  const auto records = read_all("\"ab\"c,d\nnext\n");
  REQUIRE(records.size() == 2u);
  CHECK(records[0].problem == "text after a closing quote");
  CHECK(records[0].fields == fields{"abc", "d"});
  CHECK(records[1].fields == fields{"next"});
  CHECK(records[1].problem.empty());
}

TEST_CASE("a space after a closing quote is text after the quote", "[csv]") {
  const auto records = read_all("\"a\" ,b\n");
  REQUIRE(records.size() == 1u);
  CHECK(records[0].problem == "text after a closing quote");
}

TEST_CASE("an unterminated quote swallows the rest of the file and is a problem", "[csv]") {
  const auto records = read_all("h\nok,1\nbad,\"abc,d\nmore\n");
  REQUIRE(records.size() == 3u);
  CHECK(records[1].problem.empty());
  CHECK(records[2].line == 3u);
  CHECK(records[2].problem == "a quoted field is not closed before the end of the file");
  CHECK(records[2].fields == fields{"bad", "abc,d\nmore\n"});
}

TEST_CASE("one record reused across reads keeps no stale fields or problems", "[csv]") {
  csv_reader reader("a,b,c,d\n\"x\"y\nshort\nlong,1,2,3,4,5\n");
  csv_record record;
  REQUIRE(reader.next(record));
  CHECK(record.fields == fields{"a", "b", "c", "d"});
  REQUIRE(reader.next(record));
  CHECK(record.fields == fields{"xy"});
  CHECK(record.problem == "text after a closing quote");
  REQUIRE(reader.next(record));
  CHECK(record.fields == fields{"short"});
  CHECK(record.problem.empty());
  CHECK(record.line == 3u);
  REQUIRE(reader.next(record));
  CHECK(record.fields == fields{"long", "1", "2", "3", "4", "5"});
  CHECK(record.line == 4u);
  CHECK_FALSE(reader.next(record));
  CHECK(record.fields.empty());
  CHECK_FALSE(reader.next(record));
}

TEST_CASE("a reused record keeps its vector's capacity for rows of the same width", "[csv]") {
  csv_reader reader("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,b\nc,d\n");
  csv_record record;
  REQUIRE(reader.next(record));
  const std::string* const first_field = record.fields.data();
  const std::size_t first_capacity = record.fields[0].capacity();
  REQUIRE(reader.next(record));
  CHECK(record.fields == fields{"c", "d"});
  CHECK(record.fields.data() == first_field);
  CHECK(record.fields[0].capacity() == first_capacity);
}

TEST_CASE("the reader does not copy the text it reads", "[csv]") {
  std::string text = "a,b\n";
  csv_reader reader(text);
  text[0] = 'z';
  csv_record record;
  REQUIRE(reader.next(record));
  CHECK(record.fields == fields{"z", "b"});
}
