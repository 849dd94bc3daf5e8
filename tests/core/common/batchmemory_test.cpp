// keepFreedMemoryForReuse: after it, a large buffer comes from the heap (no mmap per file) and freeing
// it does not shrink the heap; run in a child process so the rest of the suite keeps the defaults.
#include "common/batchmemory.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
// Exit status 0 when a 4 MB block is neither mmap'ed nor given back when freed, else a code naming
// what happened.
[[noreturn]] void allocateAndExit(bool tune) {
    if (tune && !pc::keepFreedMemoryForReuse())
        std::_Exit(3);
    const struct mallinfo2 before = mallinfo2();
    char* p = static_cast<char*>(std::malloc(4 * 1024 * 1024));
    if (!p)
        std::_Exit(4);
    std::memset(p, 1, 4 * 1024 * 1024);
    const struct mallinfo2 during = mallinfo2();
    const bool mapped = during.hblks > before.hblks;
    std::free(p);
    const struct mallinfo2 after = mallinfo2();
    const bool kept = after.arena >= during.arena;
    std::_Exit(mapped ? 1 : (kept ? 0 : 2));
}

TEST(BatchMemory, LargeBuffersStayOnTheHeapForTheNextFile) {
    EXPECT_EXIT(allocateAndExit(true), testing::ExitedWithCode(0), "");
}

TEST(BatchMemory, WithoutItGlibcMapsALargeBuffer) {
    // The default this setting exists to change: a 4 MB block is mmap'ed.
    EXPECT_EXIT(allocateAndExit(false), testing::ExitedWithCode(1), "");
}
#else
TEST(BatchMemory, SaysWhenItChangesNothing) {
    // AddressSanitizer's allocator ignores mallopt, other C libraries have none: nothing is changed,
    // and the call says so.
    EXPECT_FALSE(pc::keepFreedMemoryForReuse());
}
#endif

} // namespace
