# Installs the build tree into a scratch prefix, then configures, builds and
# runs tests/consumer against it with find_package(huikuan).
file(REMOVE_RECURSE ${WORK_DIR})
if(NOT CONFIG)
  set(CONFIG Release)
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --install ${HUIKUAN_BINARY_DIR} --prefix ${WORK_DIR}/prefix --config ${CONFIG}
                RESULT_VARIABLE result OUTPUT_QUIET)
if(result)
  message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
# The consumer is built with the same flags as the library (a sanitizer
# build's library needs the sanitizer runtime at link time).
execute_process(COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${WORK_DIR}/build
                        -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_BUILD_TYPE=${CONFIG}
                        "-DCMAKE_CXX_FLAGS=${CONSUMER_CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${CONSUMER_LINKER_FLAGS}"
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(result)
  message(FATAL_ERROR "configuring the consumer failed:\n${out}\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(result)
  message(FATAL_ERROR "building the consumer failed:\n${out}\n${err}")
endif()
set(expected "current 800.25\n1-30 0.00\n31-60 10000.00\n61-90 0.00\n91-120 0.00\nover 120 0.00\nopen 10800.25\n")
foreach(program consumer_compiled consumer_header_only)
  execute_process(COMMAND ${WORK_DIR}/build/${program} RESULT_VARIABLE result OUTPUT_VARIABLE out)
  if(result OR NOT out STREQUAL expected)
    message(FATAL_ERROR "${program} exited ${result} and printed:\n${out}\nexpected:\n${expected}")
  endif()
endforeach()
message(STATUS "consumer project built and ran against the installed huikuan")
