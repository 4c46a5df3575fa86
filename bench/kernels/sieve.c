// Byte memory loop: a sieve of Eratosthenes over a byte array (i32.store8 with strides,
// i32.load8_u in the counting pass).
#include "kernels.h"

#define SIEVE_SIZE (1u << 20)
static uint8_t sieve_flags[SIEVE_SIZE];

// n = number of sieve passes over 1 MiB; the limit varies per pass so passes cannot be merged.
KERNEL(sieve) {
    uint32_t total = 0;
    for (int32_t r = 0; r < n; r++) {
        uint32_t limit = SIEVE_SIZE - (uint32_t)(r & 15);
        for (uint32_t i = 0; i < limit; i++) sieve_flags[i] = (uint8_t)1;
        sieve_flags[0] = sieve_flags[1] = 0;
        for (uint32_t i = 2; i * i < limit; i++) {
            if (!sieve_flags[i]) continue;
            for (uint32_t j = i * i; j < limit; j += i) sieve_flags[j] = 0;
        }
        uint32_t count = 0;
        for (uint32_t i = 0; i < limit; i++) count += sieve_flags[i];
        total = total * 31u + count;
    }
    return fmix32(total);
}
