/** Everything after a simulation: readers and writers, comparison metrics, analyses, exporters, plots. */
package org.hafnia.postprocess;
