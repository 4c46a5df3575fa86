// f64 loop: dense matrix multiply C = A * B (f64.load, f64.mul, f64.add, f64.store).
#include "kernels.h"

#define MAT_MAX 256
static double mat_a[MAT_MAX * MAT_MAX];
static double mat_b[MAT_MAX * MAT_MAX];
static double mat_c[MAT_MAX * MAT_MAX];

// n = matrix dimension (clamped to 1..256): n^3 multiply-adds.
KERNEL(matmul) {
    uint32_t dim = n < 1 ? 1u : n > MAT_MAX ? (uint32_t)MAT_MAX : (uint32_t)n;
    for (uint32_t i = 0; i < dim; i++) {
        for (uint32_t j = 0; j < dim; j++) {
            mat_a[i * dim + j] = (double)((i * 7u + j * 3u + dim) % 17u) * 0.25 - 1.0;
            mat_b[i * dim + j] = (double)((i * 5u + j * 11u + 1u) % 13u) * 0.5 + 0.125;
            mat_c[i * dim + j] = 0.0;
        }
    }
    for (uint32_t i = 0; i < dim; i++) {
        for (uint32_t k = 0; k < dim; k++) {
            double aik = mat_a[i * dim + k];
            for (uint32_t j = 0; j < dim; j++) mat_c[i * dim + j] += aik * mat_b[k * dim + j];
        }
    }
    double sum = 0.0;
    for (uint32_t i = 0; i < dim * dim; i++) sum += mat_c[i] * (double)((i & 3u) + 1u);
    return fmix32((uint32_t)(int64_t)sum);
}
