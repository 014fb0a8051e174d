package io.strongroom.policy;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements of one document grouped by the service prefix of their actions, built at parse
 * time so a request only visits statements that could match its action. Statements with
 * {@code "Action": "*"} or a NotAction can match any service and are part of every group. Document
 * order is kept inside each group.
 *
 * <p>Service names are interned here and by {@link ActionNames}, so a document naming a few services
 * finds a request's group by comparing references; larger documents use a hash map.
 */
final class StatementIndex {
    private static final Statement[] NONE = new Statement[0];
    /** Up to this many services a reference scan beats hashing. */
    private static final int SCANNED_SERVICES = 8;

    private final String[] services;
    private final Statement[][] groups;
    private final Map<String, Statement[]> byService;
    private final Statement[] anyService;

    StatementIndex(List<Statement> statements) {
        Set<String> names = new LinkedHashSet<>();
        for (Statement statement : statements) {
            if (statement.actionServices() != null) {
                statement.actionServices().forEach(service -> names.add(service.intern()));
            }
        }
        Map<String, Statement[]> groupsByService = new HashMap<>();
        for (String service : names) {
            groupsByService.put(service, statements.stream()
                    .filter(s -> s.actionServices() == null || s.actionServices().contains(service))
                    .toArray(Statement[]::new));
        }
        Statement[] any = statements.stream().filter(s -> s.actionServices() == null).toArray(Statement[]::new);
        this.anyService = any.length == 0 ? NONE : any;
        if (names.size() <= SCANNED_SERVICES) {
            this.services = names.toArray(String[]::new);
            this.groups = new Statement[services.length][];
            for (int i = 0; i < services.length; i++) {
                groups[i] = groupsByService.get(services[i]);
            }
            this.byService = null;
        } else {
            this.services = null;
            this.groups = null;
            this.byService = Map.copyOf(groupsByService);
        }
    }

    /**
     * The statements that may match an action of this service, in document order.
     *
     * @param service the lower-cased service prefix, interned ({@link ActionNames#of} interns it)
     */
    Statement[] candidates(String service) {
        if (services != null) {
            for (int i = 0; i < services.length; i++) {
                if (services[i] == service) {
                    return groups[i];
                }
            }
            return anyService;
        }
        Statement[] group = byService.get(service);
        return group != null ? group : anyService;
    }
}
