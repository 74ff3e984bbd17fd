package org.hafnia.experiments.programming;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Softmax regression (64 inputs → 10 classes) trained by full-batch gradient descent on the
 * cross-entropy with L2 weight decay; dense work in ND4J. Weights are a 65 × 10 matrix whose last
 * row is the bias (an input fixed at 1), so one crossbar column per class holds bias and weights.
 */
public final class SoftmaxClassifier {

    /** Learning rate, iterations and L2 coefficient (chosen so training converges on the digits set in ~1 s). */
    static final double RATE = 0.5;
    static final int ITERATIONS = 600;
    static final double L2 = 1e-4;

    private SoftmaxClassifier() {
    }

    /** Inputs with the constant bias column appended. */
    static INDArray design(DigitsDataset d) {
        INDArray x = Nd4j.create(d.pixels()).castTo(DataType.DOUBLE);
        return Nd4j.hstack(x, Nd4j.ones(DataType.DOUBLE, x.rows(), 1));
    }

    /** Trained 65 × 10 weights (last row bias). */
    public static double[][] train(DigitsDataset d) {
        INDArray x = design(d);
        int n = x.rows();
        INDArray y = Nd4j.zeros(DataType.DOUBLE, n, 10);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, d.labels()[i], 1.0);
        }
        INDArray w = Nd4j.zeros(DataType.DOUBLE, 65, 10);
        INDArray xt = x.transpose();
        for (int it = 0; it < ITERATIONS; it++) {
            INDArray p = softmax(x.mmul(w));
            INDArray grad = xt.mmul(p.subi(y)).divi(n).addi(w.mul(L2));
            w.subi(grad.muli(RATE));
        }
        return w.toDoubleMatrix();
    }

    /** Test accuracy of weights {@code w} (65 × 10). */
    public static double accuracy(DigitsDataset d, double[][] w) {
        INDArray scores = design(d).mmul(Nd4j.create(w));
        INDArray predicted = scores.argMax(1);
        int correct = 0;
        for (int i = 0; i < d.labels().length; i++) {
            correct += predicted.getInt(i) == d.labels()[i] ? 1 : 0;
        }
        return (double) correct / d.labels().length;
    }

    private static INDArray softmax(INDArray z) {
        INDArray shifted = z.subColumnVector(z.max(1).reshape(z.rows(), 1));
        INDArray e = Transforms.exp(shifted, false);
        return e.diviColumnVector(e.sum(1).reshape(z.rows(), 1));
    }
}
