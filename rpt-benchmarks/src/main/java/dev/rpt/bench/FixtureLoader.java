package dev.rpt.bench;

import dev.rpt.bench.fixture.BenchPromptTestCase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Defines {@link BenchPromptTestCase} afresh next to a generated dataset of N cases. The engine reads a class's
 * datasets through that class's own loader, so one fixture class runs any N without checking in 10,000-row files.
 * Every other class comes from the parent, so the engine, the annotations and the model are the real, shared ones.
 */
final class FixtureLoader extends URLClassLoader {

    static final String DATASET = "bench/cases.jsonl";

    private static final String FIXTURE = BenchPromptTestCase.class.getName();

    private FixtureLoader(Path root, ClassLoader parent) throws MalformedURLException {
        super(new URL[] {root.toUri().toURL()}, parent);
    }

    /** Writes N cases under {@code root} and returns the fixture class defined next to them. */
    static Class<?> fixtureWith(int cases, Path root) {
        try {
            Path dataset = root.resolve(DATASET);
            Files.createDirectories(dataset.getParent());
            StringBuilder rows = new StringBuilder(cases * 70);
            for (int n = 0; n < cases; n++) {
                rows.append(String.format(
                        "{\"id\": \"bench-%05d\", \"question\": \"What is %d plus 1?\", \"answer\": \"%d\"}%n",
                        n, n, n + 1));
            }
            Files.writeString(dataset, rows, StandardCharsets.UTF_8);
            return new FixtureLoader(root, FixtureLoader.class.getClassLoader()).loadClass(FIXTURE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the benchmark dataset under " + root, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The benchmark fixture " + FIXTURE + " is not on the classpath", e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.equals(FIXTURE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                String file = name.replace('.', '/') + ".class";
                try (InputStream in = getParent().getResourceAsStream(file)) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    loaded = defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            return loaded;
        }
    }
}
