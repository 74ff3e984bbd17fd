/** The paper's and the protocols' experiments, run from the {@code hafnia} command line. */
package org.hafnia.experiments;
