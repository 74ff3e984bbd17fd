/**
 * Regular Cartesian grids with physical spacing, scalar fields stored in flat row-major
 * {@code double[]} arrays, boundary conditions and resampling between grids.
 *
 * <p>Conventions used throughout Hafnia: nodes are cell-centred (node {@code i} sits at
 * {@code x = (i + 1/2) dx}); a 2D field is stored row by row with the row index along y,
 * so node {@code (i, j)} is at {@code j * nx + i}; a 3D field stores x fastest, then y, then z.
 */
package org.hafnia.meshes;
