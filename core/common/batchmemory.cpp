// Allocator settings for batch runs (see batchmemory.h).
#include "batchmemory.h"

#include <cstdlib> // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace pc {

bool keepFreedMemoryForReuse() {
#if defined(__GLIBC__)
    constexpr int kMB = 1024 * 1024;
    // Order matters: setting M_MMAP_THRESHOLD also turns off glibc's sliding threshold.
    const bool ok = mallopt(M_MMAP_THRESHOLD, 32 * kMB) == 1 && mallopt(M_TRIM_THRESHOLD, 256 * kMB) == 1 &&
                    mallopt(M_TOP_PAD, 16 * kMB) == 1;
    return ok;
#else
    return false;
#endif
}

} // namespace pc
