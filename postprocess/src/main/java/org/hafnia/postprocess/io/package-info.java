/**
 * Writers that never leave half-written output: single files written to a temporary file and
 * renamed, multi-file results staged in a hidden folder and moved into place together; text
 * matrices, JSON and HDF5.
 */
package org.hafnia.postprocess.io;
