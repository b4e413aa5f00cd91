add_library(usermod_uasyncio INTERFACE)

target_sources(usermod_uasyncio INTERFACE
    ${CMAKE_CURRENT_LIST_DIR}/moduasyncio.c
)

target_link_libraries(usermod INTERFACE usermod_uasyncio)
