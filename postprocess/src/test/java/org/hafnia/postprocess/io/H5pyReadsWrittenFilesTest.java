package org.hafnia.postprocess.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.meshes.ScalarField3D;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.io.Hdf5MapFormat;
import org.hafnia.testing.RealClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * h5py, as a user reads our HDF5 files: every dataset has a {@code unit}, every numeric
 * attribute its {@code NAME_unit}, and every string (φ, µ included) decodes to what we wrote with
 * the encoding its HDF5 type records, which is UTF-8. jhdf 0.13.0 (the newest on Maven Central)
 * writes only fixed-length strings; h5py returns those as {@code bytes} whatever their character
 * set, so the guides tell a user to decode them (docs/real-clients.md, "HDF5"): this test runs
 * that recipe and pins the storage it is written for.
 */
class H5pyReadsWrittenFilesTest {

    @TempDir
    Path dir;

    private JsonNode h5py(Path file) throws Exception {
        RealClient.requirePython(Map.of(), "pip install h5py (local wheels)", "h5py", "numpy");
        Path script = Path.of(getClass().getResource("h5py_check.py").toURI());
        Path out = dir.resolve(file.getFileName() + ".json");
        RealClient.Run run = RealClient.run(List.of("python3", script.toString(), file.toString(), out.toString()),
                Map.of(), dir, 120);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return Json.mapper().readTree(out.toFile());
    }

    @Test
    void h5pyFindsAUnitForEveryDatasetAndNumberAndReadsUtf8Text() throws Exception {
        Path file = dir.resolve("series.h5");
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("quantity", "channel order parameter φ");
        attrs.put("unit", "1");
        new Hdf5Writer().attribute("case", "film-3d µ")
                .attribute("step", 12L, "1")
                .attribute("time_s", 2.5e-9, "s")
                .field("/phi", new ScalarField3D(new Grid3D(4, 3, 2, 0.5, 0.5, 0.5, LengthUnit.NANOMETRE), new double[24]),
                        attrs)
                .write(file);
        JsonNode r = h5py(file);
        assertThat(r.get("missing_unit")).as("%s", r).isEmpty();
        assertThat(r.get("missing_attribute_unit")).as("%s", r).isEmpty();
        assertThat(r.get("not_utf8")).isEmpty();
        // What the recipe relies on: the character set flag says UTF-8, and h5py hands back bytes
        // (numpy.bytes_) of fixed-length strings. A variable-length writer would change the last
        // two, and the guide with them.
        assertThat(r.get("string_encodings")).hasToString("[\"utf-8\"]");
        assertThat(r.get("string_storage")).hasToString("[\"fixed\"]");
        assertThat(r.get("string_types")).hasToString("[\"bytes_\"]");
        JsonNode a = r.get("attributes");
        assertThat(a.get("/phi@quantity").asText()).isEqualTo("channel order parameter φ");
        assertThat(a.get("/@case").asText()).isEqualTo("film-3d µ");
        assertThat(a.get("/@time_s_unit").asText()).isEqualTo("s");
        assertThat(a.get("/@time_s").get(0).asDouble()).isEqualTo(2.5e-9);
        assertThat(a.get("/phi@dz_unit").asText()).isEqualTo("nm");
        assertThat(r.get("shapes").get("/phi")).hasToString("[2,3,4]");
    }

    @Test
    void h5pyReadsAMapWithItsUnitsAndTitle() throws Exception {
        Path file = dir.resolve("map.h5");
        double[] v = new double[6 * 4];
        ScanMap map = new ScanMap(new ScalarField2D(Grid2D.ofExtent(6, 4, 3.0, 2.0, LengthUnit.MICROMETRE), v), "µA",
                "C-AFM current, φ ≈ 0", Map.of("bias", "0.1 V"), true);
        Hdf5MapFormat.INSTANCE.write(map, file);
        JsonNode r = h5py(file);
        assertThat(r.get("missing_unit")).as("%s", r).isEmpty();
        assertThat(r.get("missing_attribute_unit")).as("%s", r).isEmpty();
        JsonNode a = r.get("attributes");
        assertThat(a.get("/map@unit").asText()).isEqualTo("µA");
        assertThat(a.get("/map@title").asText()).isEqualTo("C-AFM current, φ ≈ 0");
        assertThat(a.get("/map@width_unit").asText()).isEqualTo("um");
        // And our own reader gets the same text back.
        assertThat(Hdf5MapFormat.INSTANCE.read(file).title()).isEqualTo("C-AFM current, φ ≈ 0");
        assertThat(Hdf5MapFormat.INSTANCE.read(file).zUnit()).isEqualTo("µA");
    }

    @Test
    void aFileWithoutAUnitIsRefusedBeforeAnythingIsWritten() {
        Path file = dir.resolve("bad.h5");
        assertThatThrownBy(() -> new Hdf5Writer().dataset("/x", new double[] {1, 2}, Map.of()).write(file))
                .hasMessageContaining("unit");
        assertThatThrownBy(() -> new Hdf5Writer().dataset("/x", new double[] {1, 2}, Map.of("unit", "s", "t0", 1.0))
                .write(file)).hasMessageContaining("t0_unit");
        assertThat(Files.exists(file)).isFalse();
    }
}
