// memcpy/memset: bulk fills and copies of ~1 MiB (memory.fill / memory.copy with bulk memory;
// glibc's memset/memcpy natively) with varying sizes and alignments.
#include "kernels.h"

#define MEM_BYTES (1u << 20)
static uint8_t mem_src[MEM_BYTES];
static uint8_t mem_dst[MEM_BYTES];

// n = number of fill+copy rounds.
KERNEL(memops) {
    uint32_t seed = 99u;
    for (uint32_t i = 0; i < MEM_BYTES; i += 4) {
        uint32_t v = lcg(&seed);
        mem_src[i] = (uint8_t)v; mem_src[i + 1] = (uint8_t)(v >> 8);
        mem_src[i + 2] = (uint8_t)(v >> 16); mem_src[i + 3] = (uint8_t)(v >> 24);
    }
    uint32_t acc = 0;
    for (int32_t r = 0; r < n; r++) {
        uint32_t ur = (uint32_t)r;
        __builtin_memset(mem_dst, (int)(ur & 0xffu), MEM_BYTES - (ur & 63u));
        uint32_t off = ur & 15u, len = MEM_BYTES - 64u - (ur & 255u);
        __builtin_memcpy(mem_dst + (ur & 7u), mem_src + off, len);
        // Overlapping move inside dst (memmove semantics).
        __builtin_memmove(mem_dst + 1, mem_dst, MEM_BYTES / 2);
        acc = acc * 31u + mem_dst[(ur * 7919u) & (MEM_BYTES - 1)] + mem_dst[MEM_BYTES - 1 - (ur & 1023u)];
    }
    return fmix32(acc);
}
