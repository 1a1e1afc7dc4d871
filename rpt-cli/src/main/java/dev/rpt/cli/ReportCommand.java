package dev.rpt.cli;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.runtime.CacheInventory;
import dev.rpt.core.settings.RunSettings;
import dev.rpt.tools.flow.ReportFlow;
import dev.rpt.tools.tune.ProjectTuning;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpt report} and {@code rpt cache}: the HTML report of the last run, and the response cache's upkeep. */
final class ReportCommand {

    private ReportCommand() {}

    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = "Writes the self-contained HTML report of the test run's last-run.json (and of the latest"
                    + " tune). As mvn rpt:report.")
    static final class Report extends GateCommand {
        @Override
        public Integer call() throws Exception {
            ProjectTuning.Log log = Console.log(System.out, System.err);
            RunSettings settings = settings(log);
            ReportFlow.write(checkProject(settings.config(), "rpt report"), settings, log);
            return ExitCode.PASSED;
        }
    }

    @Command(
            name = "cache",
            mixinStandardHelpOptions = true,
            description = "Surveys the response cache (entries, size, age), and prunes or clears it. As mvn rpt:cache.")
    static final class Cache extends GateCommand {

        @Option(names = "--prune", description = "Delete the entries older than this age, e.g. 30d, 12h or P30D.")
        String prune;

        @Option(names = "--clear", description = "Delete every entry.")
        boolean clear;

        @Override
        public Integer call() throws Exception {
            ProjectTuning.Log log = Console.log(System.out, System.err);
            if (clear && prune != null) {
                throw new ConfigException("Give --prune or --clear, not both: clear deletes every entry, prune those"
                        + " older than an age.");
            }
            CacheInventory cache = CacheInventory.of(
                    settings(log).config(), System::getenv, Path.of(System.getProperty("user.home")), project.base());
            if (clear) {
                log.info("Cleared the response cache " + cache.dir() + ": removed " + cache.clear() + ".");
            } else if (prune != null) {
                Duration age = RptConfig.of(Map.of("rpt.cache.prune", prune))
                        .duration("rpt.cache.prune", "an age such as 30d, 12h or P30D")
                        .orElseThrow(() -> new ConfigException("--prune is empty: give an age such as 30d."));
                log.info("Pruned the response cache " + cache.dir() + ": removed " + cache.prune(age) + " older than "
                        + prune + " or without a write time.");
            }
            log.info("Response cache " + cache.dir() + ":");
            cache.survey().lines(Instant.now()).forEach(line -> log.info("  " + line));
            return ExitCode.PASSED;
        }
    }
}
