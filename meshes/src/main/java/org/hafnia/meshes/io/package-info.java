/** Parsing of plain numeric text matrices (CSV, TSV, whitespace) into fields, with exact error locations. */
package org.hafnia.meshes.io;
