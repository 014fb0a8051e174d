package io.strongroom.organizations;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final JavaClasses organizations = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.strongroom.organizations");

    @Test
    void domainCodeImportsNoJettyJdbcOrJackson() {
        noClasses().that().resideInAPackage("io.strongroom.organizations..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "java.sql..", "javax.sql..",
                        "com.fasterxml.jackson..", "jakarta.servlet..", "javax.servlet..")
                .check(organizations);
    }
}
