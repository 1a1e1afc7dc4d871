package dev.rpt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path users run: {@code mvn test} of a fresh project, in a new Maven process each time (so a cold Surefire
 * fork), against the loopback OpenAI-compatible server answering at once. The project is generated: the benchmark's
 * prompt, a JSONL file of N cases, a prompt test class, and a JUnit {@code TestExecutionListener} that writes the
 * engine's start and the last test's finish ({@code System.nanoTime()}) to {@code target/rpt-timing.txt}. In-run time
 * is the difference: what the user waits for inside the test JVM, discovery and JVM start excluded. Wall time is the
 * whole Maven process.
 *
 * <p>Each configuration runs once to compile (not measured), then {@code reps} times; medians are printed. Surefire's
 * {@code argLine} is the only thing that varies between the rows of one table.
 */
final class ColdMavenRuns {

    private static final Pattern VERSION = Pattern.compile("<artifactId>rpt-parent</artifactId>\\s*<version>([^<]+)");
    private static final Pattern JUNIT = Pattern.compile("<junit.version>([^<]+)");

    private final LatencyServer server;
    private final Path repo;
    private final Path work;
    private final int reps;

    ColdMavenRuns(LatencyServer server, Path work, int reps) {
        this.server = server;
        this.work = work;
        this.reps = reps;
        this.repo = repoRoot();
    }

    /**
     * Cold runs and fully cached ({@code replay-only}) runs, per size and JVM option set.
     *
     * @param options named sets of Surefire {@code argLine} options: {@code none}, {@code c1} (tiered compilation
     *     stopped at C1, {@code -XX:TieredStopAtLevel=1}), {@code serial} (the serial collector, {@code
     *     -XX:+UseSerialGC}), {@code appcds} (an application class-data archive the unmeasured first run writes with
     *     {@code -XX:ArchiveClassesAtExit} and the measured runs map; on Java 17 the fork then fails, because
     *     Surefire's class path holds {@code target/classes} directories), or several joined with {@code +}
     */
    void run(List<Integer> sizes, List<String> options, List<Runner> runners) throws IOException {
        server.latencyMs(0);
        System.out.println("\n## Cold `mvn test` of a fresh project, loopback server answering at once");
        System.out.println("| cases | cache | runner | JVM options | runs | in-run ms (median) | ms per case"
                + " | wall s (median) | in-run ms, every run |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int cases : sizes) {
            for (String option : options) {
                for (String cache : List.of("off", "replay-only")) {
                    Path project = project(cases, cache);
                    String archive = project.resolve("app.jsa").toString();
                    String argLine = argLine(option, "-XX:SharedArchiveFile=" + archive);
                    if (cache.equals("replay-only")) {
                        // Record once, so that every measured run replays all cases from the cache.
                        mvn(project, "-Drpt.cache=read-write");
                    }
                    // Compiles and warms the file system cache (and writes the class-data archive); not measured.
                    mvn(project, "-DrptArgLine=" + argLine(option, "-XX:ArchiveClassesAtExit=" + archive));
                    String shown = argLine.replace(project.toString(), "<project>");
                    for (Runner runner : runners) {
                        System.out.println("| " + String.format(Locale.ROOT, "%,d", cases) + " | " + cache + " | "
                                + runner.label + " | "
                                + measure(runner, project, argLine, cases).row(shown, cases));
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "[load average after: %.2f]%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * The floor under any engine: the same cold {@code mvn test}, with a JUnit Jupiter {@code @ParameterizedTest} of
     * as many trivial cases in place of the prompt test class. What it takes per case is JUnit's and Surefire's, on
     * this machine and JVM, before any model call.
     */
    void floor(List<Integer> sizes, List<String> options, List<Runner> runners) throws IOException {
        System.out.println(
                "\n## The floor: a cold `mvn test` of a JUnit Jupiter @ParameterizedTest with trivial cases");
        System.out.println("| cases | runner | JVM options | runs | in-run ms (median) | ms per case | wall s (median)"
                + " | in-run ms, every run |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int cases : sizes) {
            for (String option : options) {
                Path project = project(cases, "off");
                Files.delete(project.resolve("src/test/resources/bench/cases.jsonl"));
                write(project.resolve("src/test/java/bench/AddsTests.java"), """
                        package bench;

                        import static org.junit.jupiter.api.Assertions.assertEquals;

                        import java.util.stream.IntStream;
                        import org.junit.jupiter.params.ParameterizedTest;
                        import org.junit.jupiter.params.provider.MethodSource;

                        class AddsTests {

                            static IntStream numbers() {
                                return IntStream.range(0, CASES);
                            }

                            @ParameterizedTest
                            @MethodSource("numbers")
                            void adds(int n) {
                                assertEquals(n + 1, Integer.parseInt(String.valueOf(n + 1)));
                            }
                        }
                        """.replace(
                                "CASES", String.valueOf(cases)));
                String pom = Files.readString(project.resolve("pom.xml"));
                write(
                        project.resolve("pom.xml"),
                        pom.replace(
                                "<dependency><groupId>dev.rpt</groupId><artifactId>rpt-junit-engine</artifactId>",
                                "<dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>"
                                        + "<scope>test</scope></dependency>\n    <dependency><groupId>dev.rpt</groupId>"
                                        + "<artifactId>rpt-junit-engine</artifactId>"));
                String argLine = argLine(option, "");
                mvn(project, "-DrptArgLine=" + argLine); // compiles; not measured
                for (Runner runner : runners) {
                    System.out.println("| " + String.format(Locale.ROOT, "%,d", cases) + " | " + runner.label + " | "
                            + measure(runner, project, argLine, cases).row(argLine, cases));
                }
            }
        }
    }

    /**
     * Where the tests of a generated project run: Surefire's fork under {@code mvn test} (the path users take), or the
     * JUnit Platform {@code Launcher} called directly in a {@code java} process with the same class path and JVM
     * options. The second is not a way to run rpt; it separates what JUnit and rpt take from what Surefire's
     * reporting takes.
     */
    enum Runner {
        SUREFIRE("`mvn test` (Surefire)"),
        LAUNCHER("JUnit Launcher, no Surefire");

        private final String label;

        Runner(String label) {
            this.label = label;
        }

        /** The runner named on the command line: {@code surefire} or {@code launcher}. */
        static Runner named(String name) {
            return switch (name) {
                case "surefire" -> SUREFIRE;
                case "launcher" -> LAUNCHER;
                default ->
                    throw new IllegalArgumentException(
                            "Unknown runner '" + name + "'. Use surefire, launcher, or both joined with a comma.");
            };
        }
    }

    /** The measured runs of one row: {@code reps} cold runs with the given JVM options. */
    private Measured measure(Runner runner, Path project, String argLine, int cases) throws IOException {
        List<Long> inRun = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        List<String> classPath = runner == Runner.LAUNCHER ? testClassPath(project) : List.of();
        for (int rep = 0; rep < reps; rep++) {
            long start = System.nanoTime();
            if (runner == Runner.LAUNCHER) {
                launch(project, argLine, classPath);
            } else {
                mvn(project, "-DrptArgLine=" + argLine);
            }
            wall.add((System.nanoTime() - start) / 1_000_000);
            inRun.add(inRunMs(project, cases));
        }
        return new Measured(inRun, wall);
    }

    /** In-run and wall milliseconds of each measured run. */
    private record Measured(List<Long> inRun, List<Long> wall) {

        /** The rest of a table row: argLine, runs, median in-run ms and per case, median wall s, every run. */
        String row(String argLine, int cases) {
            long median = median(inRun);
            return String.format(
                    Locale.ROOT,
                    "%s | %d | %,d | %.2f | %.1f | %s |",
                    argLine.isEmpty() ? "(none)" : "`" + argLine + "`",
                    inRun.size(),
                    median,
                    (double) median / cases,
                    median(wall) / 1000.0,
                    inRun);
        }
    }

    /**
     * One large run as a team with a big dataset would run it: {@code mvn test} of {@code cases} generated cases with
     * {@code -Xmx512m} for the Surefire fork (its {@code argLine}) and for Maven itself ({@code MAVEN_OPTS}: Surefire's
     * reporter in the Maven JVM keeps every test's result). Both JVMs log their collections, so the table shows the
     * most heap each held after a collection, next to what the run printed and what the report holds.
     */
    void large(int cases) throws IOException {
        server.latencyMs(0);
        Path project = project(cases, "off");
        String forkGc = project.resolve("fork-gc.log").toString();
        String mavenGc = project.resolve("maven-gc.log").toString();
        mvnWith(project, "-Xmx512m -Xlog:gc:file=" + mavenGc, "test-compile");
        long start = System.nanoTime();
        mvnWith(project, "-Xmx512m -Xlog:gc:file=" + mavenGc, "test", "-DrptArgLine=-Xmx512m -Xlog:gc:file=" + forkGc);
        long wall = (System.nanoTime() - start) / 1_000_000;
        long inRun = inRunMs(project, cases);
        long reported;
        try (var parser = new com.fasterxml.jackson.core.JsonFactory()
                .createParser(project.resolve("target/rpt/last-run.json").toFile())) {
            reported = countCases(parser);
        }
        long lines;
        try (var log = Files.lines(project.resolve("build.log"))) {
            lines = log.count();
        }
        System.out.printf(
                Locale.ROOT,
                "%n## %,d cases, `-Xmx512m` for the Surefire fork and for Maven (`MAVEN_OPTS`)%n"
                        + "| cases | tests run | cases in the report | lines printed | in-run s | ms per case | wall s"
                        + " | fork heap after GC, max | Maven heap after GC, max |%n|---|---|---|---|---|---|---|---|---|%n"
                        + "| %,d | %,d | %,d | %,d | %.1f | %.2f | %.1f | %s | %s |%n",
                cases,
                cases,
                tests(project),
                reported,
                lines,
                inRun / 1000.0,
                (double) inRun / cases,
                wall / 1000.0,
                maxAfterGc(Path.of(forkGc)),
                maxAfterGc(Path.of(mavenGc)));
    }

    /** The tests the timing listener counted. */
    private static int tests(Path project) throws IOException {
        return Integer.parseInt(Files.readString(project.resolve("target/rpt-timing.txt"))
                .trim()
                .split(" ")[2]);
    }

    /** The cases of a report, read as a stream: the file of 100,000 cases is never held whole. */
    private static long countCases(com.fasterxml.jackson.core.JsonParser parser) throws IOException {
        long count = 0;
        while (parser.nextToken() != null) {
            if (parser.currentToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
                    && parser.currentName().equals("cases")
                    && parser.getParsingContext().getParent().inRoot()) {
                parser.nextToken();
                while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    count++;
                }
            }
        }
        return count;
    }

    /** The largest heap occupancy after a collection in a {@code -Xlog:gc} file, e.g. {@code 212M}. */
    private static String maxAfterGc(Path log) throws IOException {
        Pattern after = Pattern.compile("->(\\d+)M\\(");
        long max = -1;
        for (String line : Files.readAllLines(log)) {
            Matcher matcher = after.matcher(line);
            if (matcher.find()) {
                max = Math.max(max, Long.parseLong(matcher.group(1)));
            }
        }
        return max < 0 ? "no collection" : max + " MiB";
    }

    /** The argLine of a named option set; {@code cds} is the class-data option of this run (write or map). */
    private static String argLine(String option, String cds) {
        List<String> flags = new ArrayList<>();
        for (String part : option.split("\\+")) {
            switch (part) {
                case "none" -> {}
                case "c1" -> flags.add("-XX:TieredStopAtLevel=1");
                case "serial" -> flags.add("-XX:+UseSerialGC");
                case "appcds" -> flags.add(cds);
                default ->
                    throw new IllegalArgumentException("Unknown JVM option set '" + part
                            + "'. Use none, c1, serial, appcds, or several joined with +.");
            }
        }
        return String.join(" ", flags);
    }

    /** A fresh project of {@code cases} cases for one configuration. */
    private Path project(int cases, String cache) throws IOException {
        Path project = Files.createTempDirectory(work, "cold-" + cases + "-");
        String rootPom = Files.readString(repo.resolve("pom.xml"));
        write(project.resolve("pom.xml"), pom(find(VERSION, rootPom), find(JUNIT, rootPom)));
        write(project.resolve("src/main/resources/bench/bench.prompt"), resource("bench/bench.prompt"));
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < cases; i++) {
            rows.append("{\"id\":\"c")
                    .append(i)
                    .append("\",\"question\":\"What is ")
                    .append(i)
                    .append(" plus 1?\",\"answer\":\"")
                    .append(i + 1)
                    .append("\"}\n");
        }
        write(project.resolve("src/test/resources/bench/cases.jsonl"), rows.toString());
        write(
                project.resolve("src/test/resources/junit-platform.properties"),
                "rpt.provider=openai\nrpt.model=gpt-4.1-mini\nrpt.base-url=" + server.baseUrl()
                        + "\nrpt.api-key-env=none\nrpt.concurrency=16\nrpt.cache=" + cache + "\nrpt.cache.dir="
                        + project.resolve("rpt-cache") + "\n");
        write(project.resolve("src/test/java/bench/AddsTests.java"), """
                package bench;

                import static dev.rpt.assertions.RptAssertions.assertThat;

                import dev.rpt.api.Answer;
                import dev.rpt.api.Cases;
                import dev.rpt.api.PromptTest;
                import dev.rpt.api.Var;

                @PromptTest(prompt = "bench/bench.prompt")
                class AddsTests {

                    @Cases("bench/cases.jsonl")
                    void adds(Answer answer, @Var("answer") String expected) {
                        assertThat(answer).isNumericallyEqualTo(expected);
                    }
                }
                """);
        write(project.resolve("src/test/java/bench/TimingListener.java"), """
                package bench;

                import java.io.IOException;
                import java.io.UncheckedIOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.junit.platform.engine.TestExecutionResult;
                import org.junit.platform.launcher.TestExecutionListener;
                import org.junit.platform.launcher.TestIdentifier;
                import org.junit.platform.launcher.TestPlan;

                /** Writes the engine's start and the last test's finish, in nanoseconds, for the benchmark. */
                public class TimingListener implements TestExecutionListener {
                    private long engineStart;
                    private long lastFinish;
                    private int tests;

                    @Override
                    public void executionStarted(TestIdentifier identifier) {
                        if (identifier.getParentIdObject().isEmpty() && engineStart == 0) {
                            engineStart = System.nanoTime();
                        }
                    }

                    @Override
                    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                        if (identifier.isTest()) {
                            lastFinish = System.nanoTime();
                            tests++;
                        }
                    }

                    @Override
                    public void testPlanExecutionFinished(TestPlan plan) {
                        try {
                            Files.writeString(Path.of("target/rpt-timing.txt"), engineStart + " " + lastFinish + " " + tests);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
                """);
        write(
                project.resolve(
                        "src/test/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener"),
                "bench.TimingListener\n");
        write(project.resolve("src/test/java/bench/Launch.java"), """
                package bench;

                import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

                import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
                import org.junit.platform.launcher.core.LauncherFactory;
                import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

                /** Runs AddsTests with the JUnit Platform Launcher, without Surefire; exits 1 when a test failed. */
                public class Launch {
                    public static void main(String[] args) {
                        SummaryGeneratingListener summary = new SummaryGeneratingListener();
                        LauncherFactory.create()
                                .execute(
                                        LauncherDiscoveryRequestBuilder.request()
                                                .selectors(selectClass(AddsTests.class))
                                                .build(),
                                        summary);
                        System.exit(summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
                    }
                }
                """);
        return project;
    }

    private static String pom(String version, String junit) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>cold-run</artifactId>
                  <version>1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <rptArgLine></rptArgLine>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>org.junit</groupId>
                        <artifactId>junit-bom</artifactId>
                        <version>JUNIT</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                    <dependency><groupId>dev.rpt</groupId><artifactId>rpt-junit-engine</artifactId><version>VERSION</version><scope>test</scope></dependency>
                    <dependency><groupId>dev.rpt</groupId><artifactId>rpt-assertions</artifactId><version>VERSION</version><scope>test</scope></dependency>
                    <dependency><groupId>org.junit.platform</groupId><artifactId>junit-platform-launcher</artifactId><scope>test</scope></dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.4</version>
                        <configuration><argLine>${rptArgLine}</argLine></configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.replace("VERSION", version).replace("JUNIT", junit);
    }

    private void mvn(Path project, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("test"));
        arguments.addAll(List.of(extra));
        mvnWith(project, null, arguments.toArray(String[]::new));
    }

    /** Runs Maven quietly in the project, with {@code MAVEN_OPTS} when given; the output goes to build.log. */
    private void mvnWith(Path project, String mavenOpts, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                repo.resolve("mvnw").toString(),
                "-B",
                "-q",
                "-o",
                "-f",
                project.resolve("pom.xml").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (mavenOpts != null) {
            builder.environment().put("MAVEN_OPTS", mavenOpts);
        }
        run(project, builder, "build.log");
    }

    /** Runs a process in the project, its output to {@code log}; fails with the log's tail when it fails. */
    private static void run(Path project, ProcessBuilder builder, String log) {
        try {
            Process process = builder.directory(project.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(project.resolve(log).toFile())
                    .start();
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", builder.command()) + " failed in " + project + ", see "
                        + log + ": " + tail(project.resolve(log)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The project's test class path, as Surefire builds it: test classes, classes, then every test dependency. */
    private List<String> testClassPath(Path project) throws IOException {
        Path file = project.resolve("target/test.classpath");
        mvnWith(project, null, "dependency:build-classpath", "-Dmdep.includeScope=test", "-Dmdep.outputFile=" + file);
        List<String> entries = new ArrayList<>(List.of(
                project.resolve("target/test-classes").toString(),
                project.resolve("target/classes").toString()));
        entries.addAll(List.of(Files.readString(file).trim().split(java.io.File.pathSeparator)));
        return entries;
    }

    /** One run of the project's tests by {@code bench.Launch} in a new {@code java} process; output to launch.log. */
    private void launch(Path project, String argLine, List<String> classPath) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!argLine.isBlank()) {
            command.addAll(List.of(argLine.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classPath), "bench.Launch"));
        run(project, new ProcessBuilder(command), "launch.log");
    }

    /** In-run ms of the last run; aborts when not every case ran, so a fast run cannot hide lost cases. */
    private static long inRunMs(Path project, int cases) throws IOException {
        String[] timing = Files.readString(project.resolve("target/rpt-timing.txt"))
                .trim()
                .split(" ");
        int tests = Integer.parseInt(timing[2]);
        if (tests != cases) {
            throw new IllegalStateException("expected " + cases + " tests, " + tests + " ran in " + project);
        }
        return (Long.parseLong(timing[1]) - Long.parseLong(timing[0])) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run the cold benchmark from inside the rpt repository: no mvnw above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("the root pom has no " + pattern);
        }
        return matcher.group(1);
    }

    private static String resource(String name) throws IOException {
        try (var in = ColdMavenRuns.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
