package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.postprocess.maps.MapFormats;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.SiUnits;
import org.hafnia.postprocess.maps.io.GwyFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hafnia convert IN OUT}: converts a map between formats chosen by file extension. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        header = "Convert maps: CSV/TSV, Gwyddion text, JSON, HDF5, .gsf, .gwy.",
        description = {"Convert a map between formats, chosen by extension: .csv .tsv .txt (Gwyddion text matrix)",
            ".json .h5 .gsf (Gwyddion Simple Field) .gwy (Gwyddion native).",
            "Physical size, origin offsets and units are kept; what the input lacks is taken from the options or reported as assumed.",
            "A .gwy input with several channels: --list-channels lists them, --channel N|TITLE picks one (default the first)."})
public final class ConvertCommand implements Callable<Integer> {

    private static final Pattern SIZE = Pattern.compile("\\s*([0-9.eE+-]+)\\s*[x×X]\\s*([0-9.eE+-]+)\\s*");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Input map.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", arity = "0..1", description = "Output map (written atomically).")
    Path out;

    @Option(names = "--channel", paramLabel = "N|TITLE",
            description = "Channel of a .gwy input, by number (as /N/data) or title; default the lowest-numbered.")
    String channel;

    @Option(names = "--list-channels", description = "List the channels of a .gwy input (number and title) and exit.")
    boolean listChannels;

    @Option(names = "--size", paramLabel = "WxH", description = "Physical width × height, e.g. 500x580 (with --unit); overrides the file's size.")
    String size;

    @Option(names = "--unit", paramLabel = "U", description = "Lateral unit of --size (nm, µm, m or reduced); alone, converts the file's size to U.")
    String unit;

    @Option(names = "--z-unit", paramLabel = "U", description = "Unit of the values: labels unitless input, converts input with a unit (e.g. A to pA).")
    String zUnit;

    @Option(names = "--flip", description = "Reverse the row order of the input (when its first row is the top of the image, not y = 0).")
    boolean flip;

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        boolean gwy = MapFormats.forPath(in) == GwyFormat.INSTANCE;
        if ((channel != null || listChannels) && !gwy) {
            throw new InvalidInputException((listChannels ? "--list-channels" : "--channel")
                    + " applies to a .gwy input, but " + in + " holds one map");
        }
        if (listChannels) {
            for (GwyFormat.Channel c : GwyFormat.INSTANCE.channels(in)) {
                log.println(c);
            }
            log.flush();
            return 0;
        }
        if (out == null) {
            throw new InvalidInputException("missing OUT: give the output map, e.g. hafnia convert " + in + " map.gsf");
        }
        MapFormats.forPath(out); // an unknown output format is refused before any work
        if (zUnit != null && !SiUnits.known(zUnit)) {
            throw new InvalidInputException("--z-unit '" + zUnit + "': expected " + SiUnits.knownDescription());
        }
        ScanMap map = gwy ? GwyFormat.INSTANCE.read(in, channel) : MapFormats.read(in);
        log.println("read " + in + ": " + map.describe());
        if (gwy) {
            List<GwyFormat.Channel> all = GwyFormat.INSTANCE.channels(in);
            if (all.size() > 1) {
                log.println("note: " + in + " holds " + all.size() + " channels ("
                        + all.stream().map(GwyFormat.Channel::toString).collect(Collectors.joining(", "))
                        + "); converted only channel '" + map.title() + "'. Choose another with --channel N|TITLE.");
            }
        }
        if (flip) {
            map = map.withValues(map.field().flippedVertically().values());
            log.println("note: rows reversed (--flip): the input's first row is now the top");
        } else if (!map.sizeKnown() && !MapFormats.forPath(in).extensions().contains("txt")) {
            log.println("assumed: " + in + " is a plain matrix whose first row is y = 0 (the bottom of the map);"
                    + " give --flip if its first row is the top");
        }
        map = applySize(map, log);
        map = applyZUnit(map, log);
        MapFormats.write(map, out);
        log.println("wrote " + out + " (" + MapFormats.forPath(out).name() + "): " + map.describe());
        log.flush();
        return 0;
    }

    /** The map with the size from --size/--unit, or as read with any assumption printed. */
    static ScanMap sized(ScanMap map, String size, String unit, Path source, PrintWriter log) {
        if (size != null) {
            Matcher m = SIZE.matcher(size);
            if (!m.matches()) {
                throw new InvalidInputException("--size '" + size + "': expected WIDTHxHEIGHT, e.g. 500x580");
            }
            if (unit == null) {
                throw new InvalidInputException("--size needs --unit (nm, µm, m or reduced): the unit is never guessed");
            }
            LengthUnit u = LengthUnit.parse(unit);
            double w;
            double h;
            try {
                w = Double.parseDouble(m.group(1));
                h = Double.parseDouble(m.group(2));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--size '" + size + "': expected two numbers, e.g. 500x580");
            }
            if (map.sizeKnown()) {
                log.println("note: --size replaces the size given in " + source + " ("
                        + map.describe().split(", ")[1] + ")");
            }
            return map.withSize(w, h, u);
        }
        if (unit != null) {
            LengthUnit u = LengthUnit.parse(unit);
            if (!map.sizeKnown() || map.grid().unit() == LengthUnit.REDUCED || u == LengthUnit.REDUCED) {
                throw new InvalidInputException("--unit " + unit + " without --size can only convert a physical size, but "
                        + source + " has " + (map.sizeKnown() ? "a size in reduced units" : "no size") + "; give --size WxH");
            }
            double f = map.grid().unit().metres() / u.metres();
            return map.withSize(map.grid().width() * f, map.grid().height() * f, u);
        }
        if (!map.sizeKnown()) {
            log.printf(Locale.ROOT, "assumed: %s gives no physical size; using 1 reduced unit per pixel (%d × %d)."
                    + " Give --size WxH --unit U to set it.%n", source, map.grid().nx(), map.grid().ny());
        }
        return map;
    }

    private ScanMap applySize(ScanMap map, PrintWriter log) {
        return sized(map, size, unit, in, log);
    }

    private ScanMap applyZUnit(ScanMap map, PrintWriter log) {
        if (zUnit == null) {
            if (map.zUnit().isEmpty()) {
                log.println("assumed: " + in + " gives no value unit; the values are written without one."
                        + " Give --z-unit U to label them.");
            }
            return map;
        }
        if (map.zUnit().isEmpty()) {
            log.println("note: values labelled '" + zUnit + "' (" + in + " gives no unit)");
            return map.labelledIn(zUnit);
        }
        double f = SiUnits.conversion(map.zUnit(), zUnit);
        if (f != 1) {
            log.printf(Locale.ROOT, "note: values converted from %s to %s (× %g)%n", map.zUnit(), zUnit, f);
        }
        return map.convertedTo(zUnit);
    }
}
