// Allocator settings for a process that reads many files in a row (plancompare-cli targets/measures/
// import): keep freed memory for the next file instead of handing it back to the kernel.
#pragma once

namespace pc {

// With glibc's defaults every file's large buffers (the decoded text, 8 bytes of source offset per
// character, measure bodies) are mmap'ed and unmapped, or the heap top is trimmed, file after file:
// each time the kernel maps fresh zeroed pages again (page faults, TLB flushes: 8-12 % of the CLI's
// time on the 200-file corpus). This keeps buffers up to 32 MB (glibc's maximum for this setting) on the heap
// and the freed top of the heap up to 256 MB. Returns false where the C library has no such settings (not
// glibc); then nothing changes.
bool keepFreedMemoryForReuse();

} // namespace pc
