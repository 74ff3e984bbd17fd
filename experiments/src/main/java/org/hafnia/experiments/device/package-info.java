/**
 * The device case file: the unit-carrying deck of {@code hafnia run} extended with the device's
 * read, ensemble and characterisation protocol, and the factory of the one physical device model
 * ({@link org.hafnia.solver.device.FilmDevice}) that {@code extract}, {@code program} and the
 * studies run.
 */
package org.hafnia.experiments.device;
