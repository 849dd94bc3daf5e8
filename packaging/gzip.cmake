# Compresses one man page as Debian wants it: gzip -9n (no name or time stamp, so reproducible).
execute_process(COMMAND ${GZIP} -9nc ${IN} OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip ${IN} failed: ${rc}")
endif()
