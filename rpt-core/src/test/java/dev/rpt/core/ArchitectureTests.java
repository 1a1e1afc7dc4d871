package dev.rpt.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The layering of rpt-core and rpt-prompt, checked on their compiled classes: the packages form no cycle, the core
 * knows neither JUnit nor Maven, nothing reaches into the simulator (providers are found through ServiceLoader), and
 * the prompt artifact that applications ship depends on Jackson, the JDK and apiguardian's annotations alone; every public type states its API
 * status.
 */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rpt");

    @Test
    void theRulesSeeBothArtifacts() {
        // A rule over no classes passes; make sure the importer found what the rules are about.
        assertThat(MAIN.containPackage("dev.rpt.core.gate")).isTrue();
        assertThat(MAIN.containPackage("dev.rpt.core.report")).isTrue();
        assertThat(MAIN.containPackage("dev.rpt.core.model.sim")).isTrue();
        assertThat(MAIN.containPackage("dev.rpt.prompt")).isTrue();
        assertThat(MAIN.containPackage("dev.rpt.chat")).isTrue();
    }

    @Test
    void corePackagesFormNoCycle() {
        slices().matching("dev.rpt.core.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theCoreKnowsNeitherJUnitNorMaven() {
        noClasses()
                .that()
                .resideInAPackage("dev.rpt.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.junit..", "org.apache.maven..", "org.opentest4j..")
                .check(MAIN);
    }

    @Test
    void nothingOutsideTheSimulatorDependsOnIt() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.rpt.core.model.sim..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.rpt.core.model.sim..")
                .check(MAIN);
    }

    @Test
    void thePromptArtifactNeedsOnlyJacksonAndTheJdk() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.rpt.prompt..", "dev.rpt.chat..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "java..",
                        "dev.rpt.prompt..",
                        "dev.rpt.chat..",
                        "com.fasterxml.jackson..",
                        "org.apiguardian.api..")
                .check(MAIN);
    }

    @Test
    void everyPublicTypeStatesItsApiStatus() {
        // As JUnit does: EXPERIMENTAL for what users write against, INTERNAL for the rest.
        classes()
                .that()
                .arePublic()
                .and()
                .areTopLevelClasses()
                .should()
                .beAnnotatedWith(API.class)
                .check(MAIN);
    }
}
