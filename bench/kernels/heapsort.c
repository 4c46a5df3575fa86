// Heapsort: data-dependent branches and i32 loads/stores at computed indices.
#include "kernels.h"

#define SORT_MAX (1u << 20)
static uint32_t sort_buf[SORT_MAX];

static void sift_down(uint32_t *a, uint32_t start, uint32_t end) {
    uint32_t root = start;
    while (root * 2u + 1u < end) {
        uint32_t child = root * 2u + 1u;
        if (child + 1u < end && a[child] < a[child + 1u]) child++;
        if (a[root] >= a[child]) return;
        uint32_t t = a[root]; a[root] = a[child]; a[child] = t;
        root = child;
    }
}

// n = number of elements (clamped to 1..1M), filled pseudo-randomly and sorted.
// Returns 0 if the output is not sorted.
KERNEL(heapsort) {
    uint32_t count = n < 1 ? 1u : n > (int32_t)SORT_MAX ? SORT_MAX : (uint32_t)n;
    uint32_t seed = 31337u;
    for (uint32_t i = 0; i < count; i++) sort_buf[i] = lcg(&seed);
    for (uint32_t start = count / 2u; start-- > 0;) sift_down(sort_buf, start, count);
    for (uint32_t end = count - 1u; end > 0; end--) {
        uint32_t t = sort_buf[0]; sort_buf[0] = sort_buf[end]; sort_buf[end] = t;
        sift_down(sort_buf, 0, end);
    }
    uint32_t h = 0;
    for (uint32_t i = 0; i < count; i++) {
        if (i > 0 && sort_buf[i - 1] > sort_buf[i]) return 0;
        h = h * 31u + sort_buf[i];
    }
    return fmix32(h);
}
