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

# libplancompare_pdf.so: the reader as a module that plancompare_core loads with dlopen when the first
# PDF arrives (read/pdfmodule.*), so the programs do not map Poppler, Tesseract and their ~50 libraries
# at every start. Installed to PREFIX/<libdir>/plancompare; in the build tree it sits at the same place
# relative to app/ and tests/ (build/<preset>/<libdir>/plancompare).
set_target_properties(plancompare_read_pdf PROPERTIES POSITION_INDEPENDENT_CODE ON)
add_library(plancompare_pdf MODULE
    ${CMAKE_CURRENT_LIST_DIR}/pdfmodule.h ${CMAKE_CURRENT_LIST_DIR}/pdfmoduleentry.cpp)
target_link_libraries(plancompare_pdf PRIVATE plancompare_read_pdf Qt6::Core)
file(RELATIVE_PATH PLANCOMPARE_PDF_MODULE_SUBDIR ${CMAKE_INSTALL_FULL_BINDIR}
     ${CMAKE_INSTALL_FULL_LIBDIR}/plancompare)
get_filename_component(PLANCOMPARE_PDF_MODULE_BUILD_DIR
    "${PROJECT_BINARY_DIR}/app/${PLANCOMPARE_PDF_MODULE_SUBDIR}" ABSOLUTE)
set_target_properties(plancompare_pdf PROPERTIES
    PREFIX "lib" OUTPUT_NAME plancompare_pdf
    LIBRARY_OUTPUT_DIRECTORY ${PLANCOMPARE_PDF_MODULE_BUILD_DIR}
    CXX_VISIBILITY_PRESET hidden)
install(TARGETS plancompare_pdf LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/plancompare)
