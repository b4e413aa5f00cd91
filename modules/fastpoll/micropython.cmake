add_library(usermod_fastpoll INTERFACE)

target_sources(usermod_fastpoll INTERFACE
    ${CMAKE_CURRENT_LIST_DIR}/modfastpoll.c
)

target_include_directories(usermod_fastpoll INTERFACE
    ${CMAKE_CURRENT_LIST_DIR}
)

target_link_libraries(usermod INTERFACE usermod_fastpoll)
