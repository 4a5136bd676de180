// Saving and loading a credit model (scorecard + credit policy) as JSON, so
// a model fitted in a notebook runs unchanged inside an ERP. Doubles are
// written with enough digits to read back bit for bit.
//
//   {"format": "huikuan.credit_model", "version": 1,
//    "c_weights": {"character": 0.3, ...},
//    "indicators": [{"code": "days_beyond_terms", "dimension": "character",
//                    "direction": "higher_is_worse", "curve": {"kind": "piecewise_linear",
//                    "x": [...], "points": [...]}, "weight": 0.3, "when_missing": "neutral", ...}],
//    "grades": {"labels": [...], "min_scores": [...]},
//    "scaling": {"base_score": 50, "base_odds": 19, "points_to_double_odds": 10},
//    "policy": {"net_worth_share_bp": 1000, ..., "grade_terms": ["NET 60", ..., null],
//               "concentration_cap": null, "rounding_unit": "100.00"}}
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "huikuan/config.hpp"
#include "huikuan/credit_limit.hpp"
#include "huikuan/scorecard.hpp"

namespace huikuan {

/// A complete credit model: how to score and what to grant.
struct credit_model {
  scorecard card = scorecard::standard();
  credit_policy policy{};
};

/// The model as JSON text (pretty-printed). Validates first: throws what
/// scorecard::validate() and credit_policy::validate() throw.
HUIKUAN_FUNC std::string model_to_json(const credit_model& model);

/// Reads a model from JSON text and validates it. Throws input_error
/// [huikuan.model.1] for text that is not JSON, [huikuan.model.2] for a
/// missing or mistyped field (naming its path, e.g. indicators[3].curve.x),
/// [huikuan.model.3] for an unknown format or version, and the validation
/// errors of the scorecard and policy.
HUIKUAN_FUNC credit_model model_from_json(std::string_view text);

/// Reads a model file; throws input_error [huikuan.load.1] naming a missing
/// file, and what model_from_json throws.
HUIKUAN_FUNC credit_model load_model(const std::filesystem::path& path);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/model_io-inl.hpp"
#endif
