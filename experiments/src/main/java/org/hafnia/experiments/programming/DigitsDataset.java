package org.hafnia.experiments.programming;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.reference.ReferenceData;

/**
 * The digits set ({@code ../shared/datasets/digits.csv.gz}, see its README): 8 × 8 pixels with
 * intensities 0–16 then the label 0–9 per line. Pixels are scaled to [0, 1]. A fixed seeded
 * shuffle splits it into train and test.
 *
 * @param pixels 64 values per image
 * @param labels 0–9
 */
public record DigitsDataset(double[][] pixels, int[] labels) {

    public static final String FILE = "digits.csv.gz";

    /** The datasets folder beside the reference data. */
    public static Path locate() {
        return ReferenceData.locate(null).directory().toAbsolutePath().normalize().getParent().resolve("datasets")
                .resolve(FILE);
    }

    public static DigitsDataset read(Path file) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.US_ASCII))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                if (f.length != 65) {
                    throw new InvalidInputException(file + ": line " + no + ": expected 65 comma-separated values, got " + f.length);
                }
                double[] px = new double[64];
                try {
                    for (int i = 0; i < 64; i++) {
                        px[i] = Double.parseDouble(f[i].trim()) / 16.0;
                    }
                    y.add((int) Double.parseDouble(f[64].trim()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(file + ": line " + no + ": not a number: " + e.getMessage());
                }
                x.add(px);
            }
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read digits: " + e.getMessage());
        }
        return new DigitsDataset(x.toArray(double[][]::new), y.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {train, test} after a shuffle seeded by {@code seed}, the first {@code trainFraction} for training. */
    public DigitsDataset[] split(double trainFraction, long seed) {
        int n = labels.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int nTrain = (int) Math.round(trainFraction * n);
        return new DigitsDataset[] {subset(order, 0, nTrain), subset(order, nTrain, n)};
    }

    private DigitsDataset subset(int[] order, int from, int to) {
        double[][] x = new double[to - from][];
        int[] y = new int[to - from];
        for (int i = from; i < to; i++) {
            x[i - from] = pixels[order[i]];
            y[i - from] = labels[order[i]];
        }
        return new DigitsDataset(x, y);
    }
}
