/**
 * Writers of extracted compact parameters: the project's own versioned {@code compact.json}
 * (with its JSON Schema), and adapters for Sandia CrossSim, IBM aihwkit and NeuroSim that use
 * each simulator's own parameter names (anchors.md).
 */
package org.hafnia.postprocess.export;
