/** The {@code hafnia} command line (picocli): one class per sub-command. */
package org.hafnia.experiments.cli;
