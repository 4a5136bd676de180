// Internal: run-time CPU dispatch for the bulk kernels. A kernel compiled
// twice, for baseline x86-64 and with target("avx2"), picks the AVX2 copy
// when the CPU has it; both copies do the same IEEE operations (AVX2
// without FMA), so their results agree bit for bit.
#pragma once

namespace huikuan::detail {

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HUIKUAN_HAVE_AVX2_KERNEL 1
#endif

inline bool cpu_has_avx2() noexcept {
#ifdef HUIKUAN_HAVE_AVX2_KERNEL
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
#else
  return false;
#endif
}

}  // namespace huikuan::detail
