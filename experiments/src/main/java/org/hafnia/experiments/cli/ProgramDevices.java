package org.hafnia.experiments.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.hafnia.experiments.characterisation.DeviceExtraction;
import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.experiments.device.EcramCaseFile;
import org.hafnia.experiments.programming.DevicePopulation;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.extraction.CharacterisationData;
import org.hafnia.postprocess.export.CompactDeviceFile;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.io.Json;

/**
 * The device populations of {@code hafnia program}: a device case (a film case is characterised
 * and extracted once, the compact model cached under out/cache by the hash of the case text and
 * the build; an ECRAM case is its own compact model) or a compact.json.
 */
final class ProgramDevices {

    /** The shipped device cases, one like each seed paper's device and the default HfO2 one. */
    static final List<String> SHIPPED = List.of(DeviceCaseFile.DEFAULT, "kim2021-tiox-alox.json",
            "diao2025-tio2x.json", "chen2023-ecram.json");

    private ProgramDevices() {
    }

    /** A shipped case by file name. */
    static DevicePopulation shipped(String name, int threads, PrintWriter log) {
        String text;
        try (InputStream in = ProgramDevices.class.getResourceAsStream("/cases/" + name)) {
            if (in == null) {
                throw new IllegalStateException("shipped case " + name + " missing from the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(text, name, name.replaceFirst("\\.json$", ""), threads, log);
    }

    /** A device case file. */
    static DevicePopulation caseFile(Path file, int threads, PrintWriter log) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": file not found");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return of(text, file.toString(), file.getFileName().toString().replaceFirst("\\.json$", ""), threads, log);
    }

    /** A compact.json of {@code hafnia extract}: characterised from the threshold to the reference amplitudes. */
    static DevicePopulation compactFile(Path file) {
        return DevicePopulation.compact(file.getFileName().toString(), CompactDeviceFile.readDevice(file));
    }

    private static DevicePopulation of(String text, String source, String stem, int threads, PrintWriter log) {
        if (EcramCaseFile.selects(text, source)) {
            EcramCaseFile c = EcramCaseFile.parse(text, source, stem);
            return DevicePopulation.ecram(c.name(), c.parameters(), c.characterisedRange(), c.characterisedWidths());
        }
        DeviceCaseFile c = DeviceCaseFile.parse(text, source, stem);
        return DevicePopulation.compact(c.name(), extracted(c, text, threads, log), characterised(c.protocol()));
    }

    /** {smallest, largest} |V| of the characterisation: the SET/RESET trains and the amplitude sweep. */
    static double[] characterised(CharacterisationData.Protocol p) {
        double lo = Math.min(p.vSet(), -p.vReset());
        double hi = Math.max(p.vSet(), -p.vReset());
        for (double a : p.sweepAmplitudes()) {
            lo = Math.min(lo, Math.abs(a));
            hi = Math.max(hi, Math.abs(a));
        }
        return new double[] {lo, hi};
    }

    private static org.hafnia.physics.compact.CompactDeviceParameters extracted(DeviceCaseFile c, String text,
                                                                              int threads, PrintWriter log) {
        String hash;
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(text.getBytes(StandardCharsets.UTF_8));
            // The build that extracts is part of the key: a rebuilt hafnia re-extracts.
            md.update(Long.toString(buildStamp()).getBytes(StandardCharsets.US_ASCII));
            hash = HexFormat.of().formatHex(md.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String root = System.getProperty("hafnia.root", ".");
        Path cache = Path.of(root, "out", "cache", "compact-" + c.name() + "-" + hash + ".json");
        if (Files.isRegularFile(cache)) {
            return CompactDeviceFile.readDevice(cache);
        }
        log.printf("program: extracting the case %s once (cached in %s) ...%n", c.name(), cache);
        log.flush();
        DeviceExtraction x = DeviceExtraction.run(c, threads, i -> { });
        try {
            Files.createDirectories(cache.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(cache, Json.content(x.compactDocument(c)));
        return x.result().device();
    }

    private static long buildStamp() {
        try {
            return Path.of(ProgramDevices.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile()
                    .lastModified();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return 0;
        }
    }
}
