// score and model: the 5C credit review.
#include <array>
#include <filesystem>
#include <iostream>

#include "commands.hpp"

namespace huikuan::cli {
namespace {

struct credit_options : common_options {
  std::string as_of;
  std::string model_path;
  std::string language = "en";
};

int run_score(const credit_options& o) {
  const day as_of = date_option(o.as_of, "as-of", today());
  const credit_model model = o.model_path.empty() ? credit_model{} : load_model(o.model_path);
  directory_inputs in(o.directory);
  const load_result& loaded = in.loaded;
  financials_table financials = no_financials(loaded.book);
  if (auto f = in.optional_file("financials.csv",
                                [&](std::string_view t) { return load_financials(t, loaded.book, model.card); }))
    financials = std::move(f->table);
  // Promises to pay feed the Character indicator promises_kept_ratio.
  std::vector<double> kept;
  if (auto p = in.optional_file("promises.csv", [&](std::string_view t) { return load_promises(t, loaded.book); }))
    kept = promises_kept_ratios(evaluate_promises(loaded.book, p->promises, as_of));
  const auto rows = review_credit(loaded.book, as_of, financials, model, 3, kept);
  const scorecard& card = model.card;

  section s{"credit review as of " + format_date(as_of), {"customer", "name", "grade", "score", "PD %"}, {}, {}};
  for (std::size_t c = 0; c < c_dimension_count; ++c) s.columns.emplace_back(to_string(static_cast<c_dimension>(c)));
  for (const char* c : {"open", "limit", "binding", "terms", "reasons"}) s.columns.emplace_back(c);
  std::array<std::size_t, 16> grade_counts{};
  for (const credit_review_row& row : rows) {
    const customer& who = loaded.book.customer_at(row.customer);
    std::vector<cell> cells{text(who.id), text(who.name), text(card.grades.labels[row.grade]), ratio(row.total, 1),
                            {percent(row.pd), true}};
    for (double c : row.c_scores) cells.push_back(ratio(c, 1));
    cells.push_back(amount(row.open));
    cells.push_back(amount(row.recommendation.limit));
    cells.push_back(text(std::string(to_string(row.recommendation.binding))));
    cells.push_back(text(row.recommendation.terms ? row.recommendation.terms->to_string() : "cash in advance"));
    std::string why;
    for (std::uint16_t j : row.reasons) {
      const indicator& ind = card.indicators[j];
      const bool missing = (row.missing_mask >> j) & 1u;
      std::string reason = missing ? (o.language == "zh" ? "缺少数据：" + ind.name : "no data: " + ind.name)
                                   : (o.language == "zh" ? ind.reason_zh : ind.reason_en);
      why += (why.empty() ? "" : "; ") + reason;
    }
    cells.push_back(text(why));
    s.rows.push_back(std::move(cells));
    if (row.grade < grade_counts.size()) ++grade_counts[row.grade];
  }
  std::string mix = "grade mix:";
  for (std::size_t g = 0; g < card.grades.labels.size(); ++g)
    mix += " " + card.grades.labels[g] + " " + std::to_string(grade_counts[g < grade_counts.size() ? g : 0]);
  s.notes.push_back(mix);
  s.key = "credit_review";
  report r;
  r.sections.push_back(std::move(s));
  add_left_out(r, in.files, in.problems.size());
  return finish(r, o.format, in.problems);
}

int run_model() {
  std::cout << model_to_json(credit_model{});
  return exit_clean;
}

}  // namespace

void add_credit_commands(CLI::App& app, command_list& commands) {
  auto o = std::make_shared<credit_options>();
  CLI::App* score = app.add_subcommand("score", "5C credit scores, grades, PD, limits, terms and reasons");
  add_common_options(score, *o);
  score->add_option("--as-of", o->as_of, "Review date (default: today)");
  score->add_option("--model", o->model_path, "Credit model JSON (default: the standard 5C model; see `huikuan model`)");
  score->add_option("--lang", o->language, "Language of the reasons")->check(CLI::IsMember({"en", "zh"}));
  commands.push_back({score, [o] { return run_score(*o); }});

  CLI::App* model = app.add_subcommand("model", "Print the standard credit model as JSON, to edit and pass to --model");
  commands.push_back({model, [] { return run_model(); }});
}

}  // namespace huikuan::cli
