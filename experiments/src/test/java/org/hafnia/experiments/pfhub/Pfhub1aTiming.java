package org.hafnia.experiments.pfhub;

public class Pfhub1aTiming {
    public static void main(String[] a) {
        Pfhub1aExperiment e = new Pfhub1aExperiment(Integer.parseInt(a[0]), Double.parseDouble(a[1]));
        System.out.println("F0 = " + e.functional().energy(e.initialCondition()));
        long t0 = System.nanoTime();
        for (var s : e.run(Double.parseDouble(a[2]), t -> { })) {
            System.out.printf("%g %.6f %d %d %.12g %.1fs%n", s.time(), s.freeEnergy(), s.acceptedSteps(), s.rejectedSteps(), s.mass(), (System.nanoTime() - t0) * 1e-9);
        }
    }
}
