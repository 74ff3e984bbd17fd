package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.hafnia.experiments.characterisation.DeviceExtraction;
import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.experiments.device.EcramCaseFile;
import org.hafnia.experiments.programming.CrossbarProgramming;
import org.hafnia.experiments.programming.DevicePopulation;
import org.hafnia.experiments.programming.ProgrammingScheme;
import org.hafnia.postprocess.extraction.CharacterisationData;
import org.junit.jupiter.api.Test;

/** Every shipped device case, through every scheme (film cases on a shortened characterisation). */
class ShippedDevicesProgramTest {

    /** The case's own physics and amplitudes, characterised with two devices and short trains (speed only). */
    static DevicePopulation population(String name) throws IOException {
        String text;
        try (InputStream in = ShippedDevicesProgramTest.class.getResourceAsStream("/cases/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (EcramCaseFile.selects(text, name)) {
            EcramCaseFile c = EcramCaseFile.parse(text, name, name);
            return DevicePopulation.ecram(c.name(), c.parameters(), c.characterisedRange(), c.characterisedWidths());
        }
        DeviceCaseFile full = DeviceCaseFile.resource(name);
        CharacterisationData.Protocol p = full.protocol();
        CharacterisationData.Protocol shortP = new CharacterisationData.Protocol(p.vSet(), p.vReset(), p.pulseWidth(), 6, 2,
                p.settle(), p.readVoltage(), p.readWidth(), 20, p.traceInterval(), p.vDenoise(), p.denoiseWidth(), 8,
                new double[] {1, 100}, 3, p.sweepAmplitudes(), 1);
        DeviceCaseFile c = new DeviceCaseFile(full.name(), full.description(), full.model(), full.initial(),
                full.traps(), shortP, 2, full.seed(), full.activationEnergySigma());
        return DevicePopulation.compact(c.name(), DeviceExtraction.run(c, 2, i -> { }).result().device(),
                ProgramDevices.characterised(shortP));
    }

    @Test
    void everyShippedDeviceCaseRunsThroughEveryScheme() throws IOException {
        for (String name : ProgramDevices.SHIPPED) {
            DevicePopulation pop = population(name);
            double[] levels = CrossbarProgramming.levels(pop.model(), 4);
            double[] targets = new double[16];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = levels[i % 4];
            }
            for (ProgrammingScheme s : ProgrammingScheme.values()) {
                CrossbarProgramming.Outcome o = CrossbarProgramming.program(s, pop, targets, levels[1] - levels[0], 1, 2);
                long pulses = 0;
                for (int i = 0; i < targets.length; i++) {
                    assertThat(o.reads()[i]).as("%s %s", name, s.label()).isFinite().isPositive();
                    pulses += o.pulses()[i];
                }
                // A fresh device may already read inside a verify window; the array as a whole is programmed.
                assertThat(pulses).as("%s %s", name, s.label()).isPositive();
                if (s == ProgrammingScheme.RESET_VOLTAGE_CONTROL || s == ProgrammingScheme.FEEDFORWARD) {
                    double[] r = pop.characterisedRange();
                    assertThat(o.amplitudes()[0]).as("%s %s", name, s.label()).isGreaterThanOrEqualTo(r[0]);
                    assertThat(o.amplitudes()[1]).as("%s %s", name, s.label()).isLessThanOrEqualTo(r[1]);
                }
            }
        }
    }
}
