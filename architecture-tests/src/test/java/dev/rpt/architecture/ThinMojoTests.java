package dev.rpt.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.IntSummaryStatistics;
import org.junit.jupiter.api.Test;

/**
 * A mojo only adapts Maven parameters into a call of rpt-tools and maps the outcome to Maven's exceptions, as JaCoCo's
 * do; everything a Gradle plugin would also need lives in the library. The cap keeps logic from growing back into a
 * mojo: it counts the source lines that hold code (from the first to the last line with a statement in any method),
 * not the {@code @Parameter} fields and their Javadoc.
 */
class ThinMojoTests {

    /** About what JaCoCo's CheckMojo has. */
    static final int MAX_CODE_LINES = 60;

    private static final JavaClasses MOJOS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rpt.maven");

    @Test
    void everyMojoIsAThinAdapter() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Mojo")
                .and()
                .resideInAPackage("dev.rpt.maven")
                .should(haveAtMostCodeLines(MAX_CODE_LINES))
                .check(MOJOS);
    }

    private static ArchCondition<JavaClass> haveAtMostCodeLines(int max) {
        return new ArchCondition<>("have at most " + max + " lines of code") {
            @Override
            public void check(JavaClass mojo, ConditionEvents events) {
                int lines = codeLines(mojo);
                events.add(new SimpleConditionEvent(
                        mojo,
                        lines <= max,
                        mojo.getSimpleName() + " has " + lines + " lines of code (at most " + max + "); move the"
                                + " logic into rpt-tools behind its facade"));
            }
        };
    }

    /** The span of lines holding statements, summed over the class's methods and constructors. */
    static int codeLines(JavaClass type) {
        int total = 0;
        for (JavaCodeUnit unit : type.getCodeUnits()) {
            IntSummaryStatistics lines = unit.getAccessesFromSelf().stream()
                    .mapToInt(JavaAccess::getLineNumber)
                    .filter(line -> line > 0)
                    .summaryStatistics();
            if (lines.getCount() > 0) {
                total += lines.getMax() - lines.getMin() + 1;
            }
        }
        return total;
    }
}
