package org.hafnia.experiments.characterisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.hafnia.experiments.denoise.DenoiseStudy;
import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.postprocess.extraction.CharacterisationData;
import org.hafnia.postprocess.extraction.CompactExtraction;
import org.junit.jupiter.api.Test;

/**
 * One denoising measurement: the telegraph step ratio that {@code extract} exports for the case's
 * train is the one {@code hafnia denoise} measures for the same train, 0 V control and devices.
 */
class ExtractDenoisingIsTheStudysTest {

    @Test
    void extractsStepRatioIsTheDenoiseStudysOnTheSameDevices() {
        DeviceCaseFile c = DeviceCaseFile.parse(DeviceCaseFile.resourceText("../cases/tiny-device.json"),
                "tiny-device.json", "tiny-device");
        CharacterisationData.Protocol p = c.protocol();
        CompactExtraction.Result x = CompactExtraction.extract(Characterisation.runWithDenoising(p, c::create,
                c.readVoltage(), c.devices(), c.seed(), 2, i -> { }), 10, 1);
        DenoiseStudy.Sweep s = new DenoiseStudy.Sweep(new double[] {p.vDenoise()}, new double[] {p.denoiseWidth()},
                new int[] {p.denoisePulses()}, p.denoiseWidth(), c.readVoltage(), c.readWidth(), p.traceInterval(),
                p.traceReads(), c.devices(), c.seed(), 0.5, 0.9, 0.9);
        List<DenoiseStudy.Entry> e = DenoiseStudy.run(c::create, c.model().sigma(), s, 2, () -> { }).entries();
        // Entries: no train, 0 V control, the train. The study's statistic is the train's step ratio over
        // the control's; the same traces give it to the two-means convergence tolerance (10⁻⁹ of σ).
        double study = e.get(2).stepRatio() / e.get(1).stepRatio();
        assertThat(x.value("denoise_step_ratio")).isCloseTo(study, within(1e-6 * study));
        assertThat(x.value("read_sigma_fresh")).isCloseTo(e.get(2).sigmaBefore() / e.get(2).gBefore(),
                within(1e-6 * e.get(2).sigmaBefore() / e.get(2).gBefore()));
    }
}
