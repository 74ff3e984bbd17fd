/** PFHub benchmark problems that verify the conserved (Cahn–Hilliard) dynamics. */
package org.hafnia.experiments.pfhub;
