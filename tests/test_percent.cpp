// Percentages as exact basis points: parsing with the sign required, two
// decimals at most (never rounded), formatting, and every error pinned.
#include <catch2/catch.hpp>

#include "huikuan/error.hpp"
#include "huikuan/percent.hpp"

using namespace huikuan;

TEST_CASE("a percentage with up to two decimals is an exact count of basis points", "[percent]") {
  CHECK(parse_percent("20%") == basis_points(2000));
  CHECK(parse_percent("16.5%") == basis_points(1650));
  CHECK(parse_percent(" 0.25 % ") == basis_points(25));
  CHECK(parse_percent("0.01%") == basis_points(1));
  CHECK(parse_percent("100%") == basis_points(10000));
  CHECK(parse_percent("-1.25%") == basis_points(-125));
  CHECK(parse_percent("1,000%") == basis_points(100'000));
  CHECK(parse_percent("0%") == basis_points(0));
}

TEST_CASE("basis points format with two decimals and the percent sign", "[percent]") {
  CHECK(format_percent(basis_points(2000)) == "20.00%");
  CHECK(format_percent(basis_points(1650)) == "16.50%");
  CHECK(format_percent(basis_points(1)) == "0.01%");
  CHECK(format_percent(basis_points(-125)) == "-1.25%");
  CHECK(parse_percent(format_percent(basis_points(12345))) == basis_points(12345));
}

TEST_CASE("a number without the percent sign is rejected because 0.2 could mean 0.2% or 20%", "[percent]") {
  CHECK_THROWS_MATCHES(parse_percent("0.2"), input_error,
                       Catch::Message("[huikuan.percent.1] \"0.2\" is not a percentage such as 20% or 16.5%"));
  CHECK_THROWS_MATCHES(parse_percent(""), input_error,
                       Catch::Message("[huikuan.percent.1] \"\" is not a percentage such as 20% or 16.5%"));
  CHECK_THROWS_MATCHES(parse_percent("%"), input_error,
                       Catch::Message("[huikuan.percent.1] \"%\" is not a percentage such as 20% or 16.5%"));
  CHECK_THROWS_MATCHES(parse_percent("twenty%"), input_error,
                       Catch::Message("[huikuan.percent.1] \"twenty%\" is not a percentage such as 20% or 16.5%"));
  CHECK_THROWS_MATCHES(parse_percent("20%%"), input_error,
                       Catch::Message("[huikuan.percent.1] \"20%%\" is not a percentage such as 20% or 16.5%"));
}

TEST_CASE("a third decimal is an error rather than a rounded basis point", "[percent]") {
  CHECK_THROWS_MATCHES(parse_percent("12.345%"), input_error,
                       Catch::Message("[huikuan.percent.2] \"12.345%\" has more than two decimals; a basis point "
                                      "(0.01%) is the finest share"));
}

TEST_CASE("a percentage beyond a million percent is out of range", "[percent]") {
  CHECK_THROWS_MATCHES(parse_percent("1000000.01%"), input_error,
                       Catch::Message("[huikuan.percent.3] \"1000000.01%\" is beyond +-1,000,000%"));
  CHECK_THROWS_MATCHES(parse_percent("99999999999999999999%"), input_error,
                       Catch::Message("[huikuan.percent.3] \"99999999999999999999%\" is beyond +-1,000,000%"));
  CHECK(parse_percent("1000000%") == basis_points(100'000'000));
}
