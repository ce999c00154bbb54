# Desktop integration files and CPack: a .deb and a .tar.gz on Linux (./dev.sh package), an NSIS
# installer on Windows and a DMG on macOS (packaging/windows, packaging/macos).
set(MICROSHOP_ICONS ${CMAKE_SOURCE_DIR}/resources/icons)

if(UNIX AND NOT APPLE)
    install(FILES ${CMAKE_SOURCE_DIR}/packaging/linux/${MICROSHOP_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${CMAKE_SOURCE_DIR}/packaging/linux/${MICROSHOP_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    foreach(size 16 32 48 64 128 256 512)
        install(FILES ${MICROSHOP_ICONS}/hicolor/${size}x${size}/apps/${MICROSHOP_APP_ID}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
    install(FILES ${MICROSHOP_ICONS}/microshop.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
            RENAME ${MICROSHOP_APP_ID}.svg)
endif()

set(CPACK_PACKAGE_NAME "microshop")
set(CPACK_PACKAGE_VENDOR "MicroShop")
set(CPACK_PACKAGE_CONTACT "MicroShop <support@microshop.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "MicroShop")
set(CPACK_PACKAGE_EXECUTABLES "microshop;MicroShop")
set(CPACK_STRIP_FILES ON)

if(WIN32)
    set(CPACK_GENERATOR "NSIS")
    set(CPACK_NSIS_DISPLAY_NAME "MicroShop")
    set(CPACK_NSIS_PACKAGE_NAME "MicroShop")
    set(CPACK_NSIS_MUI_ICON "${MICROSHOP_ICONS}/microshop.ico")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\microshop.exe")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_CREATE_ICONS_EXTRA
        "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\MicroShop.lnk' '$INSTDIR\\\\bin\\\\microshop.exe'")
    # windeployqt puts Qt, its plugins (SQL drivers included) and translations beside the programs.
    install(SCRIPT ${CMAKE_SOURCE_DIR}/packaging/windows/deploy-qt.cmake)
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "MicroShop")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
    set(CPACK_DEBIAN_PACKAGE_SECTION "office")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    # Plugins are loaded at run time, so dpkg-shlibdeps cannot see them: name them here. Droid
    # Sans Fallback is the Chinese face of printed documents, the one whose PDF text comes back
    # as printed (docs/decisions.md, "Searchable PDFs"). libxlsxwriter, which writes .xlsx, is
    # loaded when the first workbook is written (src/io/XlsxWriter.cpp): dpkg-shlibdeps cannot
    # see it either. minizip, which reads them, is named too, although dpkg-shlibdeps finds it,
    # so that the list says what the package needs.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS
        "libqt6sql6-sqlite, libqt6sql6-psql, libqt6svg6, qt6-qpa-plugins, fonts-droid-fallback, libxlsxwriter4, libminizip1, libqt6keychain1")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n")
endif()

include(CPack)
