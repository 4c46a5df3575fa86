// Recursion: the call/return path (frame setup, direct calls, the call-depth check).
#include "kernels.h"

static NOINLINE uint32_t fib_rec(uint32_t n) {
    return n < 2 ? n : fib_rec(n - 1) + fib_rec(n - 2);
}

// fib(n) computed the exponential way; n = 30 is ~1.3M calls.
KERNEL(fib) { return fib_rec((uint32_t)n); }
