package org.hafnia.postprocess.extraction;

/**
 * An extracted value with its standard uncertainty, unit and how the uncertainty was obtained.
 *
 * @param value       the value
 * @param uncertainty one standard uncertainty (same unit), NaN when not defined
 * @param unit        SI unit or {@code 1} for dimensionless
 * @param method      e.g. "bootstrap over devices (200)" or "fit covariance"
 */
public record Measured(double value, double uncertainty, String unit, String method) {
}
