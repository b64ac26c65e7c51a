package dev.stride.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.stride.architecture.cycle.a.A;
import dev.stride.architecture.cycle.b.B;
import dev.stride.instance.Services;
import org.junit.jupiter.api.Test;

/**
 * How shared's packages may depend on each other: no package imports a package that imports it
 * back, and the domain (the features, paging, validation and the domain's own types) knows
 * neither HTTP nor JSON: only {@code dev.stride.api} turns requests and failures into HTTP.
 */
class PackageRulesTest {

    private static final JavaClasses SHARED = mainClassesOf(Services.class);

    /** The classes compiled with {@code type}: its module's main classes, read from where they were loaded. */
    static JavaClasses mainClassesOf(Class<?> type) {
        return new ClassFileImporter().importUrl(type.getProtectionDomain().getCodeSource().getLocation());
    }

    /** A cycle between any two packages under {@code root}, or between longer chains of them. */
    static ArchRule noCyclesUnder(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void packages_whenImported_thenNoCycleBetweenThem() {
        noCyclesUnder("dev.stride").check(SHARED);
    }

    @Test
    void domain_whenImported_thenKnowsNoHttpAndNoJson() {
        noClasses().that().resideInAnyPackage("dev.stride.domain..", "dev.stride.users..", "dev.stride.runs..",
                        "dev.stride.moods..", "dev.stride.dashboard..", "dev.stride.paging..", "dev.stride.validation..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.stride.api..", "dev.stride.json..",
                        "com.fasterxml.jackson..", "com.amazonaws.services.lambda..")
                .check(SHARED);
    }

    @Test
    void cycleRule_whenTwoPackagesImportEachOther_thenReportsTheCycle() {
        JavaClasses cyclic = new ClassFileImporter().importClasses(A.class, B.class);

        assertThat(noCyclesUnder("dev.stride.architecture.cycle").evaluate(cyclic).hasViolation()).isTrue();
    }
}
