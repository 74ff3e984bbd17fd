/**
 * Writers that never leave half-written output: single files written to a temporary file and
 * renamed, multi-file results staged in a hidden folder and moved into place together, by one
 * commit protocol ({@code StoredOutput}) over a folder's {@code RunStorage}, this machine's file
 * system or another store; one run at a time in a folder (a file lock, {@code OutputFolder}; a lease on a store
 * without locks, {@code RunLease}); text matrices, JSON and HDF5.
 */
package org.hafnia.postprocess.io;
