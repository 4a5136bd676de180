// End-to-end tests of the huikuan command: exit codes, error messages and
// the output formats, on the sample portfolio and on broken CSV fixtures.
// (Full expected reports on the sample are compared byte for byte by the
// "cli: ..." ctest entries in tests/CMakeLists.txt.)
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

struct run_result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs the huikuan command with `arguments` (already shell-quoted where
// needed) and captures its exit code, stdout and stderr.
run_result huikuan(const std::string& arguments) {
  static int counter = 0;
  // ctest runs test cases as parallel processes: the name holds the pid.
  const std::string err_path = (std::filesystem::temp_directory_path() /
                                ("huikuan_cli_test_stderr_" + std::to_string(getpid()) + "_" + std::to_string(++counter) + ".txt"))
                                   .string();
  const std::string command = std::string(HUIKUAN_CLI) + " " + arguments + " 2>" + err_path;
  run_result result;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t read = 0;
  while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), read);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = slurp(err_path);
  std::remove(err_path.c_str());
  return result;
}

const std::string sample = HUIKUAN_SAMPLE_DATA;
const std::string broken = std::string(HUIKUAN_TEST_DATA) + "/broken";

}  // namespace

TEST_CASE("check on the sample portfolio finds no problems and exits 0", "[cli]") {
  const run_result table = huikuan("check " + sample);
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("no problems: every row loaded") != std::string::npos);
  const run_result r = huikuan("check " + sample + " --format csv");
  CHECK(r.out.find("\ninvoices.csv,4008,4008,0,116197965.26,0.00,0\n") != std::string::npos);
  CHECK(r.out.find("\npayments.csv,3724,3724,0,101018048.11,0.00,0\n") != std::string::npos);
}

TEST_CASE("check on broken dates lists every problem with file, line and column and exits 3", "[cli]") {
  const run_result r = huikuan("check " + broken + "/dates --format csv");
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("invoices.csv,3,issue_date,huikuan.date.2,date 2024-02-30 is not a valid date\n") != std::string::npos);
  CHECK(r.out.find("invoices.csv,4,due_date,huikuan.ledger.6,due date 2024-03-01 is before issue date 2024-03-10\n") !=
        std::string::npos);
  CHECK(r.out.find("payments.csv,4,date,huikuan.date.1,\"date \"\"20240315\"\" is not in YYYY-MM-DD form\"\n") !=
        std::string::npos);
}

TEST_CASE("a report on data with rejected rows still prints, says what was left out, and exits 3", "[cli]") {
  const run_result table = huikuan("aging " + broken + "/dates --as-of 2024-06-30 --by portfolio");
  CHECK(table.exit_code == 3);
  CHECK(table.out.find("aging as of 2024-06-30 by portfolio") != std::string::npos);
  CHECK(table.out.find("7 input rows were left out; run `huikuan check DIR` for every problem.") != std::string::npos);
  const run_result r = huikuan("aging " + broken + "/dates --as-of 2024-06-30 --by portfolio --format csv");
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("# left out\n") != std::string::npos);
  CHECK(r.out.find("\ninvoices.csv,8,3,5,9600.00,0\n") != std::string::npos);
  CHECK(r.err.find("invoices.csv:3: issue_date: [huikuan.date.2] date 2024-02-30 is not a valid date\n") !=
        std::string::npos);
}

TEST_CASE("a missing file is a fatal error naming it, exit 1", "[cli]") {
  const run_result r = huikuan("aging " + broken + "/missing_file --as-of 2024-06-30");
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("[huikuan.load.1] cannot read ") != std::string::npos);
  CHECK(r.err.find("payments.csv: the file is missing or unreadable") != std::string::npos);
}

TEST_CASE("a missing required column is a fatal error naming it, exit 1", "[cli]") {
  const run_result r = huikuan("check " + broken + "/missing_column");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "huikuan: [huikuan.load.2] invoices.csv has no amount column\n");
}

TEST_CASE("a missing data directory is a fatal error naming it", "[cli]") {
  const run_result r = huikuan("check /nonexistent/huikuan-data");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "huikuan: [huikuan.load.1] data directory /nonexistent/huikuan-data does not exist\n");
}

TEST_CASE("an invalid --as-of date is rejected with the option named, exit 1", "[cli]") {
  const run_result r = huikuan("aging " + sample + " --as-of 2026-02-30");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "huikuan: [huikuan.date.2] --as-of: date 2026-02-30 is not a valid date\n");
}

TEST_CASE("bucket edges that are not whole numbers or not increasing are rejected, exit 1", "[cli]") {
  const run_result words = huikuan("aging " + sample + " --buckets 30,sixty");
  CHECK(words.exit_code == 1);
  CHECK(words.err == "huikuan: [huikuan.cli.1] --buckets: \"sixty\" is not a whole number of days\n");
  const run_result order = huikuan("aging " + sample + " --buckets 60,30");
  CHECK(order.exit_code == 1);
  CHECK(order.err == "huikuan: [huikuan.aging.1] bucket edges {0, 60, 30} must be strictly increasing\n");
}

TEST_CASE("an unknown command or option is a usage error, exit 2", "[cli]") {
  CHECK(huikuan("frobnicate " + sample).exit_code == 2);
  CHECK(huikuan("aging " + sample + " --by planet").exit_code == 2);
  CHECK(huikuan("kpi " + sample).exit_code == 2);  // --from and --to are required
}

TEST_CASE("an unknown customer in statement is a fatal error naming the id", "[cli]") {
  const run_result r = huikuan("statement " + sample + " NOPE --as-of 2026-10-31");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "huikuan: [huikuan.ledger.14] no customer with id NOPE\n");
}

TEST_CASE("custom buckets give a current bucket plus the listed edges", "[cli]") {
  const run_result r = huikuan("aging " + sample + " --as-of 2026-10-31 --by portfolio --buckets 45,90 --format csv");
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("portfolio,current,1-45,46-90,over 90,open,", 0) == 0);
  CHECK(r.out.find("portfolio,6880473.84,") != std::string::npos);
  CHECK(r.out.find(",15988442.05,72107.17,15916334.88,638,") != std::string::npos);
}

TEST_CASE("aging by days since invoice has no current bucket", "[cli]") {
  const run_result r = huikuan("aging " + sample + " --as-of 2026-10-31 --by portfolio --basis invoice --buckets 30,60 --format csv");
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("portfolio,<= 30,31-60,over 60,open,", 0) == 0);
}

TEST_CASE("json output holds each section as an array of row objects with exact money", "[cli]") {
  const run_result r = huikuan("aging " + sample + " --as-of 2026-10-31 --by portfolio --format json");
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("{\n  \"aging\": [\n    {\"portfolio\": \"portfolio\", "
                    "\"current\": 6880473.84, ",
                    0) == 0);
  CHECK(r.out.find("\"open\": 15988442.05, \"unapplied\": 72107.17") != std::string::npos);
}

TEST_CASE("csv output quotes names that hold commas and quotes", "[cli]") {
  const run_result r = huikuan("aging " + sample + " --as-of 2026-10-31 --format csv");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("C0004,\"\"\"Prime\"\" Hardware Co\",John Carter,") != std::string::npos);
}

TEST_CASE("as-of reports ignore later rows: aging at the start of 2025 sees only January's invoices", "[cli]") {
  const run_result r = huikuan("aging " + sample + " --as-of 2024-12-31 --by portfolio --format csv");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("portfolio,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,,0.0,") != std::string::npos);
}

TEST_CASE("every report's json output is valid JSON", "[cli]") {
  const std::string validate = " --format json | /usr/bin/python3 -c 'import json, sys; json.load(sys.stdin)'";
  for (const std::string& command :
       {"aging " + sample + " --as-of 2026-10-31", "aging " + sample + " --as-of 2026-10-31 --by rep",
        "kpi " + sample + " --from 2025-11-01 --to 2026-10-31 --per-customer",
        "statement " + sample + " C0111 --from 2025-10-01 --as-of 2026-10-31", "dormant " + sample + " --as-of 2026-10-31",
        "check " + broken + "/quoting"}) {
    INFO(command);
    CHECK(std::system((std::string(HUIKUAN_CLI) + " " + command + validate).c_str()) == 0);
  }
}

TEST_CASE("score on the sample grades every customer and names a binding limit rule", "[cli][score]") {
  const run_result r = huikuan("score " + sample + " --as-of 2026-10-31 --format csv");
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("customer,name,grade,score,PD %,character,capacity,capital,collateral,conditions,open,limit,binding,terms,reasons\n", 0) == 0);
  std::size_t rows = 0;
  for (char c : r.out) rows += c == '\n' ? 1 : 0;
  CHECK(rows == 301);
  CHECK(r.out.find(",cash in advance,") != std::string::npos);
}

TEST_CASE("the printed standard model read back with --model scores exactly like the default", "[cli][score]") {
  const std::string model_path = (std::filesystem::temp_directory_path() /
                                  ("huikuan_model_" + std::to_string(getpid()) + ".json")).string();
  CHECK(std::system((std::string(HUIKUAN_CLI) + " model > " + model_path).c_str()) == 0);
  const run_result standard = huikuan("score " + sample + " --as-of 2026-10-31 --format csv");
  const run_result loaded = huikuan("score " + sample + " --as-of 2026-10-31 --format csv --model " + model_path);
  CHECK(loaded.exit_code == 0);
  CHECK(loaded.out == standard.out);
  std::remove(model_path.c_str());
}

TEST_CASE("a model file that is not a credit model is a fatal error naming the field", "[cli][score]") {
  const std::string model_path = (std::filesystem::temp_directory_path() /
                                  ("huikuan_bad_model_" + std::to_string(getpid()) + ".json")).string();
  {
    std::ofstream out(model_path);
    out << "{\"format\": \"huikuan.credit_model\", \"version\": 1, \"c_weights\": {\"character\": 0.3}}";
  }
  const run_result r = huikuan("score " + sample + " --as-of 2026-10-31 --model " + model_path);
  CHECK(r.exit_code == 1);
  CHECK(r.err == "huikuan: [huikuan.model.2] c_weights.capacity is missing\n");
  std::remove(model_path.c_str());
}

TEST_CASE("worklist on the sample ranks debtors, plans the day within the minutes and beats both baselines", "[cli][collections]") {
  const run_result r = huikuan("worklist " + sample + " --as-of 2026-10-31 --top 5 --capacity 480 --collectors 2 --format json");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"worklist\"") != std::string::npos);
  CHECK(r.out.find("\"plan\"") != std::string::npos);
  const run_result table = huikuan("worklist " + sample + " --as-of 2026-10-31 --top 5 --capacity 480 --collectors 2");
  CHECK(table.out.find("5 of 136 debtors shown") != std::string::npos);
  CHECK(table.out.find("expected cash 1,500,260.69 (minutes used: 480 of 480, 479 of 480)") != std::string::npos);
  CHECK(table.out.find("same minutes, largest balance first: 1,219,284.90; oldest first: 691,222.88") != std::string::npos);
}

TEST_CASE("negative collector minutes or no collectors are usage errors, exit 2", "[cli][collections]") {
  CHECK(huikuan("worklist " + sample + " --as-of 2026-10-31 --capacity -5").exit_code == 2);
  CHECK(huikuan("worklist " + sample + " --as-of 2026-10-31 --capacity 480 --collectors 0").exit_code == 2);
}

TEST_CASE("bad promises, targets and disputes are reported row by row and the reports still print, exit 3", "[cli][collections]") {
  const std::string dir = std::string(HUIKUAN_TEST_DATA) + "/broken/collections";
  const run_result promises = huikuan("promises " + dir + " --as-of 2026-02-10");
  CHECK(promises.exit_code == 3);
  CHECK(promises.out.find("PTP-1    G001") != std::string::npos);
  CHECK(promises.out.find("promises.csv           7            2              5          2700.00                             1") !=
        std::string::npos);
  CHECK(promises.err ==
        "promises.csv:4: customer_id: [huikuan.promise.2] unknown customer G999\n"
        "promises.csv:5: [huikuan.promise.11] left out with its promise PTP-3 (promises.csv:6)\n"
        "promises.csv:6: due_date: [huikuan.promise.4] instalment due 2026-02-01 is not after the previous instalment "
        "due 2026-02-15\n"
        "promises.csv:7: amount: [huikuan.money.2] amount \"abc\" is not a decimal number\n"
        "promises.csv:8: [huikuan.promise.11] left out with its promise PTP-4 (promises.csv:7)\n");
  const run_result targets = huikuan("targets " + dir + " --as-of 2026-02-10");
  CHECK(targets.exit_code == 3);
  CHECK(targets.err.find("targets.csv:8: kind: [huikuan.target.8] kind \"bonus\" is not one of target, commitment, "
                         "measure, phase\n") != std::string::npos);
  CHECK(targets.err.find("targets.csv:7: [huikuan.target.11] left out with its target G002 2026-01 (targets.csv:8)\n") !=
        std::string::npos);
  CHECK(targets.err.find("targets.csv:9: period: [huikuan.target.7] period \"2026-13\" is not a month YYYY-MM\n") !=
        std::string::npos);
  const run_result list = huikuan("worklist " + dir + " --as-of 2026-02-10");
  CHECK(list.exit_code == 3);
  CHECK(list.err.find("disputes.csv:3: invoice_id: [huikuan.dispute.1] unknown invoice GI-999\n") != std::string::npos);
  CHECK(list.out.find("disputed invoices 4,500.00 left out of the priority: resolve the dispute") != std::string::npos);
}

TEST_CASE("promises and targets without their file are fatal errors naming it, exit 1", "[cli][collections]") {
  const std::string good = std::string(HUIKUAN_TEST_DATA) + "/good";
  const run_result promises = huikuan("promises " + good + " --as-of 2026-02-10");
  CHECK(promises.exit_code == 1);
  CHECK(promises.err.find("[huikuan.load.1] no promises.csv in ") != std::string::npos);
  CHECK(huikuan("targets " + good + " --as-of 2026-02-10").exit_code == 1);
}

TEST_CASE("the collections reports' json output is valid JSON", "[cli][collections]") {
  const std::string validate = " --format json | /usr/bin/python3 -c 'import json, sys; json.load(sys.stdin)'";
  for (const std::string& command :
       {"worklist " + sample + " --as-of 2026-10-31 --capacity 300", "promises " + sample + " --as-of 2026-10-31",
        "targets " + sample + " --as-of 2026-10-31"}) {
    INFO(command);
    CHECK(std::system((std::string(HUIKUAN_CLI) + " " + command + validate).c_str()) == 0);
  }
}

TEST_CASE("exposure with rejected orders still reports, lists what was left out and exits 3", "[cli][exposure]") {
  const std::string dir = std::string(HUIKUAN_TEST_DATA) + "/broken/exposure";
  const run_result r = huikuan("exposure " + dir + " --as-of 2026-03-31 --assets 500000 --format csv");
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("\nopen receivables,28071.00,500000.00,5.6142,16.00%,20.00%,ok,71929.00,0.00\n") != std::string::npos);
  CHECK(r.out.find("\nreceivables + open orders,35571.00,500000.00,7.1142,16.00%,20.00%,ok,64429.00,0.00\n") !=
        std::string::npos);
  CHECK(r.out.find("\nG003,Acme Industrial Supply Ltd,(default),17750.00,157,60,,157 days past due > 60\n") !=
        std::string::npos);
  CHECK(r.out.find("\norders.csv,5,3,2,1600.00,0\n") != std::string::npos);
  CHECK(r.err == "orders.csv:4: customer_id: [huikuan.orders.3] unknown customer G009\n"
                 "orders.csv:5: closed_date: [huikuan.orders.5] a cancelled order needs the date it was closed\n");
  // A group rule of its own: wholesale blocks from the first day past due.
  const run_result group = huikuan("exposure " + dir + " --as-of 2026-03-31 --assets 500000 --max-days-past-due none "
                                   "--overdue-rule wholesale:0: --format csv");
  CHECK(group.out.find("\nG001,上海华联贸易有限公司,wholesale,4200.00,50,0,,50 days past due > 0\n") != std::string::npos);
  CHECK(group.out.find("G003,Acme Industrial Supply Ltd,(default)") == std::string::npos);
}

TEST_CASE("provision from a history with a bad row leaves its snapshot out and exits 3", "[cli][exposure]") {
  const std::string dir = std::string(HUIKUAN_TEST_DATA) + "/broken/exposure";
  const run_result r = huikuan("provision " + dir + " --history " + dir + "/aging_history.csv --as-of 2026-03-31 --format csv");
  CHECK(r.exit_code == 3);
  // Only January -> February rolls: 9,000 / 40,000, and (3,000 - 1,000 + 500 that left) / 8,000.
  CHECK(r.out.find("\ncurrent,1-30,40000.00,9000.00,0.225000\n1-30,over 30,8000.00,2500.00,0.312500\n") !=
        std::string::npos);
  CHECK(r.out.find("\ntotal,28071.00,76.6663,21521.01\n") != std::string::npos);
  CHECK(r.out.find("\naging_history.csv,10,7,3,24000.00,1\n") != std::string::npos);
  CHECK(r.err.find("aging_history.csv:10: balance: [huikuan.money.2] amount \"abc\" is not a decimal number\n"
                   "aging_history.csv:9: [huikuan.provision.10] left out with its snapshot 2026-03-31 "
                   "(aging_history.csv:10)\n") != std::string::npos);
}

TEST_CASE("check-order prints the verdict with every rule and a block for an overdue customer", "[cli][exposure]") {
  const std::string dir = std::string(HUIKUAN_TEST_DATA) + "/broken/exposure";
  const run_result r = huikuan("check-order " + dir + " G003 100 --date 2026-03-31 --assets 500000 --format csv");
  CHECK(r.exit_code == 3);  // orders.csv has rejected rows
  CHECK(r.out.find("\nverdict,block\n") != std::string::npos);
  CHECK(r.out.find("\noverdue days,block,157,157,60,-97,,days\n") != std::string::npos);
  CHECK(r.out.find("\ncredit limit,pass,20250.00,20350.00,200000.00,179650.00,179750.00,money\n") !=
        std::string::npos);
  const run_result ok = huikuan("check-order " + dir + " G002 100 --date 2026-03-31 --assets 500000 --format csv");
  CHECK(ok.out.find("\nverdict,allow\n") != std::string::npos);
}

TEST_CASE("exposure options with bad values are fatal errors naming the option, exit 1", "[cli][exposure]") {
  const std::string base = "exposure " + sample + " --as-of 2026-10-31 ";
  const auto error_of = [](const std::string& arguments) {
    const run_result r = huikuan(arguments);
    CHECK(r.exit_code == 1);
    return r.err;
  };
  CHECK(error_of(base + "--assets 80000000 --ceiling 120%") ==
        "huikuan: [huikuan.exposure.1] ceiling 120.00% is outside (0, 100%]\n");
  CHECK(error_of(base + "--assets 80000000 --warning 25%") ==
        "huikuan: [huikuan.exposure.2] warning line 25.00% is outside (0, 20.00%], the ceiling\n");
  CHECK(error_of(base + "--assets 0") == "huikuan: [huikuan.exposure.3] total assets 0.00 are not positive\n");
  CHECK(error_of(base + "--assets abc") == "huikuan: [huikuan.money.2] --assets: amount \"abc\" is not a decimal number\n");
  CHECK(error_of(base + "--assets 80000000 --ceiling 20") ==
        "huikuan: [huikuan.percent.1] --ceiling: \"20\" is not a percentage such as 20% or 16.5%\n");
  CHECK(error_of(base + "--assets 80000000 --overdue-rule retail") ==
        "huikuan: [huikuan.exposure_cli.2] --overdue-rule: \"retail\" is not GROUP:DAYS:AMOUNT (e.g. retail:30:50000 "
        "or project::)\n");
  CHECK(error_of(base + "--assets 80000000 --max-days-past-due soon") ==
        "huikuan: [huikuan.exposure_cli.1] --max-days-past-due: \"soon\" is not a whole number of days or none\n");
  CHECK(error_of(base + "--assets 80000000 --max-hhi 20000") ==
        "huikuan: [huikuan.exposure.7] max herfindahl 20000 points is outside (0, 10000]\n");
  CHECK(error_of("check-order " + sample + " NOPE 100 --date 2026-10-31 --assets 1") ==
        "huikuan: [huikuan.ledger.14] no customer with id NOPE\n");
  CHECK(error_of("check-order " + sample + " C0002 0 --date 2026-10-31 --assets 1") ==
        "huikuan: [huikuan.exposure.9] order amount 0.00 is not positive\n");
  CHECK(error_of("provision " + sample + " --as-of 2026-10-31") ==
        "huikuan: [huikuan.exposure_cli.4] give either --history SNAPSHOTS.csv or --loss-rates, not both\n");
  CHECK(error_of("provision " + sample + " --loss-rates 1%,2%,3% --as-of 2026-10-31") ==
        "huikuan: [huikuan.provision.1] 3 loss rates for 6 buckets {0, 30, 60, 90, 120}\n");
  CHECK(error_of("provision " + sample + " --loss-rates 1%,2%,3%,4%,5%,150% --as-of 2026-10-31") ==
        "huikuan: [huikuan.provision.2] loss rate 1.5 of bucket \"over 120\" is outside [0, 1]\n");
  CHECK(error_of("provision " + sample + " --loss-rates 1%,2%,3%,4%,5%,100% --adjustment 10 --as-of 2026-10-31") ==
        "huikuan: [huikuan.exposure_cli.3] --adjustment: \"10\" is not a percentage such as 2.5%\n");
  CHECK(error_of("provision " + sample + " --history /nonexistent/history.csv --as-of 2026-10-31").find(
            "[huikuan.load.1] cannot read /nonexistent/history.csv") != std::string::npos);
  CHECK(huikuan(base).exit_code == 2);  // --assets is required
  CHECK(error_of("cost " + sample + " --from 2026-10-31 --to 2026-10-01 --rate 4.35%") ==
        "huikuan: [huikuan.cost.3] period 2026-10-31 .. 2026-10-01 ends before it starts\n");
  CHECK(error_of("cost " + sample + " --from 2026-10-01 --to 2026-10-31 --rate 4.35") ==
        "huikuan: [huikuan.percent.1] --rate: \"4.35\" is not a percentage such as 20% or 16.5%\n");
  CHECK(error_of("cost " + sample + " --from 2026-10-01 --to 2026-10-31 --rate -1%") ==
        "huikuan: [huikuan.cost.1] annual rate -1.00% is negative\n");
}

TEST_CASE("cost prices October's receivables under both day counts", "[cli][exposure]") {
  const std::string base = "cost " + sample + " --from 2026-10-01 --to 2026-10-31 --rate 4.35% --format csv";
  const run_result a365 = huikuan(base);
  CHECK(a365.exit_code == 0);
  // C0001 (checked day by day): average open balance 37,607.65, 31 days at 4.35% / 365.
  CHECK(a365.out.find("\nC0001,Horizon Building Materials LLC,John Carter,37607.65,138.94\n") != std::string::npos);
  const run_result a360 = huikuan(base + " --day-count 360");
  CHECK(huikuan("cost " + sample + " --from 2026-10-01 --to 2026-10-31 --rate 4.35% --day-count 360")
            .out.rfind("carrying cost 2026-10-01 .. 2026-10-31 at 4.35% a year (Actual/360)\n", 0) == 0);
  CHECK(a360.out.find("\nC0001,Horizon Building Materials LLC,John Carter,37607.65,140.87\n") != std::string::npos);
}

TEST_CASE("the exposure reports' json output is valid JSON", "[cli][exposure]") {
  const std::string validate = " --format json | /usr/bin/python3 -c 'import json, sys; json.load(sys.stdin)'";
  for (const std::string& command :
       {"exposure " + sample + " --as-of 2026-10-31 --assets 80000000 --max-share 5% --max-hhi 300",
        "check-order " + sample + " C0152 20000 --date 2026-10-31 --assets 80000000",
        "provision " + sample + " --history " + sample + "/aging_history.csv --as-of 2026-10-31 --terminal-loss-rate 90% --adjustment 5%",
        "cost " + sample + " --from 2026-10-01 --to 2026-10-31 --rate 4.35% --late-rate 18.25% --day-count 360"}) {
    INFO(command);
    CHECK(std::system((std::string(HUIKUAN_CLI) + " " + command + validate).c_str()) == 0);
  }
}
