package dev.rpt.architecture;

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

/** Report-only probe: which classes and methods are over the caps. */
class SizeTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rpt");

    @Test
    void probe() {
        Map<String, Integer> classes = new TreeMap<>();
        List<String> methods = new ArrayList<>();
        for (JavaClass type : MAIN) {
            String top = type.getName().replaceAll("\\$.*", "");
            classes.merge(top, ThinMojoTests.codeLines(type), Integer::sum);
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                IntSummaryStatistics lines = unit.getAccessesFromSelf().stream()
                        .mapToInt(JavaAccess::getLineNumber)
                        .filter(line -> line > 0)
                        .summaryStatistics();
                if (lines.getCount() > 0 && lines.getMax() - lines.getMin() + 1 > 60) {
                    methods.add((lines.getMax() - lines.getMin() + 1) + " " + type.getName() + "." + unit.getName());
                }
            }
        }
        classes.forEach((name, lines) -> {
            if (lines > 300) {
                System.out.println("CLASS " + lines + " " + name);
            }
        });
        methods.forEach(m -> System.out.println("METHOD " + m));
    }
}
