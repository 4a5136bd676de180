// The groups of subcommands of the huikuan command, one file each.
#pragma once

#include "command_support.hpp"

namespace huikuan::cli {

/// aging, statement, kpi, dormant, check (commands_ledger.cpp).
void add_ledger_commands(CLI::App& app, command_list& commands);
/// score, model (commands_credit.cpp).
void add_credit_commands(CLI::App& app, command_list& commands);
/// worklist, promises, targets (commands_collections.cpp).
void add_collections_commands(CLI::App& app, command_list& commands);
/// exposure, check-order, provision, cost (commands_exposure.cpp).
void add_exposure_commands(CLI::App& app, command_list& commands);

}  // namespace huikuan::cli
