/** Throughput benchmarks of the solver kernels on documented, seeded problems ({@code hafnia bench}). */
package org.hafnia.experiments.bench;
