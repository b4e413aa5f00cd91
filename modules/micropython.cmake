# Every C user module this repo links into firmware and test builds.
include(${CMAKE_CURRENT_LIST_DIR}/fastpoll/micropython.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/uasyncio/micropython.cmake)
