/** The published phase-field denoising simulation (Rao et al., Nature 2023, Fig. 4). */
package org.hafnia.experiments.fig4;
