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

#define HUIKUAN_VERSION_MAJOR 0
#define HUIKUAN_VERSION_MINOR 1
#define HUIKUAN_VERSION_PATCH 0
