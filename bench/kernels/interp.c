// switch → br_table: a tiny register-machine interpreter whose dispatch `switch` over a dense
// opcode range compiles to one br_table per executed instruction.
#include "kernels.h"

#define PROG_LEN 256u
static uint8_t interp_prog[PROG_LEN];

// n = number of interpreted instructions.
KERNEL(interp) {
    uint32_t seed = 4242u;
    for (uint32_t i = 0; i < PROG_LEN; i++) interp_prog[i] = (uint8_t)((lcg(&seed) >> 16) % 12u);
    uint32_t a = 1, b = 2, c = 3, acc = 0, pc = 0;
    for (int32_t step = 0; step < n; step++) {
        switch (interp_prog[pc]) {
        case 0: a += b; break;
        case 1: b ^= a << 3; break;
        case 2: c = c * 2654435761u + a; break;
        case 3: a = (a >> 5) | (c << 27); break;
        case 4: acc += a ^ b; break;
        case 5: b -= c; break;
        case 6: c ^= c >> 11; break;
        case 7: if (a & 1u) pc = (pc + (b & 7u)) & (PROG_LEN - 1); break;
        case 8: a = a * 31u + (uint32_t)step; break;
        case 9: acc = (acc << 1) | (acc >> 31); break;
        case 10: { uint32_t t = a; a = b; b = c; c = t; } break;
        case 11: acc ^= c + 0x9e3779b9u; break;
        default: acc = 0; break;
        }
        pc = (pc + 1u) & (PROG_LEN - 1);
    }
    return fmix32(acc ^ a ^ (b << 1) ^ (c << 2));
}
