/**
 * The random-telegraph-noise experiment (Rao et al. 2023, Fig. S14): loading a folder of traces
 * with their common read windows, and the report, density table, figure and summary of
 * {@code hafnia rtn}.
 */
package org.hafnia.experiments.rtn;
