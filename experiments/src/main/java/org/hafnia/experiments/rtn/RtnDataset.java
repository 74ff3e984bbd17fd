package org.hafnia.experiments.rtn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.rtn.RtnTrace;
import org.hafnia.postprocess.rtn.RtnTraceReader;
import org.hafnia.postprocess.rtn.VoltageWindow;
import org.hafnia.postprocess.rtn.VoltageWindowFinder;
import org.hafnia.postprocess.rtn.WindowConsensus;

/**
 * The traces of one or more folders (every {@code *.csv}, in name order) with their common read
 * windows. A file that cannot be read, has no recognisable windows, or whose windows disagree
 * with the other traces' is bad: it is listed with the reason, never silently dropped.
 *
 * @param traces    the good traces
 * @param consensus their common windows
 * @param bad       per bad file, the reason (a message naming the file)
 */
public record RtnDataset(List<RtnTrace> traces, WindowConsensus consensus, Map<Path, String> bad) {

    /**
     * @param boundaryTolerance largest disagreement of a window boundary with the other traces, samples
     * @param voltageTolerance  largest disagreement of a window voltage, V
     */
    public static RtnDataset load(List<Path> folders, RtnTraceReader reader, VoltageWindowFinder finder,
                                  int boundaryTolerance, double voltageTolerance) {
        List<Path> files = csvFiles(folders);
        Map<Path, String> bad = new LinkedHashMap<>();
        Map<Path, RtnTrace> read = new LinkedHashMap<>();
        Map<String, List<VoltageWindow>> windows = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                RtnTrace t = reader.read(f);
                windows.put(t.source(), finder.find(t));
                read.put(f, t);
            } catch (InvalidInputException e) {
                bad.put(f, e.getMessage());
            }
        }
        if (read.isEmpty()) {
            return new RtnDataset(List.of(), new WindowConsensus(List.of(), Map.of(), 0), bad);
        }
        WindowConsensus consensus = WindowConsensus.of(windows, boundaryTolerance, voltageTolerance);
        List<RtnTrace> good = new ArrayList<>();
        read.forEach((f, t) -> {
            String why = consensus.disagreeing().get(t.source());
            if (why == null) {
                good.add(t);
            } else {
                bad.put(f, t.source() + ": " + why);
            }
        });
        return new RtnDataset(List.copyOf(good), consensus, bad);
    }

    /** The {@code *.csv} files directly in each folder, each folder's in name order. */
    static List<Path> csvFiles(List<Path> folders) {
        List<Path> files = new ArrayList<>();
        for (Path dir : folders) {
            if (!Files.isDirectory(dir)) {
                throw new InvalidInputException(dir + ": not a folder (expected a folder of trace *.csv files)");
            }
            try (Stream<Path> list = Files.list(dir)) {
                List<Path> csv = list.filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p))
                        .sorted().toList();
                if (csv.isEmpty()) {
                    throw new InvalidInputException(dir + ": no *.csv trace files");
                }
                files.addAll(csv);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        return files;
    }
}
