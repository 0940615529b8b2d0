# Warning flags live in one INTERFACE target that every Frontline target links (after GEOS).
add_library(frontline_warnings INTERFACE)
target_compile_options(frontline_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${FRONTLINE_WERROR}>:-Werror>)
# GCC 12 at -O3 reports overlapping copies inside libstdc++'s std::string concatenation that
# cannot happen (GCC bug 105329, fixed in GCC 13); its other warnings stay errors.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(frontline_warnings INTERFACE -Wno-restrict)
endif()
# Reproducible floating point: the same input gives the same coordinates and ids on every machine.
target_compile_options(frontline_warnings INTERFACE -ffp-contract=off)
if(FRONTLINE_SANITIZE)
  target_compile_options(frontline_warnings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(frontline_warnings INTERFACE -fsanitize=address,undefined)
endif()
