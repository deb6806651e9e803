package dev.baton.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of ARCHITECTURE.md that Maven cannot enforce by itself: which module may use
 * which, no cycles, no framework or JDBC in the cores, no console output outside the CLI, and
 * {@code internal} packages kept to their module. Modules that do not exist yet are optional layers.
 */
class ArchitectureTest {

    static final List<String> CORES = List.of("model", "engine", "insight", "measure", "plan", "exchange", "assist");

    static JavaClasses classes;

    @BeforeAll
    static void importBaton() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Test jars of other modules (the engine's EventStoreContract) are tests too.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.baton");
    }

    @Test
    void modulesDependOnlyAlongTheDeclaredEdges() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("model").definedBy("dev.baton.model..")
                .layer("engine").definedBy("dev.baton.engine..")
                .layer("insight").definedBy("dev.baton.insight..")
                .layer("measure").definedBy("dev.baton.measure..")
                .layer("plan").definedBy("dev.baton.plan..")
                .layer("exchange").definedBy("dev.baton.exchange..")
                .layer("assist").definedBy("dev.baton.assist..")
                .layer("app").definedBy("dev.baton.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("assist").mayOnlyBeAccessedByLayers("app")
                .whereLayer("plan").mayOnlyBeAccessedByLayers("assist", "app")
                .whereLayer("insight").mayOnlyBeAccessedByLayers("plan", "assist", "app")
                .whereLayer("measure").mayOnlyBeAccessedByLayers("plan", "assist", "app")
                .whereLayer("exchange").mayOnlyBeAccessedByLayers("assist", "app")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("insight", "measure", "exchange", "assist", "app")
                .check(classes);
    }

    @Test
    void noCyclesBetweenModulesOrBetweenFeaturePackages() {
        slices().matching("dev.baton.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
        slices().matching("dev.baton.(*).(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }

    @Test
    void theCoresUseNoFrameworkAndNoDatabase() {
        String[] cores = CORES.stream().map(m -> "dev.baton." + m + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage(cores)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta..", "picocli..",
                        // One Jackson major: cores that read JSON use Jackson 3 (tools.jackson), never 2.
                        "com.fasterxml.jackson.core..", "com.fasterxml.jackson.databind..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLinePrintsToTheConsole() {
        noClasses().that().resideOutsideOfPackage("dev.baton.app.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(classes);
    }

    @Test
    void internalPackagesAreUsedOnlyFromTheirOwnModule() {
        for (String module : CORES) {
            noClasses().that().resideOutsideOfPackage("dev.baton." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("dev.baton." + module + "..internal..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }
}
