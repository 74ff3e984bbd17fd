/**
 * Scanned maps (C-AFM current maps and simulated order-parameter maps) with physical size,
 * units and metadata, and the choice of a file format by extension.
 */
package org.hafnia.postprocess.maps;
