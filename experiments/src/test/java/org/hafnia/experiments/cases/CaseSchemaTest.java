package org.hafnia.experiments.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.experiments.device.EcramCaseFile;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The case schema agrees with the readers: every shipped case (3D run, plan-view run, device and
 * ECRAM kinds)
 * satisfies it and is read by its reader; at every object of every case of a corpus (the shipped
 * cases and variants reaching the branches they do not use) the reader accepts exactly the keys
 * the schema lists; every broken variant below is refused by both, with the reader's own one-line
 * message (JSON pointer, line and column) as the one the user sees; docs/case-reference.md is what
 * the schema generates.
 */
class CaseSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A key no reader knows; the reader's refusal lists the keys it accepts there. */
    private static final String PROBE = "zz_probe";

    @TempDir
    Path dir;

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        return Files.isDirectory(p.resolve("experiments")) ? p : p.getParent();
    }

    private static List<Path> shippedCases() throws Exception {
        try (Stream<Path> s = Files.list(root().resolve("experiments/cases"))) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The kind a case's keys select, as the schema's top-level if/then/else does. */
    private static CaseSchema.Kind kindOf(JsonNode doc) {
        if (!doc.has("device")) {
            return doc.path("grid").has("nz") ? CaseSchema.Kind.RUN : CaseSchema.Kind.DEVICE_RUN;
        }
        return doc.get("device").has("model") ? CaseSchema.Kind.ECRAM : CaseSchema.Kind.DEVICE;
    }

    @Test
    void everyShippedCaseSatisfiesTheSchemaOfItsKindAndIsReadByItsReader() throws Exception {
        Set<CaseSchema.Kind> kinds = EnumSet.noneOf(CaseSchema.Kind.class);
        for (Path f : shippedCases()) {
            byte[] json = Files.readAllBytes(f);
            CaseSchema.Kind kind = kindOf(JSON.readTree(json));
            kinds.add(kind);
            assertThat(CaseSchema.violations(json)).as(f.toString()).isEmpty();
            assertThat(CaseSchema.violations(json, kind)).as(f.toString()).isEmpty();
            read(kind, Files.readString(f));
        }
        assertThat(kinds).as("shipped kinds").containsExactlyInAnyOrder(CaseSchema.Kind.values());
    }

    @Test
    void aCaseOfOneKindViolatesTheSchemaOfAnother() throws Exception {
        byte[] device = Files.readAllBytes(root().resolve("experiments/cases/hfo2-device.json"));
        assertThat(CaseSchema.violations(device, CaseSchema.Kind.RUN)).isNotEmpty();
        assertThat(CaseSchema.violations(device, CaseSchema.Kind.ECRAM)).isNotEmpty();
        assertThat(CaseSchema.violations(device, CaseSchema.Kind.DEVICE_RUN)).isNotEmpty();
        byte[] planView = Files.readAllBytes(root().resolve("experiments/cases/joule-2d.json"));
        assertThat(CaseSchema.violations(planView, CaseSchema.Kind.RUN)).isNotEmpty();
        assertThat(CaseSchema.violations(planView, CaseSchema.Kind.DEVICE)).isNotEmpty();
        byte[] film = Files.readAllBytes(root().resolve("experiments/cases/film-3d.json"));
        assertThat(CaseSchema.violations(film, CaseSchema.Kind.DEVICE_RUN)).isNotEmpty();
    }

    /**
     * Reads {@code text} with the reader of {@code kind}; a run case is written into a scratch
     * folder holding copies of the shipped sequence files (and a small φ map) that it may name.
     */
    private void read(CaseSchema.Kind kind, String text) throws Exception {
        switch (kind) {
            case DEVICE -> DeviceCaseFile.parse(text, "case.json", "case");
            case ECRAM -> EcramCaseFile.parse(text, "case.json", "case");
            case RUN, DEVICE_RUN -> {
                Path seq = dir.resolve("sequences");
                Files.createDirectories(seq);
                for (String f : List.of("set-reset.json", "triangle.tsv")) {
                    Files.copy(root().resolve("experiments/cases/sequences/" + f), seq.resolve(f),
                            StandardCopyOption.REPLACE_EXISTING);
                }
                Files.writeString(dir.resolve("phi.csv"), "0.1,0.2,0.9,0.1\n0.1,0.9,0.9,0.1\n0.1,0.9,0.2,0.1\n");
                Path file = dir.resolve("case.json");
                Files.writeString(file, text);
                new CaseReader(() -> ReferenceData.locate(null)).read(file);
            }
        }
    }

    /**
     * The corpus of the key check: every shipped case, the kill-and-resume test's case, and variants of them for the reader
     * branches no shipped case takes (a map initial state of a plan-view run; the plots switch of
     * both run kinds; the threshold drive law of a 3D run).
     */
    private static Map<String, String> corpus() throws Exception {
        Map<String, String> c = new LinkedHashMap<>();
        for (Path f : shippedCases()) {
            c.put(f.getFileName().toString(), Files.readString(f));
        }
        c.put("resume-case.json (KillResumeTest)", Files.readString(
                root().resolve("experiments/src/test/resources/org/hafnia/experiments/cases/resume-case.json")));
        c.put("denoise-2d with a map", c.get("denoise-2d.json")
                .replace("{ \"type\": \"fig4-reference\" }", "{ \"type\": \"map\", \"path\": \"phi.csv\" }"));
        c.put("joule-2d without plots", c.get("joule-2d.json")
                .replace("\"checkpoint_every\": 2", "\"checkpoint_every\": 2, \"plots\": false"));
        c.put("film-3d without plots", c.get("film-3d.json")
                .replace("\"snapshot_every\": 110", "\"snapshot_every\": 110, \"plots\": false"));
        c.put("film-3d with the threshold law", c.get("film-3d.json")
                .replace("\"law\": \"ion-hopping\", \"b0\": \"0.1 eV\", \"v0\": \"0.1 V\",",
                        "\"law\": \"threshold\", \"k_on\": \"0.1 eV\", \"v_on\": \"0.5 V\", \"alpha_on\": 1,"
                                + " \"k_off\": \"0.1 eV\", \"v_off\": \"-0.2 V\", \"alpha_off\": 1,"));
        assertThat(c.get("film-3d with the threshold law")).as("variant applied").contains("k_on");

        assertThat(c.get("denoise-2d with a map")).as("variant applied").contains("phi.csv");
        assertThat(c.get("joule-2d without plots")).as("variant applied").contains("\"plots\"");
        assertThat(c.get("film-3d without plots")).as("variant applied").contains("\"plots\"");
        return c;
    }

    /**
     * At every object of every corpus case, the keys the reader accepts (the list its refusal of
     * an unknown key names) are among the schema's keys there; over the corpus, every object of
     * the schema is reached and each of its keys is accepted by the reader somewhere. So a key
     * added to a reader and not to the schema, or the reverse, fails here.
     */
    @Test
    void theReadersAcceptExactlyTheKeysTheSchemaLists() throws Exception {
        JsonNode defs = CaseSchema.document().get("$defs");
        Map<JsonNode, Set<String>> accepted = new IdentityHashMap<>();
        Map<JsonNode, String> where = new IdentityHashMap<>();
        for (CaseSchema.Kind kind : CaseSchema.Kind.values()) {
            schemaObjects(defs, defs.get(kind.definition()), kind.definition(), where);
        }
        for (Map.Entry<String, String> c : corpus().entrySet()) {
            ObjectNode doc = (ObjectNode) JSON.readTree(c.getValue());
            CaseSchema.Kind kind = kindOf(doc);
            read(kind, c.getValue());
            probe(kind, c.getKey(), doc, doc, "", defs.get(kind.definition()), defs, accepted);
        }
        for (Map.Entry<JsonNode, String> o : where.entrySet()) {
            Set<String> schemaKeys = new TreeSet<>();
            o.getKey().get("properties").fieldNames().forEachRemaining(schemaKeys::add);
            assertThat(accepted).as("no corpus case reaches the schema object " + o.getValue()).containsKey(o.getKey());
            assertThat(new TreeSet<>(accepted.get(o.getKey())))
                    .as("keys the reader accepts at " + o.getValue() + " (over the corpus) vs the schema's").isEqualTo(schemaKeys);
        }
    }

    /** The object schema that {@code s} stands for at {@code instance}: $ref resolved, a step's oneOf branch by its type. */
    private static JsonNode resolve(JsonNode defs, JsonNode s, JsonNode instance) {
        if (s.has("$ref")) {
            s = defs.get(s.get("$ref").asText().replace("#/$defs/", ""));
        }
        if (s.has("oneOf") && instance != null && instance.has("type")) {
            for (JsonNode branch : s.get("oneOf")) {
                if (branch.at("/properties/type/const").asText().equals(instance.get("type").asText())) {
                    return branch;
                }
            }
        }
        return s;
    }

    /** Every object of the schema that lists its keys, by a readable location. */
    private static void schemaObjects(JsonNode defs, JsonNode s, String at, Map<JsonNode, String> out) {
        s = resolve(defs, s, null);
        if (s.has("properties")) {
            out.putIfAbsent(s, at);
            s.get("properties").fields().forEachRemaining(p -> schemaObjects(defs, p.getValue(), at + "/" + p.getKey(), out));
        }
        if (s.has("items")) {
            schemaObjects(defs, s.get("items"), at + "/*", out);
        }
        if (s.has("oneOf") && s.get("oneOf").get(0).has("properties") && s.get("oneOf").get(0).at("/properties/type").has("const")) {
            for (JsonNode branch : s.get("oneOf")) {
                schemaObjects(defs, branch, at + "[" + branch.at("/properties/type/const").asText() + "]", out);
            }
        }
    }

    /**
     * Adds the probe key at {@code node} (pointer {@code at}), has the reader refuse it, records
     * the keys its message accepts, checks the schema refuses it too, and recurses into the
     * children the schema describes.
     */
    private void probe(CaseSchema.Kind kind, String name, ObjectNode doc, JsonNode node, String at, JsonNode schema,
                       JsonNode defs, Map<JsonNode, Set<String>> accepted) throws Exception {
        JsonNode s = resolve(defs, schema, node);
        if (node.isArray() && s.has("items")) {
            for (int k = 0; k < node.size(); k++) {
                probe(kind, name, doc, node.get(k), at + "/" + k, s.get("items"), defs, accepted);
            }
            return;
        }
        if (!node.isObject() || !s.has("properties")) {
            return;
        }
        ObjectNode o = (ObjectNode) node;
        o.put(PROBE, 1);
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        o.remove(PROBE);
        assertThat(CaseSchema.violations(text.getBytes(StandardCharsets.UTF_8), kind)).as(name + " " + at).isNotEmpty();
        Throwable refusal = catchThrowable(() -> read(kind, text));
        assertThat(refusal).as(name + ": the reader refuses " + at + "/" + PROBE).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(at + "/" + PROBE + ": unknown key");
        String message = refusal.getMessage();
        Set<String> keys = accepted.computeIfAbsent(s, x -> new HashSet<>());
        int list = message.indexOf("expected one of ");
        if (list >= 0) {
            keys.addAll(Arrays.asList(message.substring(list + "expected one of ".length()).split(", ")));
        }
        Set<String> schemaKeys = new HashSet<>();
        s.get("properties").fieldNames().forEachRemaining(schemaKeys::add);
        assertThat(schemaKeys).as(name + ": keys the reader accepts at " + at + " that the schema lacks").containsAll(keys);
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (s.get("properties").has(f.getKey())) {
                probe(kind, name, doc, f.getValue(), at + "/" + f.getKey(), s.get("properties").get(f.getKey()), defs, accepted);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"film-3d:/grid/spcing", "film-3d:/physics/drive/lw", "film-3d:/time/schem",
        "film-3d:/output/plot", "film-3d:/initial/channel/r", "set-reset-2d:/grid/spcing",
        "set-reset-2d:/physics/heat/film/k", "set-reset-2d:/time/stp", "set-reset-2d:/protocol/read/wdth",
        "set-reset-2d:/output/plot", "set-reset-2d:/initial/channel/r"})
    void anUnknownKeyIsRefusedByBothAndTheReaderNamesIt(String caseAndPointer) throws Exception {
        String pointer = caseAndPointer.substring(caseAndPointer.indexOf(':') + 1);
        ObjectMapper m = new ObjectMapper();
        ObjectNode doc = (ObjectNode) m.readTree(Files.readAllBytes(root().resolve("experiments/cases/"
                + caseAndPointer.substring(0, caseAndPointer.indexOf(':')) + ".json")));
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
