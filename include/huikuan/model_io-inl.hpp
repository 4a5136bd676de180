// Definitions for model_io.hpp.
#pragma once

#include <nlohmann/json.hpp>

#include "huikuan/error.hpp"
#include "huikuan/load.hpp"
#include "huikuan/model_io.hpp"

namespace huikuan {

namespace detail {
using json = nlohmann::json;

inline std::string_view to_string(direction d) noexcept {
  return d == direction::higher_is_better ? "higher_is_better" : "higher_is_worse";
}
inline std::string_view to_string(missing_treatment t) noexcept {
  return t == missing_treatment::neutral ? "neutral" : t == missing_treatment::worst ? "worst" : "reject";
}
inline std::string_view to_string(curve_kind k) noexcept {
  return k == curve_kind::bins ? "bins" : "piecewise_linear";
}

// Reads fields with their JSON path in every error.
class json_reader {
public:
  json_reader(const json& node, std::string path) : node_(node), path_(std::move(path)) {}

  [[nodiscard]] json_reader at(std::string_view key) const {
    if (!node_.is_object() || !node_.contains(key)) throw missing(key);
    return {node_.at(std::string(key)), child(key)};
  }
  [[nodiscard]] bool has(std::string_view key) const {
    return node_.is_object() && node_.contains(key) && !node_.at(std::string(key)).is_null();
  }
  [[nodiscard]] json_reader element(std::size_t i) const { return {node_.at(i), path_ + "[" + std::to_string(i) + "]"}; }
  [[nodiscard]] std::size_t size() const {
    if (!node_.is_array()) throw wrong("an array");
    return node_.size();
  }
  [[nodiscard]] double number() const {
    if (!node_.is_number()) throw wrong("a number");
    return node_.get<double>();
  }
  [[nodiscard]] std::uint32_t basis_points() const {
    if (!node_.is_number_unsigned() || node_.get<std::uint64_t>() > 1'000'000) throw wrong("basis points (0..1000000)");
    return static_cast<std::uint32_t>(node_.get<std::uint64_t>());
  }
  [[nodiscard]] std::string text() const {
    if (!node_.is_string()) throw wrong("a string");
    return node_.get<std::string>();
  }
  [[nodiscard]] bool boolean() const {
    if (!node_.is_boolean()) throw wrong("true or false");
    return node_.get<bool>();
  }
  [[nodiscard]] std::vector<double> numbers() const {
    std::vector<double> values(size());
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = element(i).number();
    return values;
  }
  template <class Parse>
  auto parsed(Parse parse) const {
    const std::string value = text();  // a mistyped field names its path once
    try {
      return parse(value);
    } catch (const input_error& error) {
      throw input_error("huikuan.model.2", path_ + ": " + std::string(error.reason()), path_);
    }
  }
  [[nodiscard]] bool is_null() const { return node_.is_null(); }
  [[nodiscard]] input_error wrong(std::string_view expected) const {
    return input_error("huikuan.model.2", path_ + " must be " + std::string(expected), path_);
  }

private:
  [[nodiscard]] std::string child(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  [[nodiscard]] input_error missing(std::string_view key) const {
    return input_error("huikuan.model.2", child(key) + " is missing", child(key));
  }
  const json& node_;
  std::string path_;
};

template <class Enum, std::size_t N>
Enum enum_from(const json_reader& r, const std::array<Enum, N>& values) {
  const std::string name = r.text();
  for (Enum v : values)
    if (to_string(v) == name) return v;
  std::string allowed;
  for (Enum v : values) allowed += (allowed.empty() ? "" : ", ") + std::string(to_string(v));
  throw r.wrong("one of " + allowed);
}
}  // namespace detail

HUIKUAN_FUNC std::string model_to_json(const credit_model& model) {
  using detail::json;
  model.card.validate();
  model.policy.validate(model.card.grades.labels.size());
  json root;
  root["format"] = "huikuan.credit_model";
  root["version"] = 1;
  json weights = json::object();
  for (std::size_t c = 0; c < c_dimension_count; ++c)
    weights[std::string(to_string(static_cast<c_dimension>(c)))] = model.card.c_weights[c];
  root["c_weights"] = weights;
  json indicators = json::array();
  for (const indicator& i : model.card.indicators) {
    json j;
    j["code"] = i.code;
    j["name"] = i.name;
    j["dimension"] = to_string(i.dimension);
    j["direction"] = detail::to_string(i.better);
    j["curve"] = {{"kind", detail::to_string(i.curve.kind)}, {"x", i.curve.x}, {"points", i.curve.points},
                  {"allow_non_monotone", i.curve.allow_non_monotone}};
    j["weight"] = i.weight;
    j["when_missing"] = detail::to_string(i.when_missing);
    j["neutral_points"] = i.neutral_points;
    json specials = json::array();
    for (const special_value& s : i.specials) specials.push_back({{"value", s.value}, {"points", s.points}, {"label", s.label}});
    j["specials"] = specials;
    j["min_value"] = i.min_value ? json(*i.min_value) : json(nullptr);
    j["max_value"] = i.max_value ? json(*i.max_value) : json(nullptr);
    j["reason_en"] = i.reason_en;
    j["reason_zh"] = i.reason_zh;
    j["unit"] = i.unit;
    indicators.push_back(j);
  }
  root["indicators"] = indicators;
  root["grades"] = {{"labels", model.card.grades.labels}, {"min_scores", model.card.grades.min_scores}};
  root["scaling"] = {{"base_score", model.card.scaling.base_score},
                     {"base_odds", model.card.scaling.base_odds},
                     {"points_to_double_odds", model.card.scaling.points_to_double_odds}};
  const credit_policy& p = model.policy;
  json terms = json::array();
  for (const auto& t : p.grade_terms) terms.push_back(t ? json(t->to_string()) : json(nullptr));
  root["policy"] = {{"net_worth_share_bp", p.net_worth_share_bp},
                    {"working_capital_share_bp", p.working_capital_share_bp},
                    {"purchases_months_bp", p.purchases_months_bp},
                    {"grade_multiplier_bp", p.grade_multiplier_bp},
                    {"grade_terms", terms},
                    {"concentration_cap", p.concentration_cap ? json(format_money(*p.concentration_cap)) : json(nullptr)},
                    {"rounding_unit", format_money(p.rounding_unit)}};
  return root.dump(2) + "\n";
}

HUIKUAN_FUNC credit_model model_from_json(std::string_view text) {
  using detail::json;
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception& error) {
    // Not only parse_error: a number too large for a double is out_of_range (406).
    throw input_error("huikuan.model.1", std::string("the model is not valid JSON: ") + error.what());
  }
  const detail::json_reader r(root, "");
  if (!root.is_object() || !root.contains("format") || !root["format"].is_string() ||
      root["format"].get<std::string>() != "huikuan.credit_model")
    throw input_error("huikuan.model.3", "the JSON is not a huikuan.credit_model", "format");
  if (r.at("version").number() != 1)
    throw input_error("huikuan.model.3", "model version " + root["version"].dump() + " is not supported (1 is)", "version");

  credit_model model;
  scorecard& card = model.card;
  const detail::json_reader weights = r.at("c_weights");
  for (std::size_t c = 0; c < c_dimension_count; ++c)
    card.c_weights[c] = weights.at(to_string(static_cast<c_dimension>(c))).number();
  const detail::json_reader list = r.at("indicators");
  card.indicators.clear();
  for (std::size_t k = 0; k < list.size(); ++k) {
    const detail::json_reader e = list.element(k);
    indicator i;
    i.code = e.at("code").text();
    i.name = e.has("name") ? e.at("name").text() : i.code;
    i.dimension = e.at("dimension").parsed([](std::string_view t) { return parse_c_dimension(t); });
    i.better = detail::enum_from(e.at("direction"), std::array{direction::higher_is_better, direction::higher_is_worse});
    const detail::json_reader curve = e.at("curve");
    i.curve.kind = detail::enum_from(curve.at("kind"), std::array{curve_kind::piecewise_linear, curve_kind::bins});
    i.curve.x = curve.at("x").numbers();
    i.curve.points = curve.at("points").numbers();
    if (curve.has("allow_non_monotone")) i.curve.allow_non_monotone = curve.at("allow_non_monotone").boolean();
    i.weight = e.at("weight").number();
    if (e.has("when_missing"))
      i.when_missing = detail::enum_from(e.at("when_missing"),
                                         std::array{missing_treatment::neutral, missing_treatment::worst, missing_treatment::reject});
    if (e.has("neutral_points")) i.neutral_points = e.at("neutral_points").number();
    if (e.has("specials")) {
      const detail::json_reader specials = e.at("specials");
      for (std::size_t s = 0; s < specials.size(); ++s) {
        const detail::json_reader sv = specials.element(s);
        i.specials.push_back({sv.at("value").number(), sv.at("points").number(),
                              sv.has("label") ? sv.at("label").text() : std::string()});
      }
    }
    if (e.has("min_value")) i.min_value = e.at("min_value").number();
    if (e.has("max_value")) i.max_value = e.at("max_value").number();
    if (e.has("reason_en")) i.reason_en = e.at("reason_en").text();
    if (e.has("reason_zh")) i.reason_zh = e.at("reason_zh").text();
    if (e.has("unit")) i.unit = e.at("unit").text();
    card.indicators.push_back(std::move(i));
  }
  const detail::json_reader grades = r.at("grades");
  card.grades.labels.clear();
  const detail::json_reader labels = grades.at("labels");
  for (std::size_t g = 0; g < labels.size(); ++g) card.grades.labels.push_back(labels.element(g).text());
  card.grades.min_scores = grades.at("min_scores").numbers();
  const detail::json_reader scaling = r.at("scaling");
  card.scaling = {scaling.at("base_score").number(), scaling.at("base_odds").number(),
                  scaling.at("points_to_double_odds").number()};
  if (r.has("policy")) {
    const detail::json_reader p = r.at("policy");
    credit_policy& policy = model.policy;
    policy.net_worth_share_bp = p.at("net_worth_share_bp").basis_points();
    policy.working_capital_share_bp = p.at("working_capital_share_bp").basis_points();
    policy.purchases_months_bp = p.at("purchases_months_bp").basis_points();
    const detail::json_reader multipliers = p.at("grade_multiplier_bp");
    policy.grade_multiplier_bp.clear();
    for (std::size_t g = 0; g < multipliers.size(); ++g) policy.grade_multiplier_bp.push_back(multipliers.element(g).basis_points());
    const detail::json_reader terms = p.at("grade_terms");
    policy.grade_terms.clear();
    for (std::size_t g = 0; g < terms.size(); ++g) {
      const detail::json_reader t = terms.element(g);
      if (t.is_null()) policy.grade_terms.emplace_back(std::nullopt);
      else policy.grade_terms.emplace_back(t.parsed([](std::string_view s) { return parse_terms(s); }));
    }
    policy.concentration_cap = std::nullopt;
    if (p.has("concentration_cap"))
      policy.concentration_cap = p.at("concentration_cap").parsed([](std::string_view s) { return parse_money(s); });
    policy.rounding_unit = p.at("rounding_unit").parsed([](std::string_view s) { return parse_money(s); });
  }
  card.validate();
  model.policy.validate(card.grades.labels.size());
  return model;
}

HUIKUAN_FUNC credit_model load_model(const std::filesystem::path& path) { return model_from_json(read_text_file(path)); }

}  // namespace huikuan
