package org.hafnia.experiments.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.hafnia.meshes.InvalidInputException;

/**
 * The JSON Schema (2020-12) of the case files, {@value #RESOURCE}: every key, its type, unit,
 * range, default and meaning, for each {@link Kind} of case (one schema, the kinds in
 * {@code $defs}, told apart at the top by {@code if}/{@code then}/{@code else} so that a generic
 * validator checks any case file). Each reader ({@link CaseReader},
 * {@code experiments.device.DeviceCaseFile}, {@code EcramCaseFile}) validates a case against its
 * own kind after its own checks, and {@link CaseReference} generates docs/case-reference.md from it.
 */
public final class CaseSchema {

    /** Class-path location of the schema. */
    public static final String RESOURCE = "/org/hafnia/experiments/cases/case.schema.json";

    /** The kinds of case file, each a {@code $defs} entry of the schema. */
    public enum Kind {
        /** {@code hafnia run} of a 3D film (grid with {@code nz}): the reduced-unit reference. */
        RUN("run_case"),
        /** {@code hafnia run} of a plan-view case (grid without {@code nz}): the one device model. */
        DEVICE_RUN("device_run_case"),
        /** The physical film device of {@code extract}, {@code denoise}, {@code program}, {@code array}. */
        DEVICE("device_case"),
        /** The compact ECRAM device ({@code "device": {"model": "ecram"}}). */
        ECRAM("ecram_case");

        private final String definition;

        Kind(String definition) {
            this.definition = definition;
        }

        /** The kind's name in the schema's {@code $defs}. */
        public String definition() {
            return definition;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile JsonSchema schema;
    private static final Map<Kind, JsonSchema> KINDS = new ConcurrentHashMap<>();

    private CaseSchema() {
    }

    /** The schema document. */
    public static JsonNode document() {
        try (InputStream in = CaseSchema.class.getResourceAsStream(RESOURCE)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static JsonSchema schema() {
        JsonSchema s = schema;
        if (s == null) {
            s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document());
            schema = s;
        }
        return s;
    }

    /** The schema of one kind: its {@code $defs} entry with the schema's {@code $defs} (units, σ law) beside it. */
    private static JsonSchema schema(Kind kind) {
        return KINDS.computeIfAbsent(kind, k -> {
            JsonNode doc = document();
            ObjectNode s = ((ObjectNode) doc.get("$defs").get(k.definition())).deepCopy();
            s.set("$schema", doc.get("$schema"));
            s.set("$defs", doc.get("$defs"));
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(s);
        });
    }

    /** The violations of the case text {@code json}, of whichever kind its keys select (empty when valid). */
    public static Set<ValidationMessage> violations(byte[] json) {
        return validate(schema(), json);
    }

    /** The violations of the case text {@code json} as a case of {@code kind} (empty when valid). */
    public static Set<ValidationMessage> violations(byte[] json, Kind kind) {
        return validate(schema(kind), json);
    }

    private static Set<ValidationMessage> validate(JsonSchema s, byte[] json) {
        try {
            return s.validate(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new InvalidInputException("not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a case of {@code kind} that violates the schema, with one line naming the file and
     * the first violation's path.
     */
    public static void check(byte[] json, String source, Kind kind) {
        Set<ValidationMessage> v = violations(json, kind);
        if (!v.isEmpty()) {
            ValidationMessage first = v.stream()
                    .min(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())).orElseThrow();
            throw new InvalidInputException(source + ": " + first.getInstanceLocation() + ": " + first.getMessage()
                    + " (docs/case-reference.md)");
        }
    }
}
