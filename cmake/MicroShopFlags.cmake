# One INTERFACE target carries every compiler flag; each MicroShop target links it.
add_library(microshop_flags INTERFACE)

target_compile_features(microshop_flags INTERFACE cxx_std_20)
target_compile_definitions(microshop_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    MICROSHOP_VERSION="${PROJECT_VERSION}"
    MICROSHOP_APP_ID="${MICROSHOP_APP_ID}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(microshop_flags INTERFACE
        -Wall -Wextra -Wpedantic
        -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
        -Wcast-qual -Wshadow=local -Wimplicit-fallthrough)
    if(MICROSHOP_WERROR)
        target_compile_options(microshop_flags INTERFACE -Werror)
    endif()
    if(MICROSHOP_SANITIZE)
        target_compile_options(microshop_flags INTERFACE
            -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(microshop_flags INTERFACE -fsanitize=address,undefined)
    endif()
elseif(MSVC)
    target_compile_options(microshop_flags INTERFACE /W4 /permissive- /utf-8)
    if(MICROSHOP_WERROR)
        target_compile_options(microshop_flags INTERFACE /WX)
    endif()
endif()
