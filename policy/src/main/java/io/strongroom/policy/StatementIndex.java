package io.strongroom.policy;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The statements of one document grouped by the service prefix of their actions, built at parse
 * time so a request only visits statements that could match its action. Statements with
 * {@code "Action": "*"} or a NotAction can match any service and are part of every group. Document
 * order is kept inside each group.
 */
final class StatementIndex {
    private static final Statement[] NONE = new Statement[0];

    private final Map<String, Statement[]> byService;
    private final Statement[] anyService;

    StatementIndex(List<Statement> statements) {
        Set<String> services = new LinkedHashSet<>();
        for (Statement statement : statements) {
            if (statement.actionServices() != null) {
                services.addAll(statement.actionServices());
            }
        }
        Map<String, Statement[]> groups = new HashMap<>();
        for (String service : services) {
            groups.put(service, statements.stream()
                    .filter(s -> s.actionServices() == null || s.actionServices().contains(service))
                    .toArray(Statement[]::new));
        }
        this.byService = Map.copyOf(groups);
        Statement[] any = statements.stream().filter(s -> s.actionServices() == null).toArray(Statement[]::new);
        this.anyService = any.length == 0 ? NONE : any;
    }

    /** Lower-cased service prefix of an action ({@code s3} for {@code S3:GetObject}); "" when there is none. */
    static String serviceOf(String action) {
        int colon = action.indexOf(':');
        return colon < 0 ? "" : action.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** The statements that may match an action of this (lower-cased) service, in document order. */
    Statement[] candidates(String service) {
        Statement[] group = byService.get(service);
        return group != null ? group : anyService;
    }
}
