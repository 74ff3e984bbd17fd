package org.hafnia.experiments.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.hafnia.meshes.InvalidInputException;

/**
 * The JSON Schema (2020-12) of a {@code hafnia run} case, {@value #RESOURCE}: every key, its type,
 * unit, range, default and meaning. {@link CaseReader} validates each case against it after its
 * own checks, and {@link CaseReference} generates docs/case-reference.md from it.
 */
public final class CaseSchema {

    /** Class-path location of the schema. */
    public static final String RESOURCE = "/org/hafnia/experiments/cases/case.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile JsonSchema schema;

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

    /** The violations of the case text {@code json}, in document order (empty when valid). */
    public static Set<ValidationMessage> violations(byte[] json) {
        try {
            return schema().validate(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new InvalidInputException("not JSON: " + e.getMessage(), e);
        }
    }

    /** Refuses a case that violates the schema, with one line naming the file and the first violation's path. */
    static void check(byte[] json, String source) {
        Set<ValidationMessage> v = violations(json);
        if (!v.isEmpty()) {
            ValidationMessage first = v.stream()
                    .min(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())).orElseThrow();
            throw new InvalidInputException(source + ": " + first.getInstanceLocation() + ": " + first.getMessage()
                    + " (docs/case-reference.md)");
        }
    }
}
