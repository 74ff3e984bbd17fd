/**
 * Quantum transport through a conduction channel: multimode scattering of an electron through
 * a hard-wall channel of rectangular cross-section past screened point charges (physics.md §3;
 * Rao et al., Nature 615, 823 (2023), Fig. 3), solved by a block-tridiagonal (block Thomas)
 * elimination, with the Landauer conductance of the result.
 */
package org.hafnia.physics.transport;
