// Internal: running a bulk kernel's parts on several threads.
#pragma once

#include <cstddef>
#include <exception>
#include <new>
#include <system_error>
#include <thread>
#include <vector>

namespace huikuan::detail {

/// Calls work(w) for every w in [0, workers): w = 0 on the calling thread,
/// the others on new threads, and returns when all have returned. If a
/// thread cannot be started, the calling thread runs that part itself after
/// its own (the results are the same, only slower). An exception thrown by
/// a part is kept and, once every part has finished, the one of the
/// lowest-numbered part that threw is rethrown, so which error a caller sees
/// does not depend on timing. `work` must be safe to call concurrently.
template <typename Work>
void run_parts(std::size_t workers, const Work& work) {
  std::vector<std::exception_ptr> errors(workers);
  const auto run = [&](std::size_t w) {
    try {
      work(w);
    } catch (...) {
      errors[w] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  std::size_t started = 1;
  try {
    pool.reserve(workers > 0 ? workers - 1 : 0);
    for (; started < workers; ++started) pool.emplace_back(run, started);
  } catch (const std::system_error&) {
    // No more threads: the parts from `started` on run here below.
  } catch (const std::bad_alloc&) {
  }
  if (workers > 0) run(0);
  for (std::size_t w = started; w < workers; ++w) run(w);
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace huikuan::detail
