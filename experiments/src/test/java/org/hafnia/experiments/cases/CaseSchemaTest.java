package org.hafnia.experiments.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The case schema agrees with the reader: every shipped 3D run case satisfies it (plan-view cases
 * are the device's, whose keys the reader checks: CaseReaderTest), every broken
 * variant below is refused by both, with the reader's own one-line message (JSON pointer, line and
 * column) as the one the user sees; docs/case-reference.md is what the schema generates.
 */
class CaseSchemaTest {

    private static final List<String> CASES = List.of("film-3d");

    @TempDir
    Path dir;

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        return Files.isDirectory(p.resolve("experiments")) ? p : p.getParent();
    }

    @Test
    void everyShippedRunCaseSatisfiesTheSchema() throws Exception {
        for (String c : CASES) {
            byte[] json = Files.readAllBytes(root().resolve("experiments/cases/" + c + ".json"));
            assertThat(CaseSchema.violations(json)).as(c).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/grid/spcing", "/physics/drive/lw", "/time/schem", "/output/plot", "/initial/channel/r"})
    void anUnknownKeyIsRefusedByBothAndTheReaderNamesIt(String pointer) throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode doc = (ObjectNode) m.readTree(Files.readAllBytes(root().resolve("experiments/cases/film-3d.json")));
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) doc.at(pointer.substring(0, slash))).put(pointer.substring(slash + 1), 1);
        byte[] bytes = m.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        assertThat(CaseSchema.violations(bytes)).isNotEmpty();
        Path file = copyWithSequences(bytes);
        assertThatThrownBy(() -> new CaseReader(CaseSchemaTest::noReference).read(file))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(pointer)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aWrongChoiceIsRefusedByBoth() throws Exception {
        String text = Files.readString(root().resolve("experiments/cases/film-3d.json"))
                .replace("\"spacing\": \"0.5 nm\" }", "\"spacing\": \"0.5 nm\", \"boundary\": \"mirror\" }");
        assertThat(text).contains("mirror");
        assertThat(CaseSchema.violations(text.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        Path file = copyWithSequences(text.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new CaseReader(CaseSchemaTest::noReference).read(file))
                .hasMessageContaining("/grid/boundary").hasMessageContaining("zero-flux, periodic");
    }

    private static ReferenceData noReference() {
        throw new AssertionError("reference data not needed");
    }

    private Path copyWithSequences(byte[] bytes) throws Exception {
        Path seq = dir.resolve("sequences");
        Files.createDirectories(seq);
        for (String f : List.of("set-reset.json", "triangle.tsv")) {
            Files.copy(root().resolve("experiments/cases/sequences/" + f), seq.resolve(f),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path file = dir.resolve("case.json");
        Files.write(file, bytes);
        return file;
    }

    @Test
    void theCaseReferenceIsGeneratedFromTheSchema() throws Exception {
        Path doc = root().resolve("docs/case-reference.md");
        String expected = CaseReference.markdown();
        if (Boolean.getBoolean("hafnia.writeDocs")) {
            Files.writeString(doc, expected);
        }
        assertThat(Files.exists(doc) ? Files.readString(doc) : "")
                .as("docs/case-reference.md is stale: regenerate with mvn -B -o -pl experiments -am test"
                        + " -Dtest=CaseSchemaTest -Dsurefire.failIfNoSpecifiedTests=false -Dhafnia.writeDocs=true")
                .isEqualTo(expected);
    }
}
