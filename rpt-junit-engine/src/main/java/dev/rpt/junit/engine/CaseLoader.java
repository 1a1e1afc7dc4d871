package dev.rpt.junit.engine;

import dev.rpt.api.Case;
import dev.rpt.api.Cases;
import dev.rpt.api.PromptCase;
import dev.rpt.api.Split;
import dev.rpt.core.cases.CaseFileOptions;
import dev.rpt.core.cases.CaseFileResult;
import dev.rpt.core.cases.CaseFiles;
import dev.rpt.core.cases.CaseProblem;
import dev.rpt.core.cases.HoldoutSplit;
import dev.rpt.core.cases.InlineCases;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * Reads the cases of one method from its {@link Cases} files and {@link Case} annotations. A missing dataset, a
 * malformed row and a reused id are {@link CaseProblem}s naming {@code file:line}, collected for the class (see
 * {@link BadRows}) rather than reported as discovery issues: an error there would stop every class of the run.
 */
final class CaseLoader {

    private final DiscoveryIssueReporter issues;
    private final HoldoutSplit holdout;
    private final List<CaseProblem> problems = new ArrayList<>();

    CaseLoader(DiscoveryIssueReporter issues, HoldoutSplit holdout) {
        this.issues = issues;
        this.holdout = holdout;
    }

    /** The problems of every file and row read so far, in the order found. */
    List<CaseProblem> problems() {
        return List.copyOf(problems);
    }

    List<PromptCase> load(Class<?> testClass, Method method) {
        Map<String, PromptCase> cases = new LinkedHashMap<>();
        MethodSource source = MethodSource.from(testClass, method);
        String where = testClass.getSimpleName() + "." + method.getName();
        for (Cases file : method.getAnnotationsByType(Cases.class)) {
            CaseFileOptions options = options(file.split(), where, source)
                    .withIdColumn(file.idColumn())
                    .withLimit(file.limit());
            try (InputStream in = testClass.getClassLoader().getResourceAsStream(file.value())) {
                if (in == null) {
                    problems.add(new CaseProblem(
                            file.value(),
                            0,
                            "the dataset of " + where + " is not on the test classpath. Put it at src/test/resources/"
                                    + file.value() + ", or fix @Cases(\"...\")"));
                    continue;
                }
                addAll(cases, CaseFiles.read(file.value(), in, options), where, file.mustPass());
            } catch (IOException e) {
                problems.add(new CaseProblem(
                        file.value(), 0, "the dataset of " + where + " cannot be read: " + e.getMessage()));
            }
        }
        Case[] inline = method.getAnnotationsByType(Case.class);
        if (inline.length > 0) {
            // One batch per distinct (split, mustPass), so each batch is read with its own options.
            Map<List<Object>, List<Case>> batches = new LinkedHashMap<>();
            for (Case annotation : inline) {
                batches.computeIfAbsent(
                                List.of(List.of(annotation.split()), annotation.mustPass()), key -> new ArrayList<>())
                        .add(annotation);
            }
            for (List<Case> batch : batches.values()) {
                addInline(cases, testClass, method, inline, batch, where, source);
            }
        }
        return new ArrayList<>(cases.values());
    }

    private void addInline(
            Map<String, PromptCase> cases,
            Class<?> testClass,
            Method method,
            Case[] inline,
            List<Case> batch,
            String where,
            MethodSource source) {
        Case first = batch.get(0);
        InlineCases collector =
                new InlineCases(testClass.getSimpleName() + ".java", options(first.split(), where, source));
        for (Case annotation : batch) {
            String id = annotation.id().isBlank()
                    ? method.getName() + "-" + (indexOf(inline, annotation) + 1)
                    : annotation.id();
            collector.add(id, List.of(annotation.vars()));
        }
        addAll(cases, collector.result(), where, first.mustPass());
    }

    private void addAll(Map<String, PromptCase> cases, CaseFileResult result, String where, boolean mustPass) {
        problems.addAll(result.problems());
        for (PromptCase loaded : result.cases()) {
            PromptCase promptCase = mustPass ? loaded.asMustPass() : loaded;
            PromptCase earlier = cases.putIfAbsent(promptCase.id(), promptCase);
            if (earlier != null) {
                problems.add(new CaseProblem(
                        promptCase.origin().file(),
                        promptCase.origin().line(),
                        "case id '" + promptCase.id() + "' of " + where + " is already used at " + earlier.origin()
                                + "; give every case of a method its own id"));
            }
        }
    }

    /** No split given: a split column decides, else the hash. More than one is a mistake, reported once. */
    private CaseFileOptions options(Split[] split, String where, MethodSource source) {
        CaseFileOptions options = CaseFileOptions.defaults().withHoldout(holdout);
        if (split.length > 1) {
            issues.reportIssue(DiscoveryIssue.builder(
                            Severity.ERROR,
                            "The cases of " + where + " declare " + split.length + " splits " + List.of(split)
                                    + "; give one, e.g. split = Split.HOLDOUT, or none to let a split column or the"
                                    + " hash of the case id decide. The first one is used.")
                    .source(source));
        }
        return split.length == 0 ? options.withAutoSplit() : options.withSplit(split[0]);
    }

    private static int indexOf(Case[] all, Case one) {
        for (int i = 0; i < all.length; i++) {
            if (all[i] == one) {
                return i;
            }
        }
        return -1;
    }
}
