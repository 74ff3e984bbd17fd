/** JMH micro-benchmarks of the solver kernels, for developers ({@code benchmarks/run-jmh.sh}). */
package org.hafnia.benchmarks;
