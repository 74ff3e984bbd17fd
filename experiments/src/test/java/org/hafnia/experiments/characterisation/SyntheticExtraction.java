package org.hafnia.experiments.characterisation;

import org.hafnia.physics.compact.CompactDevice;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.postprocess.export.ProgrammingErrorFit;
import org.hafnia.postprocess.extraction.CharacterisationData;
import org.hafnia.postprocess.extraction.CompactExtraction;

/** A small, fast extraction of a synthetic compact device, for the exporter tests. */
public final class SyntheticExtraction {

    private SyntheticExtraction() {
    }

    /** Characterisation of 6 synthetic devices (1 cycle, short traces) and its extraction. */
    public static CompactExtraction.Result small() {
        CharacterisationData.Protocol protocol = new CharacterisationData.Protocol(
                1.0, -1.0, 1e-6, 90, 1, 0.05, 0.15, 1e-6, 400, 2e-4, -0.3, 1e-6, 40,
                new double[] {1, 10, 100}, 10, new double[] {0.6, 0.8, 1.0}, 2);
        CompactDeviceParameters p = CompactExtractionRecoveryTest.TRUE;
        return CompactExtraction.extract(Characterisation.run(protocol, seed -> new CompactDevice(p, seed), 6, 5, 1,
                i -> { }), 20, 3);
    }

    /** A programming-error fit of plausible size for the same device. */
    public static ProgrammingErrorFit programmingError(CompactExtraction.Result r) {
        return DeviceExtraction.programmingError(r.device(), 1, 1);
    }
}
