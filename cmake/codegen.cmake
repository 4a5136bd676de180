# Code generation that huikuan's results depend on.
#
# huikuan_codegen (an interface target) carries the options. The compiled
# library uses it privately, the header-only target passes it on to whoever
# compiles the definitions, and our own programs and tests get it through
# huikuan_warnings:
#
# - -ffp-contract=off: no fused multiply-add. A build for a CPU with FMA
#   (-march=native, -mfma) then does the same IEEE operations as the
#   baseline build, and every run-time copy of the scoring kernel gives the
#   same bits (tests/test_scoring.cpp checks both). Without it, GCC fuses
#   a * b + c in the baseline copy of a -march=native build but not in the
#   AVX-512 copy, which says fp-contract=off itself (config.hpp).
# - -fno-tree-slp-vectorize, only where the compiler, with this build's
#   flags, miscompiles a constant store (cmake/probe_constant_store.cpp):
#   GCC 12.2 with -march=native on an AVX-512 CPU. Test data built from
#   initialiser lists came out wrong there, e.g. a credit-limit column
#   {10000, 10000, 10000, 0} as four times 10000.
include_guard(GLOBAL)

add_library(huikuan_codegen INTERFACE)
target_compile_options(huikuan_codegen INTERFACE $<$<CXX_COMPILER_ID:GNU,Clang>:-ffp-contract=off>)

# Sets result_var to ON when the probe, built at -O2 with CMAKE_CXX_FLAGS
# plus extra_flags (a string, may be empty), stores the constant wrongly.
# The answer is cached per flag set; a cross-compiling build is not probed.
function(huikuan_constant_store_broken extra_flags result_var)
  string(SHA1 key "${CMAKE_CXX_COMPILER} ${CMAKE_CXX_FLAGS} ${extra_flags}")
  set(cache_var "HUIKUAN_CONSTANT_STORE_BROKEN_${key}")
  if(NOT DEFINED ${cache_var})
    set(broken OFF)
    if(NOT CMAKE_CROSSCOMPILING)
      separate_arguments(extra UNIX_COMMAND "${extra_flags}")
      try_run(run_result compile_result
        "${CMAKE_BINARY_DIR}/huikuan-probes/constant-store-${key}"
        "${PROJECT_SOURCE_DIR}/cmake/probe_constant_store.cpp"
        COMPILE_DEFINITIONS -O2 ${extra}
        CXX_STANDARD 20)
      if(compile_result AND NOT run_result EQUAL 0)
        set(broken ON)
      endif()
    endif()
    set(${cache_var} ${broken} CACHE INTERNAL "huikuan: the constant-store probe failed with these flags")
    if(broken)
      message(WARNING "huikuan: ${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION} with the flags "
                      "'${CMAKE_CXX_FLAGS} ${extra_flags}' stores a constant array wrongly "
                      "(cmake/probe_constant_store.cpp); huikuan and its tests are built with "
                      "-fno-tree-slp-vectorize. Code of your own built with these flags may be "
                      "miscompiled too.")
    endif()
  endif()
  set(${result_var} ${${cache_var}} PARENT_SCOPE)
endfunction()

# Adds -fno-tree-slp-vectorize to target's options (scope: PRIVATE or
# INTERFACE) when the probe fails with CMAKE_CXX_FLAGS plus extra_flags.
function(huikuan_guard_constant_store target scope extra_flags)
  huikuan_constant_store_broken("${extra_flags}" broken)
  if(broken)
    target_compile_options(${target} ${scope} -fno-tree-slp-vectorize)
  endif()
endfunction()

huikuan_guard_constant_store(huikuan_codegen INTERFACE "")
