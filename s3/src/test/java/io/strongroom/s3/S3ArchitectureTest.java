package io.strongroom.s3;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import io.strongroom.s3.crypto.SegmentCipher;
import io.strongroom.s3.naming.BucketNames;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** S3 is domain code: HTTP, the store and JSON belong to other modules. */
class S3ArchitectureTest {
    private final JavaClasses s3 = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.strongroom.s3");

    @Test
    void theMainCodeIsImported() {
        assertThat(s3.contain(S3Repository.class)).isTrue();
        assertThat(s3.contain(ChecksumAlgorithm.class)).isTrue();
        assertThat(s3.contain(SegmentCipher.class)).isTrue();
        assertThat(s3.contain(BucketNames.class)).isTrue();
        assertThat(s3.stream().noneMatch(c -> c.getName().startsWith("io.strongroom.s3.testing."))).isTrue();
    }

    @Test
    void domainCodeDependsOnNoHttp() {
        noClasses().that().resideInAPackage("io.strongroom.s3..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.servlet..",
                        "org.eclipse.jetty..", "java.net.http..", "com.sun.net.httpserver..")
                .check(s3);
    }

    @Test
    void domainCodeDependsOnNoSql() {
        noClasses().that().resideInAPackage("io.strongroom.s3..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(s3);
    }

    @Test
    void domainCodeDependsOnNoJackson() {
        noClasses().that().resideInAPackage("io.strongroom.s3..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .check(s3);
    }
}
