/** Physical models of HfO2 memristors: free energies, materials, electrostatics, heat, transport. */
package org.hafnia.physics;
