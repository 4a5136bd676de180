# cmake -DPROGRAM=... -DARGS="a;b;c" -DEXPECTED=file -DEXPECTED_EXIT=0 -P run_and_compare.cmake
# Runs a program and fails unless it exits as expected and its standard
# output equals the expected file byte for byte.
if(NOT DEFINED EXPECTED_EXIT)
  set(EXPECTED_EXIT 0)
endif()
execute_process(COMMAND ${PROGRAM} ${ARGS} RESULT_VARIABLE exit_code OUTPUT_VARIABLE actual ERROR_VARIABLE errors)
file(READ ${EXPECTED} expected)
if(NOT exit_code STREQUAL EXPECTED_EXIT)
  message(FATAL_ERROR "${PROGRAM} ${ARGS} exited ${exit_code}, expected ${EXPECTED_EXIT}\nstderr:\n${errors}")
endif()
if(NOT actual STREQUAL expected)
  file(WRITE ${EXPECTED}.actual "${actual}")
  message(FATAL_ERROR "${PROGRAM} ${ARGS} printed something other than ${EXPECTED}; see ${EXPECTED}.actual\n(diff -u ${EXPECTED} ${EXPECTED}.actual)")
endif()
