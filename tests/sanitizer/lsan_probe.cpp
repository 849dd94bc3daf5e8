// Checks what LeakSanitizer does at exit under the options the asan test preset sets (CMakePresets.json).
//
//   lsan_probe MODULE tls-at-page-offset-16   dynamic TLS block 16 bytes into a page, nothing leaked
//   lsan_probe MODULE held-in-module-tls      a block kept only in the module's dynamic TLS
//   lsan_probe MODULE lost-in-module          a block the module drops: a real leak
//
// The first case is the fault of GCC 12's sanitizer runtime (libasan 8) that made LeakSanitizer's
// tracer crash at the exit of a report test: its __tls_get_addr interceptor takes a dynamic TLS block
// that starts 16 bytes into a page for a glibc 2.19 block and reads the allocator's chunk header in
// front of it as that block's address and size; the tracer then scans that range and dies.
#include <dlfcn.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

// Blocks taken to steer the next 8-byte allocation; reachable from here, so never leaks.
constexpr int kMaxSteer = 1 << 16;
void* g_steer[kMaxSteer];

constexpr std::uintptr_t kPage = 4096;
constexpr std::uintptr_t kBadOffset = 16; // sizeof the glibc 2.19 header the runtime looks for

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: lsan_probe MODULE CASE\n");
        return 2;
    }
    const char* mode = argv[2];
    void* module = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!module) {
        std::fprintf(stderr, "lsan_probe: cannot load %s: %s\n", argv[1], dlerror());
        return 2;
    }
    auto tlsBlock = reinterpret_cast<void* (*)()>(dlsym(module, "probe_tls_block"));
    auto allocate = reinterpret_cast<void (*)(bool)>(dlsym(module, "probe_allocate"));
    if (!tlsBlock || !allocate) {
        std::fprintf(stderr, "lsan_probe: %s lacks the probe functions\n", argv[1]);
        return 2;
    }

    if (std::strcmp(mode, "tls-at-page-offset-16") == 0) {
        // The allocator hands out 8-byte blocks of one size class in ascending order, 32 bytes apart
        // (16-byte header, 8 bytes, padding). Take them until the next one starts 16 bytes into a page,
        // then let the dynamic linker allocate the module's 8-byte TLS block there.
        int n = 0;
        for (; n < kMaxSteer; ++n) {
            g_steer[n] = std::malloc(8);
            if ((reinterpret_cast<std::uintptr_t>(g_steer[n]) + 32) % kPage == kBadOffset)
                break;
        }
        const auto tls = reinterpret_cast<std::uintptr_t>(tlsBlock());
        std::printf("dynamic TLS block at %#zx, %zu bytes into its page, after %d steering blocks\n",
                    static_cast<std::size_t>(tls), static_cast<std::size_t>(tls % kPage), n + 1);
        if (tls % kPage != kBadOffset) {
            std::fprintf(stderr, "lsan_probe: could not place the TLS block at page offset %zu\n",
                         static_cast<std::size_t>(kBadOffset));
            return 3;
        }
        return 0;
    }
    if (std::strcmp(mode, "held-in-module-tls") == 0) {
        allocate(true);
        return 0;
    }
    if (std::strcmp(mode, "lost-in-module") == 0) {
        allocate(false);
        return 0;
    }
    std::fprintf(stderr, "lsan_probe: unknown case %s\n", mode);
    return 2;
}
