package dev.rpt.junit.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/** Resolves a method selector into a case method with one test per case; a misdeclared method is an issue. */
final class MethodSelectorResolver implements SelectorResolver {

    private final PromptDescriptors descriptors;

    MethodSelectorResolver(PromptDescriptors descriptors) {
        this.descriptors = descriptors;
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> testClass = selector.getJavaClass();
        Method method = selector.getJavaMethod();
        if (!PromptTestClass.isCandidate(testClass) || !PromptTestClass.isCaseMethod(method)) {
            return Resolution.unresolved();
        }
        Optional<String> problem = PromptTestClass.problemWith(method);
        if (problem.isPresent()) {
            descriptors
                    .issues()
                    .reportIssue(DiscoveryIssue.builder(Severity.ERROR, problem.get())
                            .source(MethodSource.from(testClass, method)));
            return Resolution.unresolved();
        }
        return context.addToParent(
                        () -> selectClass(testClass),
                        parent -> Optional.of(descriptors.methodDescriptor(parent, testClass, method)))
                .map(descriptor ->
                        Resolution.match(Match.exact(descriptor, () -> PromptDescriptors.caseSelectors(descriptor))))
                .orElse(Resolution.unresolved());
    }
}
