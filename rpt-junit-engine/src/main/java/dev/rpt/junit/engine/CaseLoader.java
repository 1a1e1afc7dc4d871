package dev.rpt.junit.engine;

import dev.rpt.core.cases.CaseFileOptions;
import dev.rpt.core.cases.CaseFileResult;
import dev.rpt.core.cases.CaseFiles;
import dev.rpt.core.cases.CaseProblem;
import dev.rpt.core.cases.HoldoutSplit;
import dev.rpt.core.cases.InlineCases;
import dev.rpt.core.cases.PromptCase;
import dev.rpt.core.cases.Split;
import dev.rpt.junit.Case;
import dev.rpt.junit.CaseSplit;
import dev.rpt.junit.Cases;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * Reads the cases of one method from its {@link Cases} files and {@link Case} annotations. A missing dataset is an
 * error; a malformed row is a warning that names {@code file:line}, and the other rows still run.
 */
final class CaseLoader {

    private final DiscoveryIssueReporter issues;
    private final HoldoutSplit holdout;

    CaseLoader(DiscoveryIssueReporter issues, HoldoutSplit holdout) {
        this.issues = issues;
        this.holdout = holdout;
    }

    List<PromptCase> load(Class<?> testClass, Method method) {
        Map<String, PromptCase> cases = new LinkedHashMap<>();
        MethodSource source = MethodSource.from(testClass, method);
        String where = testClass.getSimpleName() + "." + method.getName();
        for (Cases file : method.getAnnotationsByType(Cases.class)) {
            CaseFileOptions options =
                    options(file.split()).withIdColumn(file.idColumn()).withLimit(file.limit());
            try (InputStream in = testClass.getClassLoader().getResourceAsStream(file.value())) {
                if (in == null) {
                    issues.reportIssue(DiscoveryIssue.builder(
                                    Severity.ERROR,
                                    "The dataset '" + file.value() + "' of " + where
                                            + " is not on the test classpath. Put it at src/test/resources/"
                                            + file.value() + ", or fix @Cases(\"...\").")
                            .source(source));
                    continue;
                }
                addAll(cases, CaseFiles.read(file.value(), in, options), where, file.mustPass());
            } catch (IOException e) {
                issues.reportIssue(DiscoveryIssue.builder(
                                Severity.ERROR,
                                "The dataset '" + file.value() + "' of " + where + " cannot be read: " + e.getMessage())
                        .source(source));
            }
        }
        Case[] inline = method.getAnnotationsByType(Case.class);
        if (inline.length > 0) {
            for (CaseSplit split : CaseSplit.values()) {
                for (boolean mustPass : new boolean[] {false, true}) {
                    addInline(cases, testClass, method, inline, split, mustPass, where);
                }
            }
        }
        return new ArrayList<>(cases.values());
    }

    private void addInline(
            Map<String, PromptCase> cases,
            Class<?> testClass,
            Method method,
            Case[] inline,
            CaseSplit split,
            boolean mustPass,
            String where) {
        InlineCases collector = new InlineCases(testClass.getSimpleName() + ".java", options(split));
        boolean any = false;
        for (Case annotation : inline) {
            if (annotation.split() == split && annotation.mustPass() == mustPass) {
                String id = annotation.id().isBlank()
                        ? method.getName() + "-" + (indexOf(inline, annotation) + 1)
                        : annotation.id();
                collector.add(id, List.of(annotation.vars()));
                any = true;
            }
        }
        if (any) {
            addAll(cases, collector.result(), where, mustPass);
        }
    }

    private void addAll(Map<String, PromptCase> cases, CaseFileResult result, String where, boolean mustPass) {
        for (CaseProblem problem : result.problems()) {
            issues.reportIssue(DiscoveryIssue.builder(Severity.WARNING, problem + " (case skipped, in " + where + ")")
                    .source(resourceSource(problem.file(), problem.line())));
        }
        for (PromptCase loaded : result.cases()) {
            PromptCase promptCase = mustPass ? loaded.asMustPass() : loaded;
            PromptCase earlier = cases.putIfAbsent(promptCase.id(), promptCase);
            if (earlier != null) {
                issues.reportIssue(DiscoveryIssue.builder(
                                Severity.WARNING,
                                promptCase.origin() + ": case id '" + promptCase.id() + "' of " + where
                                        + " is already used at " + earlier.origin()
                                        + " (case skipped). Give every case of a method its own id.")
                        .source(resourceSource(
                                promptCase.origin().file(), promptCase.origin().line())));
            }
        }
    }

    private CaseFileOptions options(CaseSplit split) {
        CaseFileOptions options = CaseFileOptions.defaults().withHoldout(holdout);
        return switch (split) {
            case AUTO -> options.withAutoSplit();
            case TUNE -> options.withSplit(Split.TUNE);
            case HOLDOUT -> options.withSplit(Split.HOLDOUT);
        };
    }

    private static ClasspathResourceSource resourceSource(String file, int line) {
        return line > 0
                ? ClasspathResourceSource.from(file, FilePosition.from(line))
                : ClasspathResourceSource.from(file);
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
