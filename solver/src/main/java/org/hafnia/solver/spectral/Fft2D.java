package org.hafnia.solver.spectral;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.hafnia.meshes.InvalidInputException;

/**
 * In-place 2D discrete Fourier transform of a complex field held as two flat row-major arrays
 * (real and imaginary parts, index j·nx + i), by commons-math3's radix-2 FFT along rows, then
 * columns. Sizes must be powers of two. The forward transform is unnormalised, the inverse
 * divides by nx·ny. Buffers are allocated once; not thread-safe.
 */
public final class Fft2D {

    private final int nx;
    private final int ny;
    private final double[][] row;
    private final double[][] column;

    public Fft2D(int nx, int ny) {
        if (Integer.bitCount(nx) != 1 || Integer.bitCount(ny) != 1) {
            throw new InvalidInputException("the spectral solver needs grid sizes that are powers of two, got " + nx + " × " + ny);
        }
        this.nx = nx;
        this.ny = ny;
        this.row = new double[2][nx];
        this.column = new double[2][ny];
    }

    public void forward(double[] re, double[] im) {
        transform(re, im, TransformType.FORWARD);
    }

    public void inverse(double[] re, double[] im) {
        transform(re, im, TransformType.INVERSE);
    }

    private void transform(double[] re, double[] im, TransformType type) {
        for (int j = 0; j < ny; j++) {
            System.arraycopy(re, j * nx, row[0], 0, nx);
            System.arraycopy(im, j * nx, row[1], 0, nx);
            FastFourierTransformer.transformInPlace(row, DftNormalization.STANDARD, type);
            System.arraycopy(row[0], 0, re, j * nx, nx);
            System.arraycopy(row[1], 0, im, j * nx, nx);
        }
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                column[0][j] = re[j * nx + i];
                column[1][j] = im[j * nx + i];
            }
            FastFourierTransformer.transformInPlace(column, DftNormalization.STANDARD, type);
            for (int j = 0; j < ny; j++) {
                re[j * nx + i] = column[0][j];
                im[j * nx + i] = column[1][j];
            }
        }
    }
}
