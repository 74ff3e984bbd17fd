package org.hafnia.postprocess.maps.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.SiUnits;

/** File access shared by the map formats, turning I/O failures into user-facing messages. */
final class MapFiles {

    /** Largest map file read into memory: 1 GiB (far above a 4096² float64 scan of 128 MiB). */
    private static final long MAX_BYTES = 1L << 30;

    private MapFiles() {
    }

    static byte[] readAll(Path file) {
        checkSize(file);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": file not found");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Refuses a missing file, or one larger than a map file may be. */
    static void checkSize(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidInputException(file + ": " + size + " bytes is larger than the 1 GiB a map file may have");
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": file not found");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The map of {@code nx × ny} values with a physical size {@code width × height} given in the
     * lateral unit string {@code xyUnit} (any SI prefix of m, or blank for reduced units).
     */
    static ScanMap sized(Path file, ScanMap map, double width, double height, String xyUnit) {
        if (!(width > 0) || !(height > 0) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new InvalidInputException(file + ": physical size must be positive and finite, got "
                    + width + " × " + height + " " + xyUnit);
        }
        LengthUnit unit;
        double per;
        try {
            per = SiUnits.metresPer(xyUnit);
            unit = SiUnits.gridUnit(xyUnit, width * per);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.getMessage(), e);
        }
        if (unit == LengthUnit.REDUCED || per == unit.metres()) {
            return map.withSize(width, height, unit);
        }
        return map.withSize(width * per / unit.metres(), height * per / unit.metres(), unit);
    }

    /**
     * The map with its origin at ({@code x}, {@code y}) given in metres (in reduced units for a
     * map in reduced units), converted to the map's grid unit.
     */
    static ScanMap offset(ScanMap map, double x, double y) {
        double per = map.grid().unit() == LengthUnit.REDUCED ? 1 : map.grid().unit().metres();
        return map.withOffset(x / per, y / per);
    }

    /** Metres per lateral unit {@code xyUnit} (validated by {@link #sized} before), 1 for reduced units. */
    static double metresPerOr1(String xyUnit) {
        double per = SiUnits.metresPer(xyUnit);
        return Double.isNaN(per) ? 1 : per;
    }

    static long checkedCount(Path file, long xres, long yres) {
        if (xres < 1 || yres < 1) {
            throw new InvalidInputException(file + ": resolution must be at least 1 × 1, got " + xres + " × " + yres);
        }
        long n = xres * yres;
        if (n > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException(file + ": resolution " + xres + " × " + yres + " is too large");
        }
        return n;
    }
}
