package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.rpt.junit.engine.fixtures.MathPromptTestCase;
import dev.rpt.junit.engine.fixtures.MisconfiguredTestCases;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class EngineDiscoveryTests {

    private static final UniqueId MATH_CLASS =
            UniqueId.forEngine("rpt").append("class", MathPromptTestCase.class.getName());

    @Test
    void classBecomesMethodsWithOneTestPerCaseAndAThresholdsTest() {
        TestDescriptor engine = discover(selectClass(MathPromptTestCase.class)).getEngineDescriptor();

        TestDescriptor testClass = single(engine.getChildren());
        assertThat(testClass.getUniqueId()).isEqualTo(MATH_CLASS);
        assertThat(testClass.getSource()).contains(ClassSource.from(MathPromptTestCase.class));
        assertThat(testClass.getChildren())
                .extracting(TestDescriptor::getDisplayName)
                .containsExactly("admitsWhatItDoesNotKnow", "solves", "[thresholds] accuracy ≥ 0.500, ECE ≤ 0.500");
        TestDescriptor solves = testClass.getChildren().stream()
                .filter(child -> child.getDisplayName().equals("solves"))
                .findFirst()
                .orElseThrow();
        assertThat(solves.getChildren()).hasSize(24).allSatisfy(test -> {
            assertThat(test.isTest()).isTrue();
            assertThat(test.getSource()).get().isInstanceOf(MethodSource.class);
        });
        assertThat(solves.getChildren())
                .extracting(TestDescriptor::getDisplayName)
                .startsWith("gsm-00", "gsm-01");
        assertThat(engine.getDescendants().stream().filter(TestDescriptor::isTest))
                .hasSize(26);
    }

    @Test
    void everySelectorFindsTheSameTests() throws NoSuchMethodException {
        Set<UniqueId> byClass = testIds(selectClass(MathPromptTestCase.class));
        Set<UniqueId> byPackage = testIds(selectPackage(MathPromptTestCase.class.getPackageName()));
        Set<UniqueId> byUniqueId = testIds(selectUniqueId(MATH_CLASS));

        assertThat(byPackage).containsAll(byClass);
        assertThat(byUniqueId).isEqualTo(byClass);
        Set<UniqueId> byMethod = testIds(selectMethod(
                MathPromptTestCase.class,
                MathPromptTestCase.class.getDeclaredMethod("solves", dev.rpt.api.Answer.class, String.class)));
        assertThat(byMethod).hasSize(24).isSubsetOf(byClass);
    }

    @Test
    void uniqueIdOfOneCaseSelectsOnlyThatCase() {
        UniqueId one = MATH_CLASS
                .append("method", "solves(dev.rpt.api.Answer,java.lang.String)")
                .append("case", "gsm-07");

        assertThat(discover(selectUniqueId(one)).getDiscoveryIssues()).isEmpty();
        assertThat(testIds(selectUniqueId(one))).containsExactly(one);
    }

    @Test
    void uniqueIdsOfAMethodAndOfTheThresholdsTestSelectOnlyThose() {
        UniqueId method = MATH_CLASS.append("method", "solves(dev.rpt.api.Answer,java.lang.String)");
        UniqueId thresholds = MATH_CLASS.append("thresholds", "thresholds");

        assertThat(discover(selectUniqueId(thresholds)).getDiscoveryIssues()).isEmpty();
        assertThat(testIds(selectUniqueId(thresholds))).containsExactly(thresholds);
        assertThat(testIds(selectUniqueId(method)))
                .hasSize(24)
                .allSatisfy(id -> assertThat(id.toString()).startsWith(method.toString()));
    }

    @Test
    void unsupportedParameterIsAnErrorNamingIt() {
        assertThat(issues(MisconfiguredTestCases.BadSignatureTestCase.class))
                .singleElement()
                .satisfies(issue -> {
                    assertThat(issue.severity()).isEqualTo(Severity.ERROR);
                    assertThat(issue.message()).contains("'attempts'", "int", "@Var");
                });
    }

    @Test
    void aMisspeltKeyIsAWarningNamingTheKeyMeantAndTheRunStillDiscoversItsTests() {
        EngineDiscoveryResults results = EngineTestKit.engine("rpt")
                .configurationParameters(Map.of("rpt.provider", "sim", "rpt.concurency", "32"))
                .selectors(selectClass(MathPromptTestCase.class))
                .discover();

        assertThat(results.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(Severity.WARNING);
            assertThat(issue.message())
                    .isEqualTo("rpt.concurency is not a key rpt reads, so it has no effect. Did you mean"
                            + " rpt.concurrency? Every key is listed in docs/configuration.md.");
        });
        assertThat(results.getEngineDescriptor().getDescendants()).isNotEmpty();
    }

    @Test
    void wellFormedClassHasNoIssues() {
        assertThat(issues(MathPromptTestCase.class)).isEmpty();
    }

    private static List<DiscoveryIssue> issues(Class<?> testClass) {
        return discover(selectClass(testClass)).getDiscoveryIssues();
    }

    private static Set<UniqueId> testIds(DiscoverySelector selector) {
        return discover(selector).getEngineDescriptor().getDescendants().stream()
                .filter(TestDescriptor::isTest)
                .map(TestDescriptor::getUniqueId)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    static EngineDiscoveryResults discover(DiscoverySelector selector) {
        return EngineTestKit.engine("rpt")
                .configurationParameters(Map.of("rpt.provider", "sim"))
                .selectors(selector)
                .discover();
    }

    private static TestDescriptor single(Set<? extends TestDescriptor> descriptors) {
        assertThat(descriptors).hasSize(1);
        return descriptors.iterator().next();
    }
}
