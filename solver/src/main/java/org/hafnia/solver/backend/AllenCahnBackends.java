package org.hafnia.solver.backend;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.hafnia.meshes.InvalidInputException;

/**
 * Finds a backend by name. Optional backends are loaded by reflection only when named, so a
 * command that runs the Java backend never loads their classes or native libraries.
 */
public final class AllenCahnBackends {

    /** Name of the ND4J backend. */
    public static final String ND4J = "nd4j";

    /** Implementation of the ND4J backend, in the module hafnia-solver-nd4j. */
    static final String ND4J_CLASS = "org.hafnia.solver.nd4j.Nd4jBackend";

    private AllenCahnBackends() {
    }

    /** The names accepted by {@link #named}. */
    public static List<String> names() {
        return List.of(JavaBackend.NAME, ND4J);
    }

    /**
     * The backend called {@code name}.
     *
     * @throws InvalidInputException for an unknown name, or a backend that is not on the class
     *                               path or whose native library does not load here
     */
    public static AllenCahnBackend named(String name) {
        return switch (name) {
            case JavaBackend.NAME -> new JavaBackend();
            case ND4J -> load(ND4J_CLASS, name);
            default -> throw new InvalidInputException("unknown backend '" + name + "': expected one of " + names());
        };
    }

    private static AllenCahnBackend load(String className, String name) {
        try {
            return (AllenCahnBackend) Class.forName(className).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new InvalidInputException("backend '" + name + "' is not on the class path (module hafnia-solver-"
                    + name + ")", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new InvalidInputException("backend '" + name + "' cannot start on this machine: " + cause, cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new InvalidInputException("backend '" + name + "' cannot start on this machine: " + e, e);
        }
    }
}
