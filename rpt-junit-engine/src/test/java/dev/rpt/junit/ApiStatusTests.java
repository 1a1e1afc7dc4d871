package dev.rpt.junit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The annotations users write and the assertions' entry point state their API status, and the annotations depend on
 * nothing of the engine, so that they can move to an API artifact of their own.
 */
class ApiStatusTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rpt.junit", "dev.rpt.assertions");

    @Test
    void everyPublicTypeOfTheEngineAndTheAssertionsStatesItsApiStatus() {
        assertThat(MAIN.containPackage("dev.rpt.junit.engine")).isTrue();
        assertThat(MAIN.containPackage("dev.rpt.assertions")).isTrue();
        classes()
                .that()
                .arePublic()
                .and()
                .areTopLevelClasses()
                .should()
                .beAnnotatedWith(API.class)
                .check(MAIN);
    }

    @Test
    void theAnnotationsUsersWriteKnowNothingOfTheEngine() {
        noClasses()
                .that()
                .resideInAPackage("dev.rpt.junit")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.rpt.junit.engine..", "dev.rpt.junit.launch..")
                .check(MAIN);
    }
}
