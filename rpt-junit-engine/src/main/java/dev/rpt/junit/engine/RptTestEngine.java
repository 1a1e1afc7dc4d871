package dev.rpt.junit.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.ConfigKeys;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;

/**
 * The {@code rpt} test engine: runs prompt test classes against the configured model. Every case is a test; every
 * class with {@code @Thresholds} ends with a test that checks them.
 */
@API(status = INTERNAL, since = "0.1")
public final class RptTestEngine extends HierarchicalTestEngine<RptExecutionContext> {

    /** The configuration warnings this JVM has already given. */
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    /** The engine id, as in {@code [engine:rpt]} and Surefire's {@code includeEngines}. */
    public static final String ENGINE_ID = "rpt";

    private final Map<String, String> promptTexts;

    /** The engine as the JUnit Platform finds it: every prompt is read from the test classpath. */
    public RptTestEngine() {
        this(Map.of());
    }

    /**
     * An engine that evaluates the given texts in place of the prompt resources they are keyed by, e.g. a tune's
     * candidate: the isolated launcher passes them in memory, without writing a file for the engine to read back.
     *
     * @param promptTexts prompt file texts by the resource name the test classes give, e.g. {@code
     *     prompts/math.prompt}
     */
    public RptTestEngine(Map<String, String> promptTexts) {
        this.promptTexts = Map.copyOf(promptTexts);
    }

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.rpt");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("rpt-junit-engine");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        RptEngineDescriptor engine =
                new RptEngineDescriptor(uniqueId, EngineConfig.from(request.getConfigurationParameters()));
        // A misspelt key would silently leave its setting at the default; JUnit prints warnings like this one. Once per
        // JVM: Surefire discovers twice (to list the classes, then to run them), and rpt:tune once per candidate.
        DiscoveryIssueReporter configIssues =
                DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), uniqueId);
        ConfigKeys.unknown(engine.config().keys()).stream()
                .filter(SAID::add)
                .forEach(message -> configIssues.reportIssue(DiscoveryIssue.create(Severity.WARNING, message)));
        EngineDiscoveryRequestResolver.<RptEngineDescriptor>builder()
                .addClassContainerSelectorResolver(PromptTestClass::isCandidate)
                .addSelectorResolver(context -> new ClassSelectorResolver(
                        context.getClassNameFilter(),
                        new PromptDescriptors(
                                context.getIssueReporter(), engine.config(), engine.models(), promptTexts)))
                .addSelectorResolver(context -> new MethodSelectorResolver(new PromptDescriptors(
                        context.getIssueReporter(), engine.config(), engine.models(), promptTexts)))
                .addSelectorResolver(context -> new UniqueIdSelectorResolver(new PromptDescriptors(
                        context.getIssueReporter(), engine.config(), engine.models(), promptTexts)))
                .build()
                .resolve(request, engine);
        return engine;
    }

    @Override
    protected RptExecutionContext createExecutionContext(ExecutionRequest request) {
        return new RptExecutionContext(request);
    }
}
