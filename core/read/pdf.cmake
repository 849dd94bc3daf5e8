# The PDF reader as a library of its own: Poppler's C++ binding (no Qt GUI) and, when found, Tesseract
# for OCR. Linked by plancompare_core's reader layer; tests link it directly.
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
pkg_check_modules(TESSERACT REQUIRED IMPORTED_TARGET tesseract lept)

add_library(plancompare_read_pdf STATIC
    ${CMAKE_CURRENT_LIST_DIR}/pdfreader.h ${CMAKE_CURRENT_LIST_DIR}/pdfreader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pdflayout.h ${CMAKE_CURRENT_LIST_DIR}/pdflayout.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ocr.h ${CMAKE_CURRENT_LIST_DIR}/ocr.cpp)
target_include_directories(plancompare_read_pdf PUBLIC
    ${CMAKE_CURRENT_LIST_DIR}/..
    ${PROJECT_BINARY_DIR}/generated)
target_link_libraries(plancompare_read_pdf
    PUBLIC Qt6::Core plancompare_options
    PRIVATE PkgConfig::POPPLER_CPP)
if(TESSERACT_FOUND)
    target_link_libraries(plancompare_read_pdf PRIVATE PkgConfig::TESSERACT)
    target_compile_definitions(plancompare_read_pdf PRIVATE PLANCOMPARE_HAVE_TESSERACT=1)
else()
    message(WARNING "Tesseract (libtesseract-dev) not found: the PDF reader is built without OCR")
endif()
