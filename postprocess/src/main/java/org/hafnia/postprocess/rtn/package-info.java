/**
 * Random-telegraph-noise statistics of read-current traces (Rao et al., Nature 615, 823 (2023),
 * Supplementary Fig. S14; physics.md §4): trace reading, read-voltage windows, two-level
 * classification (published two-means threshold or a two-state hidden Markov model), dwell
 * times, Gaussian-smeared dwell densities, maximum-likelihood lifetimes of the
 * detection-delayed exponential model and their voltage dependence.
 */
package org.hafnia.postprocess.rtn;
