package io.strongroom.kms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.strongroom.kms.crypto.Signatures;
import org.junit.jupiter.api.Test;

/** The key service is domain code: the protocol, the store and JSON belong to other modules. */
class ArchitectureTest {
    private final JavaClasses kms = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.strongroom.kms");

    @Test
    void theMainCodeIsImported() {
        assertThat(kms.contain(KmsService.class)).isTrue();
        assertThat(kms.contain(Signatures.class)).isTrue();
        assertThat(kms.stream().noneMatch(c -> c.getName().startsWith("io.strongroom.kms.testing."))).isTrue();
    }

    @Test
    void domainCodeDependsOnNoHttp() {
        noClasses().that().resideInAPackage("io.strongroom.kms..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.servlet..",
                        "org.eclipse.jetty..", "java.net.http..", "com.sun.net.httpserver..")
                .check(kms);
    }

    @Test
    void domainCodeDependsOnNoSql() {
        noClasses().that().resideInAPackage("io.strongroom.kms..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(kms);
    }

    @Test
    void domainCodeDependsOnNoJackson() {
        noClasses().that().resideInAPackage("io.strongroom.kms..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .check(kms);
    }
}
