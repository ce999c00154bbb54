# Run by `cpack -G NSIS` (install(SCRIPT)): puts Qt's DLLs, the platform and SQL driver plugins
# and Qt's own translations beside microshop.exe and microshop-cli.exe, and Qt Charts beside the
# charts module (microshop_charts.dll, which the app loads when it first draws a chart).
find_program(WINDEPLOYQT windeployqt HINTS "$ENV{Qt6_DIR}/../../../bin" REQUIRED)
set(bin "${CMAKE_INSTALL_PREFIX}/bin")
foreach(program microshop.exe microshop-cli.exe microshop_charts.dll)
    execute_process(COMMAND "${WINDEPLOYQT}" --release --no-compiler-runtime
                            --sql --translations zh_CN,en "${bin}/${program}"
                    COMMAND_ERROR_IS_FATAL ANY)
endforeach()
