# cmake --install of the python component into a scratch prefix, then an
# import of the installed package (not the build tree's) by the interpreter
# the bindings were built for. Arguments: HUIKUAN_BINARY_DIR, PYTHON,
# PACKAGE_DIR (relative to the prefix), WORK_DIR, CONFIG.
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${HUIKUAN_BINARY_DIR} --prefix ${WORK_DIR}/prefix
                        --component python --config ${CONFIG}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed:\n${output}")
endif()
set(ENV{PYTHONPATH} ${WORK_DIR}/prefix/${PACKAGE_DIR})
set(ENV{PYTHONDONTWRITEBYTECODE} 1)
execute_process(COMMAND ${PYTHON} -c
  "import huikuan, os, sys; assert huikuan.__file__.startswith(sys.argv[1]), huikuan.__file__; assert os.path.exists(os.path.join(os.path.dirname(huikuan.__file__), 'py.typed')); print(huikuan.__version__, huikuan.parse_money('12.34'), huikuan.__file__)"
  ${WORK_DIR}/prefix
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the installed package does not import:\n${output}")
endif()
message(STATUS "installed and imported: ${output}")
