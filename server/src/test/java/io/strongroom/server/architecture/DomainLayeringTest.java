package io.strongroom.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Domain modules stay free of HTTP, SQL and JSON frameworks (the policy parser alone may use Jackson). */
class DomainLayeringTest {

    /**
     * The policy module parses documents in its root package today. These parsing classes may use
     * Jackson until they move to {@code io.strongroom.policy.parser}; every other policy class
     * (the evaluators, matchers, the model) must not.
     */
    private static final Set<String> POLICY_PARSING_CLASSES_OUTSIDE_PARSER_PACKAGE = Set.of(
            "io.strongroom.policy.PolicyDocument", "io.strongroom.policy.StatementParser",
            "io.strongroom.policy.ConditionParser", "io.strongroom.policy.PrincipalParser",
            "io.strongroom.policy.Scalars", "io.strongroom.policy.PolicyOutline");

    private static JavaClasses classes;

    private static DescribedPredicate<JavaClass> notOneOf(Set<String> classNames) {
        return DescribedPredicate.describe("are not the policy parsing classes " + classNames,
                javaClass -> !classNames.contains(javaClass.getName())
                        && !classNames.contains(javaClass.getName().split("\\$", 2)[0]));
    }

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.strongroom");
    }

    @Test
    void domainPackagesImportNoJettyNoJdbcNoJackson() {
        noClasses()
                .that().resideInAnyPackage("io.strongroom.core..", "io.strongroom.sigv4..", "io.strongroom.rootkey..",
                        "io.strongroom.iam..", "io.strongroom.organizations..", "io.strongroom.audit..",
                        "io.strongroom.kms..", "io.strongroom.s3..", "io.strongroom.blobstore..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "java.sql..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void policyUsesJacksonOnlyInItsParserAndNeverJettyOrJdbc() {
        noClasses()
                .that().resideInAPackage("io.strongroom.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "java.sql..")
                .check(classes);
        noClasses()
                .that().resideInAPackage("io.strongroom.policy..")
                .and().resideOutsideOfPackage("io.strongroom.policy.parser..")
                .and(notOneOf(POLICY_PARSING_CLASSES_OUTSIDE_PARSER_PACKAGE))
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void theDomainModulesAreOnTheClasspath() {
        // Guards the rules above against passing vacuously.
        for (String pkg : new String[] {"io.strongroom.core", "io.strongroom.sigv4", "io.strongroom.rootkey",
                "io.strongroom.iam", "io.strongroom.policy", "io.strongroom.organizations", "io.strongroom.audit"}) {
            if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
                throw new AssertionError("no classes imported from " + pkg);
            }
        }
    }
}
