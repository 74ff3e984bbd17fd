package org.hafnia.experiments.characterisation;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.compact.CompactDevice;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.physics.compact.StructuralDevice;

/**
 * TEST FIXTURE: a {@link CompactDevice} seen through the {@link StructuralDevice} seam so that the
 * denoising measurement of {@code hafnia denoise} can be taken on it. A read at any voltage is the
 * compact device's read at its own read voltage and width (current = V × G); it has no map (one
 * node at φ = 0), which neither the denoising measurement of the extraction nor the levels of
 * {@code PhysicalLevels} use.
 */
public final class ReadingCompactDevice implements StructuralDevice {

    private static final Grid2D GRID = new Grid2D(1, 1, 1, 1, LengthUnit.NANOMETRE);
    private final CompactDevice d;

    public ReadingCompactDevice(CompactDeviceParameters p, long seed) {
        d = new CompactDevice(p, seed);
    }

    @Override
    public void pulse(double amplitude, double width) {
        d.pulse(amplitude, width);
    }

    @Override
    public double read() {
        return d.read();
    }

    @Override
    public double readCurrent(double volts, double width) {
        return volts * d.read();
    }

    @Override
    public void idle(double seconds) {
        d.idle(seconds);
    }

    @Override
    public double time() {
        return d.time();
    }

    @Override
    public Grid2D grid() {
        return GRID;
    }

    @Override
    public double[] phi() {
        return new double[1];
    }
}
