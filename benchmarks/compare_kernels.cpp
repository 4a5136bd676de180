// huikuan_compare_kernels: huikuan's side of compare.py for the kernels the
// Python bindings do not expose (the bulk exposure check, top-k ranking)
// and the C++ figure of those they do (aging, 5C scoring), timed on the
// very columns the Python contestants use.
//
// compare.py writes each column as a raw little-endian file (numpy
// `tofile`) into a directory, starts this program once and sends it one
// command per line on stdin:
//
//   <kernel> <directory> <calls> <threads>
//
// The program loads the kernel's columns from the directory (once: they
// are kept while the directory stays the same), makes `calls` calls, writes
// the last call's result into the directory (out_<kernel>_*.bin, for
// compare.py to check against every other contestant) and answers one line
//
//   ok <process CPU seconds> <wall seconds> [name=value ...]
//
// for the calls together (loading and writing are not timed), or
// `error <message>`. Kernels and their files (n rows, C customers):
//   aging     customer.u32 issue_day.i32 due_day.i32 open_amount.i64 (n),
//             meta as_of_day, customers: age_into_buckets into C x 6 cells,
//             zeroed in the timed part; with 2 threads the library's
//             threaded age_into_buckets with a workspace kept between calls.
//   exposure  customer.u32 open_as_of.i64 (n), limits.i64 orders.i64 (C),
//             meta total_assets: scan_exposure (default policy).
//   score     values.f64 (column-major n x 17, the standard scorecard's
//             indicators): scoring_model::score into total, pd, grade.
//   rank      scores.f64 (n), meta top_k: rank_top_k.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "huikuan/aging.hpp"
#include "huikuan/collections.hpp"
#include "huikuan/exposure.hpp"
#include "huikuan/scoring.hpp"

namespace {

using namespace huikuan;

template <class T>
std::vector<T> read_column(const std::string& directory, const std::string& name) {
  const std::string path = directory + "/" + name;
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw std::runtime_error("cannot open " + path);
  const auto bytes = static_cast<std::size_t>(in.tellg());
  if (bytes % sizeof(T) != 0) throw std::runtime_error(path + " is not a whole number of elements");
  std::vector<T> column(bytes / sizeof(T));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(column.data()), static_cast<std::streamsize>(bytes));
  if (!in) throw std::runtime_error("cannot read " + path);
  return column;
}

template <class T>
void write_column(const std::string& directory, const std::string& name, const std::vector<T>& column) {
  const std::string path = directory + "/" + name;
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(column.data()), static_cast<std::streamsize>(column.size() * sizeof(T)));
  if (!out) throw std::runtime_error("cannot write " + path);
}

/// meta.txt: one `name value` per line.
std::map<std::string, std::int64_t> read_meta(const std::string& directory) {
  std::ifstream in(directory + "/meta.txt");
  if (!in) throw std::runtime_error("cannot open " + directory + "/meta.txt");
  std::map<std::string, std::int64_t> meta;
  std::string name;
  std::int64_t value = 0;
  while (in >> name >> value) meta[name] = value;
  return meta;
}

std::int64_t meta_value(const std::map<std::string, std::int64_t>& meta, const std::string& name) {
  const auto found = meta.find(name);
  if (found == meta.end()) throw std::runtime_error("meta.txt has no " + name);
  return found->second;
}

double process_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

/// One kernel's loaded columns, its timed call and the writing of its result.
struct contest {
  std::function<void(unsigned threads)> call;
  std::function<std::string(const std::string& directory)> finish;
};

contest aging_contest(const std::string& directory) {
  const auto meta = read_meta(directory);
  struct data {
    std::vector<std::uint32_t> customer;
    std::vector<std::int32_t> issue_day, due_day;
    std::vector<std::int64_t> open_amount, out;
    aging_workspace workspace;  // kept between calls, as `out` is
    std::size_t customers = 0;
    day as_of;
    bucket_policy policy;
  };
  auto d = std::make_shared<data>();
  d->customer = read_column<std::uint32_t>(directory, "customer.u32");
  d->issue_day = read_column<std::int32_t>(directory, "issue_day.i32");
  d->due_day = read_column<std::int32_t>(directory, "due_day.i32");
  d->open_amount = read_column<std::int64_t>(directory, "open_amount.i64");
  d->customers = static_cast<std::size_t>(meta_value(meta, "customers"));
  d->as_of = day(static_cast<std::int32_t>(meta_value(meta, "as_of_day")));
  d->out.resize(d->customers * d->policy.bucket_count());
  contest c;
  c.call = [d](unsigned threads) {
    const aging_columns rows{d->customer, d->issue_day, d->due_day, d->open_amount};
    std::fill(d->out.begin(), d->out.end(), 0);
    age_into_buckets(rows, d->as_of, d->policy, d->customers, d->out, threads, d->workspace);
  };
  c.finish = [d](const std::string& dir) {
    write_column(dir, "out_aging.i64", d->out);
    return std::string();
  };
  return c;
}

contest exposure_contest(const std::string& directory) {
  const auto meta = read_meta(directory);
  struct data {
    std::vector<std::uint32_t> customer;
    std::vector<std::int64_t> open_amount, limits, orders, exposure;
    money total_assets;
    exposure_policy policy;
    exposure_scan scan;
  };
  auto d = std::make_shared<data>();
  d->customer = read_column<std::uint32_t>(directory, "customer.u32");
  d->open_amount = read_column<std::int64_t>(directory, "open_as_of.i64");
  d->limits = read_column<std::int64_t>(directory, "limits.i64");
  d->orders = read_column<std::int64_t>(directory, "orders.i64");
  d->total_assets = money::from_minor_units(meta_value(meta, "total_assets"));
  d->exposure.resize(d->limits.size());
  contest c;
  c.call = [d](unsigned) {
    d->scan = scan_exposure({d->customer, d->open_amount}, d->orders, d->limits, d->total_assets, d->policy,
                            d->exposure);
  };
  c.finish = [d](const std::string& dir) {
    write_column(dir, "out_exposure.i64", d->exposure);
    std::ostringstream text;
    text << "limit_breaches=" << d->scan.limit_breaches << " limit_warnings=" << d->scan.limit_warnings
         << " receivables=" << d->scan.receivables.minor_units()
         << " ceiling_status=" << static_cast<int>(d->scan.ceiling.status);
    return text.str();
  };
  return c;
}

contest score_contest(const std::string& directory) {
  struct data {
    scoring_model model{scorecard::standard()};
    std::vector<double> values, total, pd;
    std::vector<std::uint8_t> grade;
    std::size_t debtors = 0;
  };
  auto d = std::make_shared<data>();
  d->values = read_column<double>(directory, "values.f64");
  const std::size_t m = d->model.card().indicators.size();
  if (d->values.size() % m != 0) throw std::runtime_error("values.f64 is not debtors x " + std::to_string(m));
  d->debtors = d->values.size() / m;
  d->total.resize(d->debtors);
  d->pd.resize(d->debtors);
  d->grade.resize(d->debtors);
  contest c;
  c.call = [d, m](unsigned threads) {
    score_columns out;
    out.total = d->total;
    out.pd = d->pd;
    out.grade = d->grade;
    d->model.score(indicator_columns::column_major(d->values.data(), d->debtors, m), out, threads);
  };
  c.finish = [d](const std::string& dir) {
    write_column(dir, "out_score_total.f64", d->total);
    write_column(dir, "out_score_pd.f64", d->pd);
    write_column(dir, "out_score_grade.u8", d->grade);
    return std::string();
  };
  return c;
}

contest rank_contest(const std::string& directory) {
  const auto meta = read_meta(directory);
  struct data {
    std::vector<double> scores;
    std::vector<std::uint32_t> top;
    std::size_t written = 0;
  };
  auto d = std::make_shared<data>();
  d->scores = read_column<double>(directory, "scores.f64");
  d->top.resize(static_cast<std::size_t>(meta_value(meta, "top_k")));
  contest c;
  c.call = [d](unsigned) { d->written = rank_top_k(d->scores, d->top); };
  c.finish = [d](const std::string& dir) {
    d->top.resize(d->written);
    write_column(dir, "out_rank.u32", d->top);
    return std::string();
  };
  return c;
}

contest make_contest(const std::string& kernel, const std::string& directory) {
  if (kernel == "aging") return aging_contest(directory);
  if (kernel == "exposure") return exposure_contest(directory);
  if (kernel == "score") return score_contest(directory);
  if (kernel == "rank") return rank_contest(directory);
  throw std::runtime_error("unknown kernel " + kernel);
}

}  // namespace

int main() {
  std::map<std::string, contest> loaded;  // by kernel, for `loaded_from`
  std::map<std::string, std::string> loaded_from;
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream command(line);
    std::string kernel, directory;
    std::size_t calls = 0;
    unsigned threads = 1;
    if (!(command >> kernel >> directory >> calls >> threads) || calls == 0) {
      std::cout << "error usage: <kernel> <directory> <calls> <threads>" << std::endl;
      continue;
    }
    try {
      if (loaded_from[kernel] != directory) {
        loaded.erase(kernel);
        loaded.emplace(kernel, make_contest(kernel, directory));
        loaded_from[kernel] = directory;
      }
      contest& c = loaded.at(kernel);
      const double cpu = process_cpu_seconds();
      const auto wall = std::chrono::steady_clock::now();
      for (std::size_t k = 0; k < calls; ++k) c.call(threads);
      const double wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
      const double cpu_seconds = process_cpu_seconds() - cpu;
      const std::string extra = c.finish(directory);
      std::printf("ok %.9f %.9f %s\n", cpu_seconds, wall_seconds, extra.c_str());
      std::fflush(stdout);
    } catch (const std::exception& e) {
      loaded.erase(kernel);
      loaded_from.erase(kernel);
      std::string message = e.what();
      std::replace(message.begin(), message.end(), '\n', ' ');
      std::printf("error %s\n", message.c_str());
      std::fflush(stdout);
    }
  }
  return 0;
}
