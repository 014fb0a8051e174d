package io.strongroom.server.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Print the version.")
final class VersionCommand implements Callable<Integer> {

    private static final String POM_PROPERTIES = "/META-INF/maven/io.strongroom/strongroom-server/pom.properties";

    private final Launch launch;

    VersionCommand(Launch launch) {
        this.launch = requireNonNull(launch, "launch");
    }

    @Override
    public Integer call() {
        launch.out().println("strongroom " + version());
        return 0;
    }

    /** The version packaged into the jar; {@code development} when running from classes. */
    static String version() {
        try (InputStream in = VersionCommand.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}
