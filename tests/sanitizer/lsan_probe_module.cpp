// A module with dynamic thread-local storage, loaded by lsan_probe with dlopen (see CMakeLists.txt).
// Its TLS block is 8 bytes, like libjpeg-turbo's (which Qt's JPEG plugin loads), so the dynamic
// linker mallocs it from the same size class.
#include <cstdlib>
#include <cstring>

namespace {
thread_local void* t_held[1];
}

extern "C" {

// Touches the TLS block (the first call on a thread makes the dynamic linker allocate it).
__attribute__((visibility("default"))) void* probe_tls_block() {
    return t_held;
}

// A 100-byte block whose only reference is kept in this module's dynamic TLS (keep) or dropped.
__attribute__((visibility("default"))) void probe_allocate(bool keep) {
    void* block = std::malloc(100);
    std::memset(block, 0x5a, 100);
    t_held[0] = keep ? block : nullptr;
}
}
