package io.strongroom.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.strongroom.store.jdbc.PostgresTestDatabase;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Starts one in-process Strongroom server per test class ({@code @ExtendWith(StrongroomExtension.class)})
 * and stops it after the class. Test constructors, lifecycle methods and test methods may ask for
 * {@link StrongroomTestServer}, {@link AwsClients} (the administrator's), {@link IamClient},
 * {@link StsClient}, {@link OrganizationsClient}, {@link CloudTrailClient}, {@link KmsClient} or {@link S3Client}.
 * {@link UsePostgres} on the class puts the store on PostgreSQL.
 */
public final class StrongroomExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StrongroomExtension.class);
    private static final String SERVER = "server";
    private static final Set<Class<?>> RESOLVABLE =
            Set.of(StrongroomTestServer.class, AwsClients.class, IamClient.class, StsClient.class,
                    OrganizationsClient.class, CloudTrailClient.class, KmsClient.class,
                    S3Client.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        serverFor(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVABLE.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        StrongroomTestServer server;
        try {
            server = serverFor(context);
        } catch (Exception e) {
            throw new ParameterResolutionException("The Strongroom test server did not start", e);
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == IamClient.class) {
            return server.iam();
        }
        if (type == StsClient.class) {
            return server.sts();
        }
        if (type == OrganizationsClient.class) {
            return server.adminClients().organizations();
        }
        if (type == CloudTrailClient.class) {
            return server.adminClients().cloudTrail();
        }
        if (type == KmsClient.class) {
            return server.adminClients().kms();
        }
        if (type == S3Client.class) {
            return server.adminClients().s3();
        }
        if (type == AwsClients.class) {
            return server.adminClients();
        }
        return server;
    }

    /** The server of the test class, started on first use and closed by JUnit with the class's store. */
    private static StrongroomTestServer serverFor(ExtensionContext context) throws Exception {
        ExtensionContext classContext = classContext(context);
        ExtensionContext.Store store = classContext.getStore(NAMESPACE);
        StrongroomTestServer existing = store.get(SERVER, StrongroomTestServer.class);
        if (existing != null) {
            return existing;
        }
        StrongroomTestServer started = start(classContext);
        store.put(SERVER, started); // AutoCloseable: JUnit closes it when the class finishes
        return started;
    }

    private static StrongroomTestServer start(ExtensionContext classContext) throws Exception {
        boolean postgres = classContext.getRequiredTestClass().isAnnotationPresent(UsePostgres.class);
        if (!postgres) {
            return StrongroomTestServer.start();
        }
        Optional<String> adminUrl = PostgresTestDatabase.adminUrl();
        if (adminUrl.isEmpty()) {
            System.out.println("NOTICE: " + PostgresTestDatabase.VARIABLE + " is not set; skipping "
                    + classContext.getRequiredTestClass().getSimpleName() + " (PostgreSQL).");
        }
        assumeTrue(adminUrl.isPresent(), PostgresTestDatabase.VARIABLE + " is not set");
        PostgresTestDatabase database = PostgresTestDatabase.create(adminUrl.get());
        try {
            StrongroomTestServer server = StrongroomTestServer.start(Optional.of(database.url()), Map.of());
            server.closeAfterStop(database);
            return server;
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
