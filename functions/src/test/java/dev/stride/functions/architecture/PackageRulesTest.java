package dev.stride.functions.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.stride.functions.runs.GetRunHandler;
import org.junit.jupiter.api.Test;

/** The handlers' packages import no package that imports them back, and no handler reaches into another feature. */
class PackageRulesTest {

    private static final JavaClasses FUNCTIONS = new ClassFileImporter()
            .importUrl(GetRunHandler.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void packages_whenImported_thenNoCycleBetweenThem() {
        slices().matching("dev.stride.functions.(*)..").should().beFreeOfCycles().check(FUNCTIONS);
    }

    @Test
    void handlers_whenImported_thenUseNoPersistenceOrJsonDirectly() {
        noClasses().that().haveSimpleNameEndingWith("Handler")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "com.fasterxml.jackson..", "java.sql..")
                .check(FUNCTIONS);
    }
}
