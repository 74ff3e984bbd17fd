/**
 * The reference data of Rao et al. (Nature 2023) that Hafnia reads from
 * {@code ../shared/reference}: a manifest of the expected files (size, SHA-256, units,
 * provenance), a locator that finds the folder, a verifying loader, and the preparation of the
 * authors' raw C-AFM map.
 */
package org.hafnia.reference;
