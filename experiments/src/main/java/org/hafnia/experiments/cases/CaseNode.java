package org.hafnia.experiments.cases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.hafnia.meshes.InvalidInputException;

/**
 * A JSON object or value of a case file, read strictly: every accessor names the key's JSON
 * pointer (e.g. {@code /grid/spacing}) and its line and column in errors, and {@link #finish()}
 * rejects keys that were never read. Quantities carry units, written {@code "5 nm"} or
 * {@code {"value": 5, "unit": "nm"}}, and are returned in the {@link Dimension}'s base unit.
 */
public final class CaseNode {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern QUANTITY = Pattern.compile(
            "\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*?)\\s*");

    private final String source;
    private final String path;
    private final JsonNode node;
    private final Map<String, JsonLocation> locations;
    private final Set<String> read = new LinkedHashSet<>();

    private CaseNode(String source, String path, JsonNode node, Map<String, JsonLocation> locations) {
        this.source = source;
        this.path = path;
        this.node = node;
        this.locations = locations;
    }

    /** Parses {@code text}; {@code source} names the file in messages. The root must be an object. */
    public static CaseNode parse(String text, String source) {
        Map<String, JsonLocation> locations = new HashMap<>();
        try {
            try (JsonParser p = MAPPER.getFactory().createParser(text)) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                        locations.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation());
                    }
                }
            }
            JsonNode root = MAPPER.readTree(text);
            if (root == null || !root.isObject()) {
                throw new InvalidInputException(source + ": a case file is a JSON object { ... }");
            }
            return new CaseNode(source, "", root, locations);
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            throw new InvalidInputException(String.format(Locale.ROOT, "%s:%d:%d: not valid JSON: %s", source,
                    l.getLineNr(), l.getColumnNr(), e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new InvalidInputException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** This node's JSON pointer ("" for the root). */
    public String path() {
        return path;
    }

    public String source() {
        return source;
    }

    /** An error about this node. */
    public InvalidInputException error(String message) {
        return errorAt(path, message);
    }

    private InvalidInputException errorAt(String pointer, String message) {
        JsonLocation l = locations.get(pointer);
        String where = l == null ? source : String.format(Locale.ROOT, "%s:%d:%d", source, l.getLineNr(), l.getColumnNr());
        return new InvalidInputException(where + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + message);
    }

    private String at(String key) {
        return path + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    private JsonNode raw(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw error("missing key '" + key + "'");
        }
        return v;
    }

    /** The object under {@code key}. */
    public CaseNode object(String key) {
        JsonNode v = raw(key);
        if (!v.isObject()) {
            throw errorAt(at(key), "expected an object { ... }, got " + kind(v));
        }
        return new CaseNode(source, at(key), v, locations);
    }

    /** The object under {@code key}, or null when the key is absent. */
    public CaseNode optionalObject(String key) {
        return has(key) ? object(key) : markRead(key, null);
    }

    /** The value under {@code key} as a node (object, string or number), for keys with several forms. */
    public CaseNode value(String key) {
        return new CaseNode(source, at(key), raw(key), locations);
    }

    public boolean isObject() {
        return node.isObject();
    }

    public boolean isTextual() {
        return node.isTextual();
    }

    public boolean isNumber() {
        return node.isNumber();
    }

    /** The text of this (string) node. */
    public String text() {
        if (!node.isTextual()) {
            throw error("expected a string, got " + kind(node));
        }
        return node.asText();
    }

    /** The elements of the array under {@code key}. */
    public List<CaseNode> array(String key) {
        JsonNode v = raw(key);
        if (!v.isArray()) {
            throw errorAt(at(key), "expected an array [ ... ], got " + kind(v));
        }
        List<CaseNode> out = new ArrayList<>();
        for (int k = 0; k < v.size(); k++) {
            out.add(new CaseNode(source, at(key) + "/" + k, v.get(k), locations));
        }
        return out;
    }

    public String string(String key) {
        JsonNode v = raw(key);
        if (!v.isTextual()) {
            throw errorAt(at(key), "expected a string, got " + kind(v));
        }
        return v.asText();
    }

    public String string(String key, String fallback) {
        return has(key) ? string(key) : markRead(key, fallback);
    }

    /** A string that must be one of {@code choices}. */
    public String choice(String key, String fallback, String... choices) {
        String s = fallback == null ? string(key) : string(key, fallback);
        for (String c : choices) {
            if (c.equals(s)) {
                return s;
            }
        }
        throw errorAt(at(key), "unknown value '" + s + "', expected one of " + String.join(", ", choices));
    }

    public boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return markRead(key, fallback);
        }
        JsonNode v = raw(key);
        if (!v.isBoolean()) {
            throw errorAt(at(key), "expected true or false, got " + kind(v));
        }
        return v.asBoolean();
    }

    /** An integer in [min, max]. */
    public long integer(String key, long min, long max) {
        JsonNode v = raw(key);
        if (!v.isIntegralNumber()) {
            throw errorAt(at(key), "expected an integer, got " + kind(v));
        }
        long x = v.asLong();
        if (x < min || x > max || !v.canConvertToLong()) {
            throw errorAt(at(key), "out of range: " + v.asText() + ", expected " + min + " … " + max);
        }
        return x;
    }

    public long integer(String key, long fallback, long min, long max) {
        return has(key) ? integer(key, min, max) : markRead(key, fallback);
    }

    /** A plain (dimensionless) number in [min, max]. */
    public double number(String key, double min, double max) {
        JsonNode v = raw(key);
        if (!v.isNumber()) {
            throw errorAt(at(key), "expected a number" + (v.isTextual() ? " without a unit" : "") + ", got " + kind(v));
        }
        return inRange(at(key), v.asDouble(), min, max, "");
    }

    public double number(String key, double fallback, double min, double max) {
        return has(key) ? number(key, min, max) : markRead(key, fallback);
    }

    /** A quantity of dimension {@code d} in [min, max] (base unit), returned in the base unit. */
    public double quantity(String key, Dimension d, double min, double max) {
        return value(key).quantity(d, min, max);
    }

    public double quantity(String key, Dimension d, double fallback, double min, double max) {
        return has(key) ? quantity(key, d, min, max) : markRead(key, fallback);
    }

    /** This node as a quantity: {@code "5 nm"} or {@code {"value": 5, "unit": "nm"}}. */
    public double quantity(Dimension d, double min, double max) {
        double number;
        String unit;
        if (node.isObject()) {
            CaseNode o = new CaseNode(source, path, node, locations);
            number = o.number("value", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            unit = o.string("unit");
            o.finish();
        } else if (node.isTextual()) {
            Matcher m = QUANTITY.matcher(node.asText());
            if (!m.matches()) {
                throw error("expected " + d.description() + " such as \"" + d.example() + "\", got \"" + node.asText() + "\"");
            }
            number = Double.parseDouble(m.group(1));
            unit = m.group(2);
        } else if (node.isNumber()) {
            throw error(missingUnit(d));
        } else {
            throw error("expected " + d.description() + ", got " + kind(node));
        }
        if (unit.isBlank()) {
            throw error(missingUnit(d));
        }
        Double f = d.factor(unit);
        if (f == null) {
            throw error("unknown unit '" + unit + "' for " + d.description() + ", expected one of " + d.accepted());
        }
        return inRange(path, number * f, min, max, " " + d.base());
    }

    private static String missingUnit(Dimension d) {
        return "missing unit, expected e.g. \"" + d.example() + "\" or {\"value\":"
                + d.example().split(" ")[0] + ",\"unit\":\"" + d.example().substring(d.example().indexOf(' ') + 1) + "\"}";
    }

    private double inRange(String pointer, double x, double min, double max, String note) {
        if (!(x >= min && x <= max) || Double.isNaN(x)) {
            throw errorAt(pointer, "out of range: " + x + note + ", expected " + range(min, max) + note);
        }
        return x;
    }

    private static String range(double min, double max) {
        String low = min == Double.MIN_VALUE ? "> 0" : (min == -Double.MIN_VALUE ? "< 0" : "≥ " + min);
        if (max == Double.POSITIVE_INFINITY) {
            return low;
        }
        if (min == Double.NEGATIVE_INFINITY) {
            return "≤ " + max;
        }
        if (max == -Double.MIN_VALUE) {
            return "< 0 and ≥ " + min;
        }
        return min == Double.MIN_VALUE ? "> 0 and ≤ " + max : min + " … " + max;
    }

    private <T> T markRead(String key, T value) {
        read.add(key);
        return value;
    }

    /** Rejects the keys of this object that were never read. */
    public void finish() {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!read.contains(k)) {
                throw errorAt(at(k), "unknown key '" + k + "'" + (read.isEmpty() ? "" : "; expected one of "
                        + String.join(", ", read)));
            }
        }
    }

    private static String kind(JsonNode v) {
        if (v.isTextual()) {
            return "the string \"" + v.asText() + "\"";
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        return v.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
