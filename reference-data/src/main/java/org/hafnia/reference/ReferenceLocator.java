package org.hafnia.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hafnia.meshes.InvalidInputException;

/**
 * Finds the reference folder, in this order: an explicit folder (the {@code --reference}
 * option), the {@value #ENVIRONMENT} environment variable, then {@code ../shared/reference}
 * beside the project root. The project root is the {@code hafnia.root} system property (set by
 * the launcher and the test runner), or else the nearest folder upwards from the working
 * directory that holds the project's {@code hafnia} launcher.
 */
public final class ReferenceLocator {

    public static final String ENVIRONMENT = "HAFNIA_REFERENCE";
    public static final String ROOT_PROPERTY = "hafnia.root";

    private final Map<String, String> environment;
    private final String rootProperty;
    private final Path workingDirectory;

    ReferenceLocator(Map<String, String> environment, String rootProperty, Path workingDirectory) {
        this.environment = environment;
        this.rootProperty = rootProperty;
        this.workingDirectory = workingDirectory;
    }

    /** A locator reading this process's environment, system properties and working directory. */
    public static ReferenceLocator system() {
        return new ReferenceLocator(System.getenv(), System.getProperty(ROOT_PROPERTY), Path.of("").toAbsolutePath());
    }

    /**
     * The reference folder.
     *
     * @param explicit the folder given on the command line, or null
     * @throws InvalidInputException naming every place looked when none is a folder
     */
    public Path locate(Path explicit) {
        if (explicit != null) {
            return requireDirectory(explicit, "--reference");
        }
        String env = environment.get(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return requireDirectory(Path.of(env), "environment variable " + ENVIRONMENT);
        }
        List<Path> tried = new ArrayList<>();
        for (Path root : candidateRoots()) {
            Path p = root.resolve("..").resolve("shared").resolve("reference").normalize();
            tried.add(p);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new InvalidInputException("reference data folder not found; looked in " + tried
                + ". Give it with --reference DIR or the " + ENVIRONMENT + " environment variable");
    }

    private List<Path> candidateRoots() {
        List<Path> roots = new ArrayList<>();
        if (rootProperty != null && !rootProperty.isBlank()) {
            roots.add(Path.of(rootProperty).toAbsolutePath());
        }
        for (Path d = workingDirectory; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("hafnia")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                roots.add(d);
                break;
            }
        }
        if (roots.isEmpty()) {
            roots.add(workingDirectory);
        }
        return roots;
    }

    private static Path requireDirectory(Path dir, String from) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("reference data folder " + dir.toAbsolutePath() + " (from " + from
                    + ") does not exist or is not a folder");
        }
        return dir;
    }
}
