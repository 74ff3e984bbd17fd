/*
 * The Allen-Cahn step of `hafnia bench --case allen-cahn-2d` in C with OpenMP, for the
 * Java/C throughput ratio: same problem (unit spacing, zero-flux faces, kappa = L = 1, clip,
 * b = 0.5, dt = half the stability limit, published table f' by nearest-node forward slope),
 * same seeded initial state (SplitMix64 = java.util.SplittableRandom(20230315)), same
 * warm-up and timing, same checksum (sum of phi; equal to round-off: the compiler may fuse
 * multiply-adds). Clamps are ternaries, which gcc compiles to minsd/maxsd (fmin/fmax would
 * be library calls); rint is cvtsd2si under the default round-to-nearest-even mode, as the JIT
 * does for Math.rint; the edge nodes of each row are peeled off the interior loop.
 *
 * usage: allen_cahn ENERGY_TABLE N STEPS   (threads from OMP_NUM_THREADS)
 */
#include <immintrin.h>
#include <math.h>
#include <omp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NODES 1024

static uint64_t state = 20230315ULL;

static double next_double(void) {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return (double) (z >> 11) * 0x1.0p-53;
}

static inline double update(double c, double w, double e, double s, double nn, const double *restrict slope,
                            double scale, double rate, double bias) {
    double lap = (w + e - 2 * c) + (s + nn - 2 * c);
    double q = c < 0 ? 0 : (c > 1 ? 1 : c);
    double df = slope[_mm_cvtsd_si32(_mm_set_sd(q * scale))]; /* rint: MXCSR rounds to nearest even */
    double v = c + rate * (-df + lap - bias);
    return v < 0 ? 0 : (v > 1 ? 1 : v);
}

/* Edge nodes of each row are peeled off so that the interior loop has no boundary branches,
 * as in the Java kernel (zero flux: the ghost of an edge node is the node itself). */
static void step(const double *restrict p, double *restrict out, int n, const double *restrict slope,
                 double scale, double rate, double bias) {
#pragma omp parallel for schedule(static)
    for (int j = 0; j < n; j++) {
        const double *row = p + (size_t) j * n;
        const double *south = p + (size_t) (j > 0 ? j - 1 : j) * n;
        const double *north = p + (size_t) (j < n - 1 ? j + 1 : j) * n;
        double *o = out + (size_t) j * n;
        o[0] = update(row[0], row[0], row[1], south[0], north[0], slope, scale, rate, bias);
        for (int i = 1; i < n - 1; i++) {
            o[i] = update(row[i], row[i - 1], row[i + 1], south[i], north[i], slope, scale, rate, bias);
        }
        o[n - 1] = update(row[n - 1], row[n - 2], row[n - 1], south[n - 1], north[n - 1], slope, scale, rate, bias);
    }
}

static double run(double *phi, double *work, int n, int steps, const double *slope, double scale, double rate,
                  double bias) {
    double *a = phi, *b = work;
    for (int s = 0; s < steps; s++) {
        step(a, b, n, slope, scale, rate, bias);
        double *t = a; a = b; b = t;
    }
    if (a != phi) memcpy(phi, a, sizeof(double) * (size_t) n * n);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s ENERGY_TABLE N STEPS\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) { perror(argv[1]); return 2; }
    double phiNode, e[MAX_NODES];
    int nodes = 0;
    while (nodes < MAX_NODES && fscanf(f, "%lf %lf", &phiNode, &e[nodes]) == 2) nodes++;
    fclose(f);
    int intervals = nodes - 1;
    double slope[MAX_NODES];
    for (int k = 0; k < intervals; k++) slope[k] = (e[k + 1] - e[k]) * intervals;
    slope[intervals] = slope[intervals - 1];
    double maxCurvature = 0;
    for (int k = 0; k < intervals - 1; k++) maxCurvature = fmax(maxCurvature, fabs(slope[k + 1] - slope[k]) * intervals);
    double rate = 0.5 / (2 * 1.0 * (1.0 + 1.0) + maxCurvature);
    int n = atoi(argv[2]), steps = atoi(argv[3]);
    size_t cells = (size_t) n * n;
    double *phi0 = malloc(sizeof(double) * cells), *phi = malloc(sizeof(double) * cells),
           *work = malloc(sizeof(double) * cells);
    for (size_t k = 0; k < cells; k++) phi0[k] = next_double();
    memcpy(phi, phi0, sizeof(double) * cells);
    run(phi, work, n, steps, slope, intervals, rate, 0.5);
    memcpy(phi, phi0, sizeof(double) * cells);
    double t0 = omp_get_wtime();
    run(phi, work, n, steps, slope, intervals, rate, 0.5);
    double seconds = omp_get_wtime() - t0;
    double sum = 0;
    for (size_t k = 0; k < cells; k++) sum += phi[k];
    printf("{\"case\":\"allen-cahn-2d\",\"backend\":\"c-openmp\",\"size\":%d,\"threads\":%d,\"steps\":%d,"
           "\"mcells_per_s\":%.1f,\"checksum\":%.10f}\n", n, omp_get_max_threads(), steps,
           cells * (double) steps / seconds * 1e-6, sum);
    return 0;
}
