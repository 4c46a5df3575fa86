// Integer hashing: FNV-1a over bytes (a multiply-latency chain) and an xxhash32-like four-lane
// round function over 32-bit words (rotates, multiplies) on a 256 KiB buffer.
#include "kernels.h"

#define HASH_BYTES (1u << 18)
static uint8_t hash_buf[HASH_BYTES];

static inline uint32_t rotl32(uint32_t x, uint32_t r) { return (x << r) | (x >> (32u - r)); }

static uint32_t read32(const uint8_t *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

// n = number of passes (each pass: one FNV-1a and one four-lane hash of the whole buffer).
KERNEL(hash) {
    uint32_t seed = 777u;
    for (uint32_t i = 0; i < HASH_BYTES; i += 4) {
        uint32_t v = lcg(&seed);
        hash_buf[i] = (uint8_t)v; hash_buf[i + 1] = (uint8_t)(v >> 8);
        hash_buf[i + 2] = (uint8_t)(v >> 16); hash_buf[i + 3] = (uint8_t)(v >> 24);
    }
    uint32_t acc = 0;
    for (int32_t r = 0; r < n; r++) {
        uint32_t fnv = 2166136261u ^ (uint32_t)r;
        for (uint32_t i = 0; i < HASH_BYTES; i++) fnv = (fnv ^ hash_buf[i]) * 16777619u;

        const uint32_t p1 = 2654435761u, p2 = 2246822519u;
        uint32_t v1 = (uint32_t)r + p1 + p2, v2 = p2, v3 = 0, v4 = 0u - p1;
        for (uint32_t i = 0; i < HASH_BYTES; i += 16) {
            v1 = rotl32(v1 + read32(hash_buf + i) * p2, 13) * p1;
            v2 = rotl32(v2 + read32(hash_buf + i + 4) * p2, 13) * p1;
            v3 = rotl32(v3 + read32(hash_buf + i + 8) * p2, 13) * p1;
            v4 = rotl32(v4 + read32(hash_buf + i + 12) * p2, 13) * p1;
        }
        uint32_t xx = rotl32(v1, 1) + rotl32(v2, 7) + rotl32(v3, 12) + rotl32(v4, 18);
        acc = acc * 31u + (fnv ^ fmix32(xx));
    }
    return fmix32(acc);
}
