/**
 * Discrete linear operators of physics: the symmetric 7-point {@link org.hafnia.physics.operators.StencilMatrix}
 * and the finite-volume diffusion operator −∇·(c∇u) used for conduction and heat.
 */
package org.hafnia.physics.operators;
