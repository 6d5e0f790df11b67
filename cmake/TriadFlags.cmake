# One INTERFACE target carries the language level, warnings and hardening for every Triad target.
add_library(triad_flags INTERFACE)
target_compile_features(triad_flags INTERFACE cxx_std_20)
target_compile_definitions(triad_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
target_compile_options(triad_flags INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Wunused -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough
    -fstack-protector-strong -fPIE
    # GCC 12 reports false "maybe uninitialized" positives inside std::variant (our Result<T>).
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>
    $<$<BOOL:${TRIAD_WERROR}>:-Werror>)
target_link_options(triad_flags INTERFACE -pie -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack)
# Fuzz builds (tests/fuzz/run.sh): every library is instrumented for coverage and checked by
# AddressSanitizer and UBSan, so a fuzzer finds bugs in the parsers, not only in its own file.
if(TRIAD_FUZZ)
    target_compile_options(triad_flags INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined)
    target_link_options(triad_flags INTERFACE -fsanitize=address,undefined)
endif()
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()
