/**
 * Readers and writers of map files: CSV/TSV and Gwyddion text matrices, JSON, HDF5, Gwyddion
 * Simple Field ({@code .gsf}) and Gwyddion native ({@code .gwy}). All write atomically and report
 * bad input as {@link org.hafnia.meshes.InvalidInputException}.
 */
package org.hafnia.postprocess.maps.io;
