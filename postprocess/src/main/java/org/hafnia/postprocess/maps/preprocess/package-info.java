/**
 * Preprocessing of measured maps before comparison: levelling, outlier removal, reversible
 * normalisation, resampling to a simulation grid and registration. Every operation returns the
 * new map together with a {@link org.hafnia.postprocess.maps.preprocess.PreprocessingStep} that
 * records what it did and with which parameters.
 */
package org.hafnia.postprocess.maps.preprocess;
