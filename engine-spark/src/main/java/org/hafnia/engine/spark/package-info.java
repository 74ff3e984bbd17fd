/**
 * The Spark engine of {@code hafnia array} and {@code hafnia sweep}: the device batches of an array
 * study as Spark tasks, one task per batch, committed on the driver as each task ends (docs/spark.md);
 * the run folder of a URI {@code --out} through Hadoop's {@code FileSystem} ({@code HadoopRunStorage}).
 * Loaded by name only ({@code ArrayEngines}), so Spark reaches nothing but {@code --engine spark}.
 */
package org.hafnia.engine.spark;
