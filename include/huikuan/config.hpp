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
// is inlined into the AVX-512 copy, so the whole header is covered. GCC has
// no such pragma: the build passes -ffp-contract=off (cmake/codegen.cmake;
// the huikuan::header_only target passes it on to its consumers), which
// matters where the build targets a CPU with FMA (-march=native). Without
// the flag GCC still does not contract a baseline x86-64 build (no FMA),
// and its AVX-512 copy carries its options itself (HUIKUAN_GCC_AVX512_OPTIONS):
// no contraction, and no SLP vectoriser, which GCC 12.2 miscompiles for
// AVX-512 (cmake/probe_constant_store.cpp: a constant array stored as a
// broadcast of its first element).
#if defined(__clang__)
#define HUIKUAN_EXACT_FLOAT_BEGIN _Pragma("float_control(push)") _Pragma("clang fp contract(off)")
#define HUIKUAN_EXACT_FLOAT_END _Pragma("float_control(pop)")
#define HUIKUAN_GCC_AVX512_OPTIONS
#else
#define HUIKUAN_EXACT_FLOAT_BEGIN
#define HUIKUAN_EXACT_FLOAT_END
#define HUIKUAN_GCC_AVX512_OPTIONS optimize("no-trapping-math", "fp-contract=off", "no-tree-slp-vectorize"),
#endif

#define HUIKUAN_VERSION_MAJOR 0
#define HUIKUAN_VERSION_MINOR 1
#define HUIKUAN_VERSION_PATCH 0
