package org.hafnia.experiments.array;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.function.IntConsumer;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.io.RunStorage;

/**
 * Finds an array engine by name. The Spark engine is loaded by reflection only when named (as the
 * optional solver backends, {@code AllenCahnBackends}), so a run on the local engine never loads a
 * Spark class, and the default class path ({@code hafnia.jar}) holds none.
 */
public final class ArrayEngines {

    /** Name of the embedded engine. */
    public static final String LOCAL = "local";

    /** Name of the Spark engine. */
    public static final String SPARK = "spark";

    /** Implementation of the Spark engine, in the module hafnia-engine-spark. */
    static final String SPARK_CLASS = "org.hafnia.engine.spark.SparkArrayEngine";

    private ArrayEngines() {
    }

    /** The names accepted by {@link #named}. */
    public static List<String> names() {
        return List.of(LOCAL, SPARK);
    }

    /**
     * The engine called {@code name}.
     *
     * @throws InvalidInputException for an unknown name, or the Spark engine when it (or Spark) is not on the class path
     */
    public static ArrayEngine named(String name) {
        return switch (name) {
            case LOCAL -> new Local();
            case SPARK -> load(SPARK_CLASS, name);
            default -> throw new InvalidInputException("--engine " + name + ": expected one of " + names());
        };
    }

    private static ArrayEngine load(String className, String name) {
        String absent = "--engine " + name + ": the Spark engine is not on the class path; build it (mvn -B package, "
                + "module engine-spark) and run ./hafnia, which adds its class path for --engine spark (docs/spark.md)";
        try {
            // spark-submit loads the application jar in its own class loader, the context class loader of main.
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            ClassLoader loader = context != null ? context : ArrayEngines.class.getClassLoader();
            return (ArrayEngine) Class.forName(className, true, loader).getConstructor().newInstance();
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new InvalidInputException(absent, e);
        } catch (InvocationTargetException e) {
            throw new InvalidInputException("--engine " + name + " cannot start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new InvalidInputException("--engine " + name + " cannot start: " + e, e);
        }
    }

    /** The embedded engine: a work-stealing pool of {@code threads} workers, one task per batch. */
    private static final class Local implements ArrayEngine {
        @Override
        public String name() {
            return LOCAL;
        }

        @Override
        public void run(ArrayRecipe recipe, RunStorage store, Settings settings, IntConsumer deviceDone) {
            recipe.study().runLocal(store, settings.threads(), deviceDone);
        }
    }
}
