package dev.rpt.cli;

import dev.rpt.core.config.ConfigException;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How to run the project's prompt tests: their class path and where the compiled classes are. */
final class TestOptions {

    static final String ENGINE = "dev/rpt/junit/launch/PromptTestLauncher.class";
    static final String LAUNCHER = "org/junit/platform/launcher/core/LauncherFactory.class";

    @Option(
            names = "--classpath",
            required = true,
            description =
                    "The project's test runtime class path, entries separated by the platform's path separator,"
                            + " or @file to read it from a file (as mvn dependency:build-classpath or a Gradle task writes it).")
    String classpath;

    @Option(
            names = "--test-classes",
            description = "The compiled test classes, relative to the project (default: <build-dir>/test-classes;"
                    + " build/classes/java/test for Gradle).")
    Path testClasses;

    @Option(
            names = "--classes",
            description = "The compiled main classes, relative to the project (default: <build-dir>/classes;"
                    + " build/classes/java/main for Gradle).")
    Path classes;

    Path testClasses(ProjectOptions project) {
        return project.base()
                .resolve(testClasses == null ? project.buildDirectory.resolve("test-classes") : testClasses);
    }

    Path classes(ProjectOptions project) {
        return project.base().resolve(classes == null ? project.buildDirectory.resolve("classes") : classes);
    }

    /**
     * The isolated class loader's URLs: the test classes, the main classes, the given class path, and the rpt engine
     * and the JUnit
     * Platform launcher from the command line's own jars when the class path lacks them (Maven's test class path
     * usually lacks the launcher, which Surefire supplies).
     */
    List<URL> urls(ProjectOptions project) {
        Path tests = testClasses(project);
        if (!Files.isDirectory(tests)) {
            throw new ConfigException("There are no compiled test classes in " + tests + ". Compile them first (mvn"
                    + " test-compile, gradle testClasses), or point --test-classes at them.");
        }
        List<Path> entries = new ArrayList<>();
        entries.add(tests);
        // The main classes and resources (the prompt files) come next, as in Maven's and Gradle's test class paths;
        // a class path file written by mvn dependency:build-classpath holds the dependencies only.
        Path main = classes(project);
        if (Files.isDirectory(main)) {
            entries.add(main);
        }
        for (String entry : entries(project)) {
            Path path = project.base().resolve(entry);
            if (!Files.exists(path)) {
                throw new ConfigException("The class path entry " + path + " does not exist. Write the test runtime"
                        + " class path again (mvn dependency:build-classpath, or the Gradle task in docs/cli.md).");
            }
            entries.add(path);
        }
        if (entries.stream().noneMatch(path -> holds(path, ENGINE, "rpt-junit-engine"))) {
            entries.add(ownJar("dev.rpt.junit.launch.PromptTestLauncher"));
        }
        if (entries.stream().noneMatch(path -> holds(path, LAUNCHER, "junit-platform-launcher"))) {
            entries.add(ownJar("org.junit.platform.launcher.core.LauncherFactory"));
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ConfigException("Cannot put " + entry + " on the class path: " + e.getMessage());
            }
        }
        return urls;
    }

    private List<String> entries(ProjectOptions project) {
        String text = classpath;
        if (text.startsWith("@")) {
            Path file = project.base().resolve(text.substring(1));
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new ConfigException("Cannot read the class path file " + file + ": " + e.getMessage());
            }
        }
        List<String> entries = new ArrayList<>();
        for (String line : text.split("\\R")) {
            for (String entry : line.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries;
    }

    private static boolean holds(Path entry, String classFile, String jarPrefix) {
        return Files.isDirectory(entry)
                ? Files.isRegularFile(entry.resolve(classFile))
                : entry.getFileName().toString().startsWith(jarPrefix);
    }

    /** The jar (or directory) of this command line's own copy of a class. */
    private static Path ownJar(String className) {
        try {
            return Path.of(Class.forName(className)
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("The rpt command line lacks its own " + className + ": reinstall it.", e);
        }
    }
}
