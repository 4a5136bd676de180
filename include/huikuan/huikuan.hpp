// Umbrella header: the whole huikuan API.
#pragma once

#include "huikuan/aging.hpp"
#include "huikuan/allocation.hpp"
#include "huikuan/csv.hpp"
#include "huikuan/date.hpp"
#include "huikuan/error.hpp"
#include "huikuan/escalation.hpp"
#include "huikuan/kpi.hpp"
#include "huikuan/kpi_report.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/load.hpp"
#include "huikuan/money.hpp"
#include "huikuan/statement.hpp"
#include "huikuan/terms.hpp"
