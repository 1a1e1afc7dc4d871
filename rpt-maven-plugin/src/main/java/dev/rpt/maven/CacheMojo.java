package dev.rpt.maven;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.runtime.CacheInventory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows the response cache the project's tests use ({@code rpt.cache.dir}, else {@code $XDG_CACHE_HOME/rpt}, else
 * {@code ~/.cache/rpt}): its entries, bytes and ages. With {@code -Drpt.cache.prune=30d} it first deletes the entries
 * older than that; with {@code -Drpt.cache.clear=true}, every entry. It calls no model.
 */
@Mojo(name = "cache", threadSafe = true)
public class CacheMojo extends AbstractRptMojo {

    /** Delete the entries older than this age, e.g. {@code 30d}, {@code 12h} or {@code P30D}. */
    @Parameter(property = "rpt.cache.prune")
    protected String prune;

    /** Delete every entry of the cache. */
    @Parameter(property = "rpt.cache.clear", defaultValue = "false")
    protected boolean clear;

    @Override
    protected boolean skipGoal() {
        // Run by hand, to look at or tidy the cache: there is nothing a build would want to skip.
        return false;
    }

    @Override
    protected String skipProperty() {
        return "rpt.skip";
    }

    @Override
    protected String goalName() {
        return "rpt:cache";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        if (clear && prune != null) {
            throw new MojoFailureException("Set rpt.cache.prune or rpt.cache.clear, not both: clear deletes every"
                    + " entry, prune those older than an age.");
        }
        CacheInventory cache = CacheInventory.of(
                RptConfig.of(configurationSource()),
                System::getenv,
                Path.of(System.getProperty("user.home")),
                project.getBasedir().toPath());
        try {
            if (clear) {
                getLog().info("Cleared the response cache " + cache.dir() + ": removed " + cache.clear() + ".");
            } else if (prune != null) {
                Duration age = RptConfig.of(Map.of("rpt.cache.prune", prune))
                        .duration("rpt.cache.prune", "an age such as 30d, 12h or P30D")
                        .orElseThrow(() -> new ConfigException("rpt.cache.prune is empty: give an age such as 30d."));
                getLog().info("Pruned the response cache " + cache.dir() + ": removed " + cache.prune(age)
                        + " older than " + prune + " or without a write time.");
            }
            getLog().info("Response cache " + cache.dir() + ":");
            cache.survey().lines(Instant.now()).forEach(line -> getLog().info("  " + line));
        } catch (IOException e) {
            throw new MojoFailureException("Cannot read or change the response cache " + cache.dir() + ": " + e, e);
        }
    }
}
