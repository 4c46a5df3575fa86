// Function pointers → call_indirect: a table of small non-inlined functions called with a
// data-dependent index (table bounds check + signature check per call in wasm).
#include "kernels.h"

typedef uint32_t (*binop_fn)(uint32_t, uint32_t);

static NOINLINE uint32_t op_add(uint32_t x, uint32_t y) { return x + y; }
static NOINLINE uint32_t op_xor(uint32_t x, uint32_t y) { return x ^ (y * 3u); }
static NOINLINE uint32_t op_mul(uint32_t x, uint32_t y) { return x * (y | 1u); }
static NOINLINE uint32_t op_rot(uint32_t x, uint32_t y) { return (x << 7) | (x >> 25) ^ y; }
static NOINLINE uint32_t op_sub(uint32_t x, uint32_t y) { return x - (y >> 1); }
static NOINLINE uint32_t op_mix(uint32_t x, uint32_t y) { return (x ^ (x >> 15)) + y; }
static NOINLINE uint32_t op_neg(uint32_t x, uint32_t y) { return ~x + y; }
static NOINLINE uint32_t op_shl(uint32_t x, uint32_t y) { return (x << (y & 7u)) + 1u; }

// Not const: the table lives in memory and is read per call, as a C vtable would be.
static binop_fn indirect_ops[8] = { op_add, op_xor, op_mul, op_rot, op_sub, op_mix, op_neg, op_shl };

// n = number of indirect calls.
KERNEL(indirect) {
    uint32_t acc = 0x12345678u;
    for (int32_t i = 0; i < n; i++) {
        acc = indirect_ops[(acc >> 13) & 7u](acc, (uint32_t)i);
    }
    return fmix32(acc);
}
