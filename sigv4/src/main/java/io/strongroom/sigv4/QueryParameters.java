package io.strongroom.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A raw query string split into percent-decoded parameters, in order, repeats kept. */
final class QueryParameters {

    /** One parameter; a key without {@code =} has an empty value. Bytes are percent-decoded. */
    static final class Parameter {
        private final byte[] name;
        private final byte[] value;

        Parameter(byte[] name, byte[] value) {
            this.name = name;
            this.value = value;
        }

        String name() {
            return new String(name, StandardCharsets.UTF_8);
        }

        String value() {
            return new String(value, StandardCharsets.UTF_8);
        }

        String encodedName() {
            return AwsUriEncoding.encode(name);
        }

        String encodedValue() {
            return AwsUriEncoding.encode(value);
        }
    }

    private final List<Parameter> parameters;

    private QueryParameters(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    static QueryParameters parse(String rawQuery) {
        List<Parameter> parameters = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            parameters.add(new Parameter(AwsUriEncoding.decode(name), AwsUriEncoding.decode(value)));
        }
        return new QueryParameters(parameters);
    }

    List<Parameter> all() {
        return parameters;
    }

    /** All values of a parameter, matched exactly by decoded name. */
    List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                values.add(parameter.value());
            }
        }
        return values;
    }

    boolean contains(String name) {
        return !values(name).isEmpty();
    }

    /** The value of a parameter that may appear at most once. */
    Optional<String> single(String name) {
        List<String> values = values(name);
        if (values.size() > 1) {
            throw new IllegalArgumentException("Query parameter " + name + " appears more than once.");
        }
        return values.stream().findFirst();
    }
}
