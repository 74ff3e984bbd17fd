package org.hafnia.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.meshes.io.NumericMatrix;
import org.hafnia.meshes.io.NumericMatrixReader;

/**
 * The reference folder, with every file checked against the {@link ReferenceManifest} (size and
 * SHA-256) the first time it is used: a missing or altered file is an error naming its path.
 */
public final class ReferenceData {

    public static final String FIG4_ENERGY = "fig4/energy_profile.txt";
    public static final String FIG4_INITIAL = "fig4/initial_state.csv";
    public static final String FIG4_RELAXED_DISPLAY = "fig4/relaxed_display.csv";
    /** Published Fig. 4 grid: 58 rows (y) × 51 columns (x). */
    public static final int FIG4_ROWS = 58;
    public static final int FIG4_COLS = 51;

    private final Path directory;
    private final ReferenceManifest manifest;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    public ReferenceData(Path directory, ReferenceManifest manifest) {
        this.directory = directory;
        this.manifest = manifest;
    }

    /** The reference folder found by {@link ReferenceLocator#system()} (explicit may be null). */
    public static ReferenceData locate(Path explicit) {
        return new ReferenceData(ReferenceLocator.system().locate(explicit), ReferenceManifest.bundled());
    }

    public Path directory() {
        return directory;
    }

    public ReferenceManifest manifest() {
        return manifest;
    }

    /** The verified path of a manifest file. */
    public Path file(String relative) {
        ReferenceManifest.Entry e = manifest.entry(relative).orElseThrow(() ->
                new IllegalArgumentException(relative + " is not in the reference manifest"));
        Path p = directory.resolve(relative);
        if (verified.contains(relative)) {
            return p;
        }
        if (!Files.isRegularFile(p)) {
            throw new InvalidInputException("reference file " + p.toAbsolutePath() + " is missing (expected "
                    + e.bytes() + " bytes: " + e.provenance() + ")");
        }
        try {
            long size = Files.size(p);
            if (size != e.bytes()) {
                throw new InvalidInputException("reference file " + p.toAbsolutePath() + " has been altered: "
                        + size + " bytes, expected " + e.bytes());
            }
            String sha = sha256(p);
            if (!sha.equals(e.sha256())) {
                throw new InvalidInputException("reference file " + p.toAbsolutePath() + " has been altered: SHA-256 "
                        + sha + ", expected " + e.sha256());
            }
        } catch (IOException ex) {
            throw new InvalidInputException("cannot read reference file " + p.toAbsolutePath() + ": " + ex.getMessage(), ex);
        }
        verified.add(relative);
        return p;
    }

    /** Checks every file of the manifest; returns their paths. */
    public List<Path> verifyAll() {
        return manifest.files().stream().map(e -> file(e.path())).toList();
    }

    /** The DFT energy table: 21 rows of (φ, energy in eV). */
    public NumericMatrix fig4EnergyTable() {
        NumericMatrix m = new NumericMatrixReader().read(file(FIG4_ENERGY));
        if (m.cols() != 2) {
            throw new InvalidInputException(m.source() + ": expected 2 columns (φ, energy), found " + m.cols());
        }
        return m;
    }

    /** The published initial state φ0 (58 × 51, rows = y, values in [0, 1]) on a unit-spacing grid. */
    public ScalarField2D fig4InitialState() {
        return new NumericMatrixReader().read(file(FIG4_INITIAL))
                .requireShape(FIG4_ROWS, FIG4_COLS).requireWithin(0, 1, "φ").toField();
    }

    /** The published "relaxed" panel in display units (band midpoints, ±0.0102). */
    public ScalarField2D fig4RelaxedDisplay() {
        return new NumericMatrixReader().read(file(FIG4_RELAXED_DISPLAY))
                .requireShape(FIG4_ROWS, FIG4_COLS).requireWithin(0, 1, "display value").toField();
    }

    /** The random-telegraph-noise traces {@code rtn/trace_NN.csv}, verified, in name order. */
    public List<Path> rtnTraces() {
        return manifest.files().stream().map(ReferenceManifest.Entry::path)
                .filter(p -> p.startsWith("rtn/")).sorted().map(this::file).toList();
    }

    private static String sha256(Path p) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
