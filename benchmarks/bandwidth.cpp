// huikuan_bandwidth: the machine's memory bandwidth, STREAM style, so the
// benchmark figures can be read against what the memory can deliver.
//
//   huikuan_bandwidth [--elements N] [--repetitions R] [--threads T] [--json]
//
// Four arrays of N 8-byte elements (default 2^25 each, 256 MB: far beyond
// any last-level cache); every kernel runs R times (default 10) over the
// whole arrays and the best time counts, as STREAM reports it. Bytes are
// counted as STREAM counts them (what the kernel's loads and stores name,
// not the write-allocate reads):
//   read   sum += a[i]             8 bytes per element (int64, four sums)
//   copy   c[i] = a[i]            16
//   scale  b[i] = 3 x c[i]        16
//   add    c[i] = a[i] + b[i]     24
//   triad  a[i] = b[i] + 3 x c[i] 24
// With --threads T each kernel runs on T threads over contiguous parts.
// The bulk kernels mostly read, so `read` is their bound: a kernel that
// must read B bytes per row cannot beat read bandwidth / B rows per second.
// --json prints one JSON object instead of the table.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

struct kernel_result {
  const char* name;
  double bytes_per_element;
  double best_seconds;
};

template <class Body>
double best_time(std::size_t repetitions, std::size_t threads, std::size_t elements, Body body) {
  double best = 1e300;
  for (std::size_t r = 0; r < repetitions; ++r) {
    const auto start = std::chrono::steady_clock::now();
    if (threads == 1) {
      body(std::size_t{0}, elements);
    } else {
      std::vector<std::thread> pool;
      for (std::size_t t = 0; t < threads; ++t)
        pool.emplace_back(body, elements * t / threads, elements * (t + 1) / threads);
      for (std::thread& thread : pool) thread.join();
    }
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

std::size_t parse_count(const char* text, const char* what) {
  char* end = nullptr;
  const unsigned long long value = std::strtoull(text, &end, 10);
  if (end == text || *end != '\0' || value == 0) {
    std::fprintf(stderr, "huikuan_bandwidth: %s must be a positive integer, not '%s'\n", what, text);
    std::exit(2);
  }
  return static_cast<std::size_t>(value);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t elements = std::size_t{1} << 25, repetitions = 10, threads = 1;
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--json") {
      json = true;
    } else if ((arg == "--elements" || arg == "--repetitions" || arg == "--threads") && i + 1 < argc) {
      const std::size_t value = parse_count(argv[++i], arg.c_str());
      (arg == "--elements" ? elements : arg == "--repetitions" ? repetitions : threads) = value;
    } else {
      std::fprintf(stderr, "usage: huikuan_bandwidth [--elements N] [--repetitions R] [--threads T] [--json]\n");
      return 2;
    }
  }
  // The first touch is spread like the kernels' work, so with threads the
  // pages are near the thread that uses them.
  std::vector<std::int64_t> a(elements), b(elements), c(elements);
  best_time(1, threads, elements, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      a[i] = static_cast<std::int64_t>(i & 1023);
      b[i] = 2;
      c[i] = 0;
    }
  });
  std::vector<std::int64_t> sums(threads, 0);
  std::vector<kernel_result> results;
  results.push_back({"read", 8, best_time(repetitions, threads, elements, [&](std::size_t begin, std::size_t end) {
                       std::int64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                       std::size_t i = begin;
                       for (; i + 4 <= end; i += 4) {
                         s0 += a[i];
                         s1 += a[i + 1];
                         s2 += a[i + 2];
                         s3 += a[i + 3];
                       }
                       for (; i < end; ++i) s0 += a[i];
                       sums[begin * threads / elements] = s0 + s1 + s2 + s3;
                     })});
  results.push_back({"copy", 16, best_time(repetitions, threads, elements, [&](std::size_t begin, std::size_t end) {
                       for (std::size_t i = begin; i < end; ++i) c[i] = a[i];
                     })});
  results.push_back({"scale", 16, best_time(repetitions, threads, elements, [&](std::size_t begin, std::size_t end) {
                       for (std::size_t i = begin; i < end; ++i) b[i] = 3 * c[i];
                     })});
  results.push_back({"add", 24, best_time(repetitions, threads, elements, [&](std::size_t begin, std::size_t end) {
                       for (std::size_t i = begin; i < end; ++i) c[i] = a[i] + b[i];
                     })});
  results.push_back({"triad", 24, best_time(repetitions, threads, elements, [&](std::size_t begin, std::size_t end) {
                       for (std::size_t i = begin; i < end; ++i) a[i] = b[i] + 3 * c[i];
                     })});
  std::int64_t check = 0;
  for (const std::int64_t s : sums) check += s;
  if (json) {
    std::printf("{\"elements\": %zu, \"repetitions\": %zu, \"threads\": %zu, \"checksum\": %lld", elements,
                repetitions, threads, static_cast<long long>(check));
    for (const kernel_result& r : results)
      std::printf(", \"%s_bytes_per_second\": %.6e", r.name,
                  r.bytes_per_element * static_cast<double>(elements) / r.best_seconds);
    std::printf("}\n");
    return 0;
  }
  std::printf("STREAM-style bandwidth: %zu elements (%zu MB per array), %zu threads, best of %zu\n", elements,
              elements * 8 >> 20, threads, repetitions);
  for (const kernel_result& r : results)
    std::printf("  %-6s %8.2f GB/s  (%.2f ms)\n", r.name,
                r.bytes_per_element * static_cast<double>(elements) / r.best_seconds / 1e9, r.best_seconds * 1e3);
  std::printf("  (checksum %lld)\n", static_cast<long long>(check));
  return 0;
}
