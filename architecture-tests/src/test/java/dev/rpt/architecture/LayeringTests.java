package dev.rpt.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The layering of every published artifact, checked on their compiled classes. docs/architecture.md explains the
 * modules; these rules keep them honest:
 *
 * <pre>
 *   rpt-api  ←  rpt-prompt  ←  rpt-core  ←  rpt-junit-engine, rpt-assertions, rpt-sim (found by ServiceLoader only)
 *                                  ↑
 *                              rpt-tools  ←  rpt-maven-plugin, rpt-cli
 * </pre>
 */
class LayeringTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rpt");

    @Test
    void theRulesSeeEveryArtifact() {
        // A rule over no classes passes; make sure the importer found what the rules are about.
        for (String module : Modules.PACKAGES.keySet()) {
            assertThat(MAIN.stream().anyMatch(type -> Modules.of(type).equals(module)))
                    .as(module)
                    .isTrue();
        }
    }

    @Test
    void modulesDependOnlyDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("api")
                .definedBy("dev.rpt.api..")
                .layer("prompt")
                .definedBy("dev.rpt.prompt..", "dev.rpt.chat..")
                .layer("core")
                .definedBy("dev.rpt.core..")
                .layer("sim")
                .definedBy("dev.rpt.sim..")
                .layer("assertions")
                .definedBy("dev.rpt.assertions..")
                .layer("engine")
                .definedBy("dev.rpt.junit..")
                .layer("tools")
                .definedBy("dev.rpt.tools..")
                .layer("maven")
                .definedBy("dev.rpt.maven..")
                .layer("cli")
                .definedBy("dev.rpt.cli..")
                .whereLayer("maven")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("tools")
                .mayOnlyBeAccessedByLayers("maven", "cli")
                .whereLayer("engine")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("assertions")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("sim")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("core")
                .mayOnlyBeAccessedByLayers("sim", "assertions", "engine", "tools", "maven", "cli")
                .whereLayer("prompt")
                .mayOnlyBeAccessedByLayers("core", "sim", "assertions", "engine", "tools", "maven", "cli")
                .check(MAIN);
    }

    @Test
    void theApiPackageDependsOnTheJdkAlone() {
        noClasses()
                .that()
                .resideInAPackage("dev.rpt.api")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "dev.rpt.api", "org.apiguardian.api..")
                .check(MAIN);
    }

    @Test
    void thePromptArtifactNeedsOnlyJacksonTheApiAndTheJdk() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.rpt.prompt..", "dev.rpt.chat..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "java..",
                        "dev.rpt.api",
                        "dev.rpt.prompt..",
                        "dev.rpt.chat..",
                        "com.fasterxml.jackson..",
                        "org.apiguardian.api..")
                .check(MAIN);
    }

    @Test
    void theLibrariesKnowNeitherJUnitNorMaven() {
        // rpt-tools is what a Gradle plugin or a CLI would call, so it must not lean on either build tool.
        noClasses()
                .that()
                .resideInAnyPackage("dev.rpt.api..", "dev.rpt.prompt..", "dev.rpt.core..", "dev.rpt.tools..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.junit..", "org.apache.maven..", "org.opentest4j..")
                .check(MAIN);
    }

    @Test
    void theTestEngineNeedsNoneOfTheHeavyTools() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.rpt.api..", "dev.rpt.prompt..", "dev.rpt.core..", "dev.rpt.junit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jfree..", "com.github.difflib..")
                .check(MAIN);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.rpt.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noPackageIsSplitAcrossArtifacts() {
        Map<String, Set<String>> modulesByPackage = new TreeMap<>();
        for (JavaClass type : MAIN) {
            modulesByPackage
                    .computeIfAbsent(type.getPackageName(), name -> new TreeSet<>())
                    .add(Modules.locationOf(type));
        }
        modulesByPackage.values().removeIf(modules -> modules.size() == 1);
        assertThat(modulesByPackage).as("packages split across artifacts").isEmpty();
    }

    @Test
    void everyPublicTypeStatesItsApiStatus() {
        // As JUnit does: EXPERIMENTAL for what users write against, INTERNAL for the rest. Mojos are reached through
        // their goals and parameters (docs/), never as Java types, and Maven generates HelpMojo.
        classes()
                .that()
                .resideOutsideOfPackage("dev.rpt.maven..")
                .and()
                .arePublic()
                .and()
                .areTopLevelClasses()
                .should()
                .beAnnotatedWith(API.class)
                .check(MAIN);
    }

    @Test
    void theApiPackageHoldsNoInternalType() {
        classes()
                .that()
                .resideInAPackage("dev.rpt.api")
                .and()
                .arePublic()
                .should()
                .notBeAnnotatedWith(Modules.internal())
                .check(MAIN);
    }

    @Test
    void noTwoTopLevelTypesShareASimpleName() {
        // Two Thresholds, two DiagnosticReport and three Json classes once made readers guess which one an import
        // meant; a top-level name says what a type is, once.
        Map<String, Set<String>> byName = new TreeMap<>();
        for (JavaClass type : MAIN) {
            if (type.isTopLevelClass() && !type.getSimpleName().equals("package-info")) {
                byName.computeIfAbsent(type.getSimpleName(), name -> new TreeSet<>())
                        .add(type.getName());
            }
        }
        byName.values().removeIf(types -> types.size() == 1);
        assertThat(byName).as("top-level types that share a simple name").isEmpty();
    }
}
