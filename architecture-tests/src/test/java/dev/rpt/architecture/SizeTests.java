package dev.rpt.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Small classes with one job, and methods a reader takes in at once: no main class holds more than {@value
 * #MAX_CLASS_LINES} lines of code (its nested types counted with it) and no method or constructor more than {@value
 * #MAX_METHOD_LINES}, counted as {@link ThinMojoTests} counts them (the span of lines that hold statements, so Javadoc,
 * fields and blank lines are free). The mojos' own cap of 60 is the same rule made stricter.
 */
class SizeTests {

    static final int MAX_CLASS_LINES = 400;
    static final int MAX_METHOD_LINES = 60;

    /**
     * The classes allowed to be larger, each with why. A Jackson record family that mirrors one file format reads best
     * as one file beside the format's schema: splitting it would scatter the format's fields over files.
     */
    private static final Map<String, String> LARGER_CLASSES = Map.of(
            "dev.rpt.core.report.RunReportJson",
            "the records of the run report's JSON format, one per object of docs/run-report.schema.json");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rpt");

    @Test
    void noMainClassIsOverTheCapExceptTheNamedOnes() {
        Map<String, Integer> lines = new TreeMap<>();
        for (JavaClass type : MAIN) {
            lines.merge(type.getName().replaceAll("\\$.*", ""), ThinMojoTests.codeLines(type), Integer::sum);
        }
        List<String> over = new ArrayList<>();
        lines.forEach((name, count) -> {
            if (count > MAX_CLASS_LINES && !LARGER_CLASSES.containsKey(name)) {
                over.add(name + " has " + count + " lines of code (at most " + MAX_CLASS_LINES + "): split it by job");
            }
        });
        assertThat(over).isEmpty();
        assertThat(lines)
                .as("every named exception still exists")
                .containsKeys(LARGER_CLASSES.keySet().toArray(String[]::new));
    }

    @Test
    void noMethodIsOverTheCap() {
        List<String> over = new ArrayList<>();
        for (JavaClass type : MAIN) {
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                IntSummaryStatistics statements = unit.getAccessesFromSelf().stream()
                        .mapToInt(JavaAccess::getLineNumber)
                        .filter(line -> line > 0)
                        .summaryStatistics();
                int span = statements.getCount() == 0 ? 0 : statements.getMax() - statements.getMin() + 1;
                if (span > MAX_METHOD_LINES) {
                    over.add(type.getName() + "." + unit.getName() + " spans " + span + " lines of code (at most "
                            + MAX_METHOD_LINES + "): extract what its parts do");
                }
            }
        }
        assertThat(over).isEmpty();
    }
}
