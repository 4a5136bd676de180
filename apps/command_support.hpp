// Shared pieces of the huikuan command: exit codes, report cells, option
// parsing helpers, the "left out" section, and how a command is registered.
// Each group of commands lives in its own commands_*.cpp file and adds its
// subcommands through an add_*_commands function declared in commands.hpp.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "huikuan/huikuan.hpp"
#include "report_output.hpp"

namespace huikuan::cli {

inline constexpr int exit_clean = 0;
inline constexpr int exit_fatal = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_rows_left_out = 3;

/// Report cells.
cell text(std::string value);
cell amount(money value);
cell amount(const money_total& value);
cell number(std::int64_t value);
/// A fixed-point number with `digits` decimals.
cell ratio(double value, int digits = 2);
/// An empty numeric cell when the value is absent.
cell optional_ratio(const std::optional<double>& value, int digits = 2);
/// A share 0..1 as a percentage with two decimals ("12.34").
std::string percent(double share);
/// Days as text; empty when absent.
std::string days_text(const std::optional<std::int32_t>& d);

/// Today in UTC, the default for --as-of.
day today();

/// Parses an option's date; an empty value gives `fallback`. Throws
/// input_error naming the option.
day date_option(const std::string& value, const char* name, day fallback);

/// The options every command over a data directory takes.
struct common_options {
  std::string directory;
  std::string format = "table";
};

/// Adds DIR and --format to a subcommand.
void add_common_options(CLI::App* command, common_options& o);

/// What was left out, as a report section (nothing when nothing was).
void add_left_out(report& r, std::span<const file_summary> files, std::size_t problems);
void add_left_out(report& r, const load_result& loaded);

/// Prints the report in the format; problems go to stderr and make the exit
/// code exit_rows_left_out.
int finish(const report& r, const std::string& format, std::span<const load_problem> problems);
int finish(const report& r, const std::string& format, const load_result& loaded);

/// The ledger of a data directory and the optional files read beside it,
/// with what was left out of each (for add_left_out and finish).
struct directory_inputs {
  std::string directory;
  load_result loaded;
  std::vector<file_summary> files;
  std::vector<load_problem> problems;

  /// Loads customers.csv, invoices.csv, payments.csv and credit_notes.csv.
  explicit directory_inputs(std::string dir);

  /// Runs `load` on the text of the optional file `name` when the directory
  /// has it (nullopt otherwise) and records its summary and problems.
  /// `load` returns a result with `summary` and `problems` members.
  template <class Load>
  auto optional_file(const char* name, Load load) -> std::optional<decltype(load(std::string_view{}))> {
    const std::filesystem::path path = std::filesystem::path(directory) / name;
    if (!std::filesystem::exists(path)) return std::nullopt;
    const std::string text = read_text_file(path);
    auto result = load(std::string_view(text));
    files.push_back(result.summary);
    problems.insert(problems.end(), result.problems.begin(), result.problems.end());
    return result;
  }
};

/// A registered subcommand and what runs it once it has been parsed.
struct command {
  CLI::App* app;
  std::function<int()> run;
};
using command_list = std::vector<command>;

}  // namespace huikuan::cli
