package org.hafnia.postprocess.maps.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.SiUnits;

/**
 * JSON maps. Read: either a bare 2-D array of rows of numbers (as the authors'
 * {@code initial_state.json}; size unknown) or an object with {@code data} (that array) and the
 * optional keys {@code width}, {@code height}, {@code length_unit}, {@code z_unit},
 * {@code title} and {@code metadata} (an object of strings). Written: the object form. Row 0 of
 * {@code data} is y = 0.
 */
public final class JsonMapFormat extends NamedMapFormat {

    public static final JsonMapFormat INSTANCE = new JsonMapFormat();

    private JsonMapFormat() {
        super("JSON 2-D array", "json");
    }

    @Override
    public ScanMap read(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(MapFiles.readAll(file));
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new InvalidInputException(file + ": not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException(file + ": empty file, expected a JSON array of rows or an object with 'data'");
        }
        if (root.isArray()) {
            return matrix(file, root, "the top-level array");
        }
        if (!root.isObject() || !root.has("data")) {
            throw new InvalidInputException(file + ": expected a JSON array of rows or an object with key 'data'");
        }
        ScanMap m = matrix(file, root.get("data"), "'data'");
        Map<String, String> meta = new LinkedHashMap<>();
        JsonNode md = root.get("metadata");
        if (md != null && !md.isNull()) {
            if (!md.isObject()) {
                throw new InvalidInputException(file + ": 'metadata' must be an object of strings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = md.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                meta.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        m = new ScanMap(m.field(), text(file, root, "z_unit"), text(file, root, "title"), meta, false);
        boolean hasW = root.has("width");
        boolean hasH = root.has("height");
        if (!hasW && !hasH) {
            return m;
        }
        if (hasW != hasH) {
            throw new InvalidInputException(file + ": key '" + (hasW ? "width" : "height") + "' is given without '"
                    + (hasW ? "height" : "width") + "'; give both or neither");
        }
        return MapFiles.sized(file, m, number(file, root, "width"), number(file, root, "height"),
                text(file, root, "length_unit"));
    }

    private static String text(Path file, JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw new InvalidInputException(file + ": key '" + key + "' must be a string, found " + n.getNodeType());
        }
        return n.asText();
    }

    private static double number(Path file, JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (!n.isNumber()) {
            throw new InvalidInputException(file + ": key '" + key + "' must be a number, found " + n.getNodeType());
        }
        return n.asDouble();
    }

    private static ScanMap matrix(Path file, JsonNode rows, String what) {
        if (!rows.isArray() || rows.isEmpty()) {
            throw new InvalidInputException(file + ": " + what + " must be a non-empty array of rows of numbers");
        }
        int ny = rows.size();
        JsonNode first = rows.get(0);
        if (!first.isArray() || first.isEmpty()) {
            throw new InvalidInputException(file + ": row 1 of " + what + " must be a non-empty array of numbers");
        }
        int nx = first.size();
        MapFiles.checkedCount(file, nx, ny);
        double[] v = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            JsonNode row = rows.get(j);
            if (!row.isArray() || row.size() != nx) {
                throw new InvalidInputException(file + ": row " + (j + 1) + " of " + what + " has "
                        + (row.isArray() ? row.size() + " values" : "no array") + ", expected " + nx + " as row 1");
            }
            for (int i = 0; i < nx; i++) {
                JsonNode x = row.get(i);
                if (!x.isNumber()) {
                    throw new InvalidInputException(file + ": row " + (j + 1) + ", column " + (i + 1) + " of " + what
                            + ": expected a number, found " + x.getNodeType());
                }
                v[j * nx + i] = x.asDouble();
            }
        }
        return ScanMap.withoutSize(nx, ny, v, "", "").requireFinite(file.toString());
    }

    @Override
    public void write(ScanMap map, Path file) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", map.title());
        if (map.sizeKnown()) {
            Grid2D g = map.grid();
            o.put("width", g.width());
            o.put("height", g.height());
            o.put("length_unit", g.unit() == LengthUnit.REDUCED ? "" : SiUnits.gwyddionSymbol(g.unit()));
        }
        o.put("z_unit", map.zUnit());
        o.put("layout", "data[j][i]: row j = y index (row 0 is y = 0), column i = x index");
        o.put("metadata", map.metadata());
        double[][] rows = new double[map.grid().ny()][];
        for (int j = 0; j < rows.length; j++) {
            rows[j] = map.field().row(j);
        }
        o.put("data", rows);
        AtomicFiles.write(file, Json.content(o));
    }
}
