/** The family of map readers and writers: one {@code MapFormat} per file format. */
package org.hafnia.postprocess.maps.api;
