// Shared declarations for the benchmark kernels.
//
// Every kernel has the shape `uint32_t name(int32_t n)`: `n` scales the work and the result is a
// checksum, so the same call can be compared across Wasmtime, WitSharp and the native build.
// Kernels use no libc (only compiler builtins), so the wasm build imports nothing.
#pragma once
#include <stdint.h>
#include <stddef.h>

#if defined(__wasm__)
#define KERNEL(name) __attribute__((export_name(#name))) uint32_t name(int32_t n)
#else
#define KERNEL(name) __attribute__((visibility("default"))) uint32_t name(int32_t n)
#endif

#define NOINLINE __attribute__((noinline))

// A 32-bit LCG (Numerical Recipes constants): cheap, deterministic input data on every target.
static inline uint32_t lcg(uint32_t *state) {
    *state = *state * 1664525u + 1013904223u;
    return *state;
}

// Final mixing step (murmur3 fmix32) so checksums differ in many bits when anything differs.
static inline uint32_t fmix32(uint32_t h) {
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}
