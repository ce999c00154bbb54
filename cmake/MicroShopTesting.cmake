# microshop_add_test(NAME SOURCE... LIBRARIES lib...): a Qt Test executable registered with CTest.
function(microshop_add_test name)
    cmake_parse_arguments(ARG "" "" "LIBRARIES" ${ARGN})
    add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
    target_link_libraries(${name} PRIVATE ${ARG_LIBRARIES} Qt6::Test microshop_flags)
    target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests/support)
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;MICROSHOP_NO_DAILY_BACKUP=")
endfunction()

# Registers COMMAND as NAME_sqlite and NAME_postgresql; the second needs the postgres fixture.
function(microshop_register_on_both_backends name)
    set(common "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8")
    add_test(NAME ${name}_sqlite COMMAND ${ARGN})
    set_tests_properties(${name}_sqlite PROPERTIES
        ENVIRONMENT "${common};MICROSHOP_TEST_BACKEND=sqlite")
    add_test(NAME ${name}_postgresql COMMAND ${ARGN})
    set_tests_properties(${name}_postgresql PROPERTIES
        FIXTURES_REQUIRED postgres
        ENVIRONMENT "${common};MICROSHOP_TEST_BACKEND=postgresql;MICROSHOP_TEST_PG_URL_FILE=${MICROSHOP_PG_STATE}/url")
endfunction()
