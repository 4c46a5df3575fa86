// i32 memory loop: a dependent read-modify-write sweep plus a data-dependent gather over a
// 1 MiB array of u32 (i32.load / i32.store with unpredictable addresses).
#include "kernels.h"

#define I32_COUNT (1u << 18)
static uint32_t i32_buf[I32_COUNT];

// n = number of sweep+gather passes.
KERNEL(i32loop) {
    uint32_t seed = 12345u;
    for (uint32_t i = 0; i < I32_COUNT; i++) i32_buf[i] = lcg(&seed);
    uint32_t acc = 0;
    for (int32_t r = 0; r < n; r++) {
        uint32_t prev = (uint32_t)r;
        for (uint32_t i = 0; i < I32_COUNT; i++) {
            uint32_t v = (i32_buf[i] + (prev >> 3)) ^ (prev << 5);
            i32_buf[i] = v;
            prev = v;
        }
        uint32_t idx = prev & (I32_COUNT - 1);
        for (uint32_t i = 0; i < I32_COUNT; i++) {
            idx = (idx * 5u + i32_buf[idx] + 1u) & (I32_COUNT - 1);
            acc += idx;
        }
        acc ^= prev;
    }
    return fmix32(acc);
}
