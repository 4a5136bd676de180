// The huikuan command: reports over a directory of CSV exports.
//
//   huikuan aging DIR [--as-of DATE] [--buckets 30,60,90,120] [--by customer|rep|portfolio]
//   huikuan kpi DIR --from DATE --to DATE [--per-customer]
//   huikuan statement DIR CUSTOMER_ID [--from DATE] [--as-of DATE]
//   huikuan dormant DIR [--as-of DATE] [--days 180]
//   huikuan score DIR [--as-of DATE] [--model model.json] [--lang en|zh]
//   huikuan model
//   huikuan worklist DIR [--as-of DATE] [--top K] [--capacity MINUTES] [--collectors N]
//   huikuan promises DIR [--as-of DATE]
//   huikuan targets DIR [--as-of DATE]
//   huikuan exposure DIR --assets AMOUNT [--as-of DATE] [--ceiling 20%] [--warning 16%] [policy options]
//   huikuan check-order DIR CUSTOMER_ID AMOUNT --assets AMOUNT [--date DATE] [policy options]
//   huikuan provision DIR (--history SNAPSHOTS.csv | --loss-rates 1%,...) [--as-of DATE]
//   huikuan cost DIR --from DATE --to DATE --rate 4.35% [--late-rate 18.25%] [--day-count 365|360]
//   huikuan check DIR
//
// Exit codes: 0 clean; 1 a fatal error (missing file or column, bad
// argument value); 2 a usage error; 3 input rows were left out (the report
// still prints, followed by what was left out; problems go to stderr).
#include <iostream>

#include "commands.hpp"

int main(int argc, char** argv) {
  using namespace huikuan::cli;
  CLI::App app{"huikuan: receivables aging, KPIs, statements, credit scores, collections and exposure over CSV "
               "exports (customers.csv, invoices.csv, payments.csv, credit_notes.csv, ...).\nExit codes: 0 clean, "
               "1 fatal error, 2 usage error, 3 input rows left out."};
  app.require_subcommand(1);
  command_list commands;
  add_ledger_commands(app, commands);
  add_credit_commands(app, commands);
  add_collections_commands(app, commands);
  add_exposure_commands(app, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? exit_clean : exit_usage;
  }
  try {
    for (const command& c : commands)
      if (c.app->parsed()) return c.run();
  } catch (const std::exception& error) {
    std::cerr << "huikuan: " << error.what() << "\n";
    return exit_fatal;
  }
  return exit_usage;
}
