package org.hafnia.experiments.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Generates docs/case-reference.md from {@link CaseSchema}: a section per {@link CaseSchema.Kind},
 * one table row per key, by JSON pointer, with type (or unit), whether it is required, its
 * default and its meaning; protocol steps one table per step type. {@code CaseReferenceTest} fails when the committed file differs
 * from what this writes.
 */
public final class CaseReference {

    private CaseReference() {
    }

    /** Writes the reference to {@code args[0]} (default docs/case-reference.md). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/case-reference.md");
        Files.writeString(out, markdown(), StandardCharsets.UTF_8);
    }

    /** The reference text. */
    public static String markdown() {
        JsonNode s = CaseSchema.document();
        JsonNode defs = s.get("$defs");
        StringBuilder md = new StringBuilder();
        md.append("# Case file reference\n\n")
                .append("<!-- Generated from experiments/src/main/resources").append(CaseSchema.RESOURCE)
                .append(" by org.hafnia.experiments.cases.CaseReference; do not edit. -->\n\n")
                .append(s.get("description").asText()).append("\n\n");
        for (CaseSchema.Kind kind : CaseSchema.Kind.values()) {
            JsonNode k = defs.get(kind.definition());
            md.append("- [").append(k.get("title").asText()).append("](#").append(k.get("title").asText()
                    .toLowerCase(java.util.Locale.ROOT).replace(' ', '-')).append(")\n");
        }
        md.append("\nQuantities carry units: a string such as `\"5 nm\"` or `{\"value\": 5, \"unit\": \"nm\"}`.")
                .append(" Units per kind:\n\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> d = it.next();
            if (d.getValue().has("oneOf")) {
                md.append("- **").append(d.getKey().replace('_', ' ')).append("**: ")
                        .append(d.getValue().get("description").asText()).append('\n');
            }
        }
        for (CaseSchema.Kind kind : CaseSchema.Kind.values()) {
            JsonNode k = defs.get(kind.definition());
            md.append("\n## ").append(k.get("title").asText()).append("\n\n")
                    .append(k.get("description").asText()).append("\n\n").append(HEADER);
            rows(md, defs, k, "");
            if (kind == CaseSchema.Kind.RUN) {
                for (JsonNode step : object(defs, k.at("/properties/protocol")).at("/properties/steps/items/oneOf")) {
                    String type = step.at("/properties/type/const").asText();
                    md.append("\n### Protocol step `\"type\": \"").append(type).append("\"`\n\n")
                            .append(step.get("description").asText()).append("\n\n").append(HEADER);
                    rows(md, defs, step, "/protocol/steps/*");
                }
            }
        }
        return md.toString();
    }

    private static final String HEADER = "| key | type | required | default | meaning |\n|---|---|---|---|---|\n";

    /** The object schema a property names: itself, or the {@code $defs} entry of its {@code $ref} when that is an object. */
    private static JsonNode object(JsonNode defs, JsonNode v) {
        if (v.has("$ref")) {
            JsonNode d = defs.path(v.get("$ref").asText().replace("#/$defs/", ""));
            return "object".equals(d.path("type").asText()) ? d : null;
        }
        return "object".equals(v.path("type").asText()) && v.has("properties") ? v : null;
    }

    private static void rows(StringBuilder md, JsonNode defs, JsonNode object, String prefix) {
        Set<String> required = new HashSet<>();
        object.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = object.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            String key = prefix + "/" + p.getKey();
            JsonNode v = p.getValue();
            if (key.equals("/protocol/steps/*/type") || key.equals("/protocol/steps")) {
                if (key.equals("/protocol/steps")) {
                    md.append(row(key, "array of steps", required.contains(p.getKey()), v, "protocol steps, in order (one table per step type, after the 3D run case's keys)"));
                }
                continue;
            }
            JsonNode o = object(defs, v);
            md.append(row(key, o != null ? "object" : type(v), required.contains(p.getKey()), v,
                    v.path("description").asText()));
            if (o != null) {
                rows(md, defs, o, key);
            }
        }
    }

    private static String row(String key, String type, boolean required, JsonNode v, String meaning) {
        String def = v.has("default") ? "`" + v.get("default").toString().replace("\"", "") + "`" : "";
        return "| `" + key + "` | " + type + " | " + (required ? "yes" : "") + " | " + def + " | "
                + meaning.replace("|", "\\|") + " |\n";
    }

    private static String type(JsonNode v) {
        if (v.has("$ref")) {
            return v.get("$ref").asText().replace("#/$defs/", "").replace('_', ' ');
        }
        if (v.has("enum")) {
            StringBuilder e = new StringBuilder("one of");
            v.get("enum").forEach(x -> e.append(" `").append(x.asText()).append('`'));
            return e.toString();
        }
        if (v.has("oneOf")) {
            return "number (× tau0) or time";
        }
        if (v.has("not")) {
            return "not allowed";
        }
        if (v.has("items")) {
            return "array of " + type(v.get("items")) + (v.has("minItems") ? " (≥ " + v.get("minItems").asText() + ")" : "");
        }
        String t = v.path("type").asText();
        String range = "";
        if (v.has("minimum") || v.has("exclusiveMinimum") || v.has("maximum")) {
            range = " in " + (v.has("exclusiveMinimum") ? "(" + v.get("exclusiveMinimum").asText()
                    : "[" + (v.has("minimum") ? v.get("minimum").asText() : "")) + ", "
                    + (v.has("maximum") ? v.get("maximum").asText() : "") + "]";
        }
        return t + range;
    }
}
