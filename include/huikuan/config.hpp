// Build configuration shared by every huikuan header.
//
// huikuan follows the fmt pattern: each concept header declares its API and
// keeps heavy definitions in a matching `*-inl.hpp` file. Those definitions
// are marked HUIKUAN_FUNC. When HUIKUAN_HEADER_ONLY is defined (the
// `huikuan::header_only` CMake target does this) the headers include their
// `-inl` files and HUIKUAN_FUNC expands to `inline`; otherwise the
// definitions are compiled once into the `huikuan::huikuan` library.
#pragma once

#ifdef HUIKUAN_HEADER_ONLY
#define HUIKUAN_FUNC inline
#else
#define HUIKUAN_FUNC
#endif

// Lets GCC turn "cond ? a + b * c : d" into branch-free vector selects in a
// bulk kernel. GCC refuses by default (-ftrapping-math: the arithmetic might
// raise a floating-point exception on the path not taken); huikuan never
// inspects floating-point exception flags, and results are unchanged.
// Clang does this by default.
#if defined(__GNUC__) && !defined(__clang__)
#define HUIKUAN_BRANCH_FREE_FLOAT __attribute__((optimize("no-trapping-math")))
#else
#define HUIKUAN_BRANCH_FREE_FLOAT
#endif

// No floating-point contraction (a * b + c fused into one FMA) in the
// definitions between HUIKUAN_EXACT_FLOAT_BEGIN and _END, so that every
// run-time copy of a kernel (baseline, AVX2, AVX-512, which has FMA) does
// the same IEEE operations with every compiler. Clang contracts by default
// wherever the target has FMA, and a callee's a * b + c is fused when it
// is inlined into the AVX-512 copy, so the whole header is covered. GCC
// does not contract for the baseline and AVX2 targets (no FMA); its AVX-512
// copy says fp-contract=off itself (HUIKUAN_GCC_NO_CONTRACTION).
#if defined(__clang__)
#define HUIKUAN_EXACT_FLOAT_BEGIN _Pragma("float_control(push)") _Pragma("clang fp contract(off)")
#define HUIKUAN_EXACT_FLOAT_END _Pragma("float_control(pop)")
#define HUIKUAN_GCC_NO_CONTRACTION
#else
#define HUIKUAN_EXACT_FLOAT_BEGIN
#define HUIKUAN_EXACT_FLOAT_END
#define HUIKUAN_GCC_NO_CONTRACTION optimize("no-trapping-math", "fp-contract=off"),
#endif

#define HUIKUAN_VERSION_MAJOR 0
#define HUIKUAN_VERSION_MINOR 1
#define HUIKUAN_VERSION_PATCH 0
