# pdf_tests: the PDF reader's suites (tests/core/read/pdf_*_test.cpp) under an offscreen QGuiApplication.
file(GLOB PDF_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/pdf_*_test.cpp)
add_executable(pdf_tests
    ${CMAKE_CURRENT_LIST_DIR}/pdftest_main.cpp ${CMAKE_CURRENT_LIST_DIR}/pdffixtures.h
    ${CMAKE_CURRENT_LIST_DIR}/pdffixtures.cpp ${CMAKE_CURRENT_LIST_DIR}/pdftesthelpers.h
    ${CMAKE_CURRENT_SOURCE_DIR}/common/testpaths.h ${PDF_TEST_SOURCES})
target_include_directories(pdf_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/common ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(pdf_tests PRIVATE plancompare_read_pdf plancompare_core Qt6::Gui GTest::gtest GTest::gmock)
target_compile_definitions(pdf_tests PRIVATE
    PLANCOMPARE_TEST_SEEDS="${PROJECT_SOURCE_DIR}/seeds"
    PLANCOMPARE_TEST_DATA="${PLANCOMPARE_TEST_DATA}"
    PLANCOMPARE_CLI_BIN="$<TARGET_FILE:plancompare-cli>"
    PLANCOMPARE_GUI_BIN="$<TARGET_FILE:plancompare>")
# One OpenMP thread for Tesseract: its spinning threads triple the OCR time on a busy machine.
gtest_discover_tests(pdf_tests DISCOVERY_TIMEOUT 60
    PROPERTIES TIMEOUT 300 ENVIRONMENT "QT_QPA_PLATFORM=offscreen" ENVIRONMENT_MODIFICATION "OMP_THREAD_LIMIT=set:1")
