// Internal: run-time CPU dispatch for the bulk kernels. A kernel compiled
// for baseline x86-64 and with target("avx2") (the scoring kernel also with
// AVX-512) picks the widest copy the CPU has; every copy does the same IEEE
// operations (no fused multiply-add), so their results agree bit for bit.
#pragma once

namespace huikuan::detail {

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HUIKUAN_HAVE_AVX2_KERNEL 1
#endif

/// The copies of a dispatched kernel, narrowest first.
enum class instruction_set : unsigned char { baseline, avx2, avx512 };

/// The widest copy this CPU runs (AVX-512 needs F, DQ, VL and BW).
inline instruction_set best_instruction_set() noexcept {
#ifdef HUIKUAN_HAVE_AVX2_KERNEL
  static const instruction_set best = [] {
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw"))
      return instruction_set::avx512;
    return __builtin_cpu_supports("avx2") ? instruction_set::avx2 : instruction_set::baseline;
  }();
  return best;
#else
  return instruction_set::baseline;
#endif
}

inline bool cpu_has_avx2() noexcept { return best_instruction_set() >= instruction_set::avx2; }

}  // namespace huikuan::detail
