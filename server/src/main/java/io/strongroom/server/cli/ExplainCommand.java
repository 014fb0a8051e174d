package io.strongroom.server.cli;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.access.RequestExplainer.ExplainRequest;
import io.strongroom.policy.Explanation;
import io.strongroom.server.config.ConfigLoader;
import io.strongroom.server.config.ConfigurationException;
import io.strongroom.server.config.Mode;
import io.strongroom.server.config.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code strongroom explain}: how the server would decide a request, across every policy type (SCPs and
 * RCPs level by level, the resource policy, identity-based policies, the permissions boundary, session
 * policies), with the statements that matched and the condition keys the request lacks. Reads the
 * store the settings name; changes nothing.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain how a request would be decided: every policy type, every matching statement.")
final class ExplainCommand implements Callable<Integer> {

    @Mixin
    SettingOptions options = new SettingOptions();

    @Option(names = "--principal", required = true, paramLabel = "ARN",
            description = "The caller: a user, a role (as a session of it) or an account root ARN")
    String principal;

    @Option(names = "--action", required = true, paramLabel = "ACTION", description = "For example s3:GetObject")
    String action;

    @Option(names = "--resource", defaultValue = "*", paramLabel = "ARN", description = "The resource ARN (default *)")
    String resource;

    @Option(names = "--context", paramLabel = "KEY=VALUE",
            description = "A condition key and value, e.g. aws:SourceIp=10.1.2.3; repeat a key for several values."
                    + " aws:SourceIp defaults to 127.0.0.1 and aws:SecureTransport to true")
    List<String> context = new ArrayList<>();

    @Option(names = "--resource-policy", paramLabel = "FILE", description = "The resource's policy (JSON file)")
    Path resourcePolicy;

    @Option(names = "--resource-owner", paramLabel = "ACCOUNT",
            description = "The account owning the resource when its ARN does not say (an S3 bucket)")
    String resourceOwner;

    private final Launch launch;

    ExplainCommand(Launch launch) {
        this.launch = requireNonNull(launch, "launch");
    }

    @Override
    public Integer call() {
        ServerConfig config = new ConfigLoader(launch.environment()).load(Mode.DEV, options.flags(),
                options.configFile());
        ExplainRequest request = new ExplainRequest(principal, action, resource, contextKeys(),
                Optional.ofNullable(resourcePolicy).map(ExplainCommand::read), Optional.ofNullable(resourceOwner),
                config.region());
        try {
            Explanation explanation = launch.explaining().explain(config, request);
            launch.out().print(explanation.render(action, resource));
            if (!explanation.decision().allowed()) {
                launch.out().println(explanation.decision().accessDeniedMessage(principal, action, resource));
            }
            return StrongroomCommand.EXIT_OK;
        } catch (AwsException e) {
            launch.err().println("strongroom: " + e.code() + ": " + e.getMessage());
            return StrongroomCommand.EXIT_CONFIGURATION;
        }
    }

    private Map<String, List<String>> contextKeys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (String entry : context) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new ConfigurationException("--context takes KEY=VALUE, not " + entry);
            }
            keys.computeIfAbsent(entry.substring(0, equals), k -> new ArrayList<>()).add(entry.substring(equals + 1));
        }
        return keys;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("--resource-policy: cannot read " + file + ": " + e.getMessage());
        }
    }
}
