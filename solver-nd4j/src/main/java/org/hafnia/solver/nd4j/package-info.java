/**
 * The ND4J backend of the Allen–Cahn step (whole-array operations on the native CPU backend),
 * kept in its own module so that its native jars reach only what selects it.
 */
package org.hafnia.solver.nd4j;
