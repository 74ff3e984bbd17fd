package org.hafnia.postprocess.maps;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.maps.api.MapFormat;
import org.hafnia.postprocess.maps.io.GsfFormat;
import org.hafnia.postprocess.maps.io.GwyFormat;
import org.hafnia.postprocess.maps.io.Hdf5MapFormat;
import org.hafnia.postprocess.maps.io.JsonMapFormat;
import org.hafnia.postprocess.maps.io.TextMatrixFormat;

/** The map formats, chosen by file extension. */
public final class MapFormats {

    /** Every supported format. */
    public static final List<MapFormat> ALL = List.of(TextMatrixFormat.CSV, TextMatrixFormat.TSV,
            TextMatrixFormat.GWYDDION_TEXT, JsonMapFormat.INSTANCE, Hdf5MapFormat.INSTANCE, GsfFormat.INSTANCE,
            GwyFormat.INSTANCE);

    private MapFormats() {
    }

    /** The format of {@code file} by its extension. */
    public static MapFormat forPath(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (MapFormat f : ALL) {
            if (f.extensions().contains(ext)) {
                return f;
            }
        }
        throw new InvalidInputException(file + ": unknown map format '." + ext + "': expected one of "
                + ALL.stream().flatMap(f -> f.extensions().stream()).map(e -> "." + e).collect(Collectors.joining(" ")));
    }

    public static ScanMap read(Path file) {
        return forPath(file).read(file);
    }

    public static void write(ScanMap map, Path file) {
        forPath(file).write(map, file);
    }
}
