package dev.driftd.dialect.postgres;

import dev.driftd.dialect.postgres.PostgresPlanner.Phase;
import dev.driftd.diff.Change;
import dev.driftd.diff.ModelField;
import dev.driftd.plan.Hazard;
import dev.driftd.schema.CompositeType;
import dev.driftd.schema.Domain;
import dev.driftd.schema.EnumType;
import dev.driftd.schema.NamedCheck;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.TypeAttribute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The type pass of a PostgreSQL plan: enums get new labels in place, or are renamed away and built
 * again when the rebuild set says so; domains have their default, NOT NULL and checks altered; composite
 * types have attributes dropped, retyped and appended. What PostgreSQL cannot alter (a domain's base type,
 * reordered attributes) is a warning.
 */
final class PgTypeChanges {
    private final Map<ObjectKey, Change> changes;
    private final Set<ObjectKey> recreateEnums;
    private final PgDdl ddl;
    private final PgPlanSteps out;

    PgTypeChanges(Map<ObjectKey, Change> changes, PgRebuildSet rebuild, PgDdl ddl, PgPlanSteps out) {
        this.changes = changes;
        this.recreateEnums = rebuild.recreateEnums();
        this.ddl = ddl;
        this.out = out;
    }

    /** Enums, domains and composite types: created, dropped, or altered in place. */
    void emit() {
        for (Change c : changes.values()) {
            switch (c.kind()) {
                case ENUM_TYPE -> emitEnum(c);
                case DOMAIN -> emitDomain(c);
                case COMPOSITE_TYPE -> emitComposite(c);
                default -> {
                }
            }
        }
    }

    private void emitEnum(Change c) {
        switch (c.type()) {
            case MISSING -> out.add(Phase.TYPES, ddl.createEnum((EnumType) c.after()), "missing enum type");
            case EXTRA -> {
                EnumType e = (EnumType) c.before();
                out.add(Phase.DROP_TYPES, ddl.dropType(e.schema(), e.name()), "extra enum type");
                out.drops(c.key());
            }
            case CHANGED -> {
                EnumType t = (EnumType) c.before();
                EnumType g = (EnumType) c.after();
                if (!c.changes(ModelField.ENUM_LABELS)) {
                    out.unhandled(c, ModelField.COMMENT);
                    return;
                }
                if (recreateEnums.contains(c.key())) {
                    String old = g.name() + PostgresPlanner.OLD_ENUM_SUFFIX;
                    out.add(Phase.TYPES, ddl.renameType(g.schema(), g.name(), old),
                            "enum labels " + t.labels() + " -> " + g.labels()
                                    + " cannot change in place: the old type is renamed, a new one built",
                            Hazard.RECREATES_DEPENDENTS);
                    out.add(Phase.TYPES, ddl.createEnum(g), "enum type re-created with golden's labels");
                    out.add(Phase.DROP_TYPES, ddl.dropType(g.schema(), old),
                            "the replaced enum type, no longer used");
                } else {
                    List<String> present = new ArrayList<>(t.labels());
                    for (int i = 0; i < g.labels().size(); i++) {
                        String label = g.labels().get(i);
                        if (present.contains(label)) {
                            continue;
                        }
                        String prev = null;
                        for (int j = i - 1; j >= 0 && prev == null; j--) {
                            if (present.contains(g.labels().get(j))) {
                                prev = g.labels().get(j);
                            }
                        }
                        String next = prev != null || present.isEmpty() ? null
                                : g.labels().stream().filter(present::contains).findFirst().orElseThrow();
                        out.add(Phase.TYPES, ddl.addEnumLabel(g, label, prev, next),
                                "missing enum label (usable once this transaction commits)");
                        present.add(label);
                    }
                }
                out.unhandled(c, ModelField.ENUM_LABELS, ModelField.COMMENT);
            }
        }
    }

    private void emitDomain(Change c) {
        switch (c.type()) {
            case MISSING -> {
                Domain g = (Domain) c.after();
                out.add(Phase.TYPES, ddl.createDomain(g), "missing domain");
                out.creates(c.key());
                checkComments(g, Map.of(), "comment as in golden");
            }
            case EXTRA -> {
                Domain d = (Domain) c.before();
                out.add(Phase.DROP_TYPES, ddl.dropDomain(d), "extra domain");
                out.drops(c.key());
            }
            case CHANGED -> {
                Domain t = (Domain) c.before();
                Domain g = (Domain) c.after();
                if (c.changes(ModelField.DOMAIN_BASE_TYPE) || c.changes(ModelField.DOMAIN_COLLATION)) {
                    out.warn("cannot reconcile " + c.key().display() + ": its base type or collation differs ("
                            + t.baseType() + " -> " + g.baseType() + "); PostgreSQL cannot alter that in place");
                }
                if (c.changes(ModelField.DOMAIN_DEFAULT)) {
                    out.add(Phase.TYPES, ddl.alterDomainDefault(g), "domain default differs");
                }
                if (c.changes(ModelField.DOMAIN_NOT_NULL)) {
                    out.add(Phase.TYPES, ddl.alterDomainNotNull(g),
                            "domain nullability differs", g.notNull() ? new Hazard[]{Hazard.VALIDATES_ROWS} : new Hazard[0]);
                }
                // the comments the target's checks will have: a check dropped and added again has none
                Map<String, String> targetComments = new HashMap<>(t.checkComments());
                if (c.changes(ModelField.DOMAIN_CHECKS)) {
                    for (NamedCheck ck : t.checks()) {
                        if (!g.checks().contains(ck)) {
                            out.add(Phase.TYPES, ddl.dropDomainCheck(g, ck), "domain check differs");
                            targetComments.remove(ck.name());
                        }
                    }
                    for (NamedCheck ck : g.checks()) {
                        if (!t.checks().contains(ck)) {
                            out.add(Phase.TYPES, ddl.addDomainCheck(g, ck), "missing domain check", Hazard.VALIDATES_ROWS);
                            out.creates(c.key());
                        }
                    }
                }
                checkComments(g, targetComments, "comment differs");
                out.unhandled(c, ModelField.DOMAIN_BASE_TYPE, ModelField.DOMAIN_COLLATION, ModelField.DOMAIN_DEFAULT,
                        ModelField.DOMAIN_NOT_NULL, ModelField.DOMAIN_CHECKS, ModelField.DOMAIN_CHECK_COMMENTS, ModelField.COMMENT);
            }
        }
    }

    /**
     * Sets the comment of each of golden's checks whose comment differs from the one the target's
     * check will have after the plan's check changes ({@code targetComments}).
     */
    private void checkComments(Domain g, Map<String, String> targetComments, String reason) {
        for (NamedCheck ck : g.checks()) {
            String wanted = g.checkComments().get(ck.name());
            if (!Objects.equals(wanted, targetComments.get(ck.name()))) {
                out.add(Phase.COMMENTS, PgDdl.comment(ddl.domainCheckCommentTarget(g, ck.name()), wanted), reason);
            }
        }
    }

    private void emitComposite(Change c) {
        switch (c.type()) {
            case MISSING -> {
                out.add(Phase.TYPES, ddl.createComposite((CompositeType) c.after()), "missing composite type");
                out.creates(c.key());
            }
            case EXTRA -> {
                CompositeType t = (CompositeType) c.before();
                out.add(Phase.DROP_TYPES, ddl.dropType(t.schema(), t.name()), "extra composite type");
                out.drops(c.key());
            }
            case CHANGED -> {
                CompositeType t = (CompositeType) c.before();
                CompositeType g = (CompositeType) c.after();
                if (c.changes(ModelField.COMPOSITE_ATTRIBUTES)) {
                    alterComposite(c, t, g);
                }
                // attribute comments: set with the other comments (PostgresPlanner.emitComments)
                out.unhandled(c, ModelField.COMPOSITE_ATTRIBUTES, ModelField.COLUMN_COMMENTS, ModelField.COMMENT);
            }
        }
    }

    /** Attributes are dropped, altered and appended in place when golden's order allows it. */
    private void alterComposite(Change c, CompositeType t, CompositeType g) {
        Map<String, TypeAttribute> before = new LinkedHashMap<>();
        t.attributes().forEach(a -> before.put(a.name(), a));
        Map<String, TypeAttribute> after = new LinkedHashMap<>();
        g.attributes().forEach(a -> after.put(a.name(), a));
        List<String> kept = new ArrayList<>(before.keySet());
        kept.retainAll(after.keySet());
        List<String> goldenPrefix = new ArrayList<>(after.keySet()).subList(0, Math.min(kept.size(), after.size()));
        if (!kept.equals(goldenPrefix)) {
            out.warn("cannot reconcile " + c.key().display() + ": its attributes are in another order ("
                    + before.keySet() + " -> " + after.keySet() + "); PostgreSQL cannot reorder them in place");
            return;
        }
        List<String> actions = new ArrayList<>();
        for (String a : before.keySet()) {
            if (!after.containsKey(a)) {
                actions.add(PgDdl.dropAttribute(a));
            }
        }
        for (String a : kept) {
            TypeAttribute x = before.get(a);
            TypeAttribute y = after.get(a);
            if (!x.equals(y)) {
                actions.add(PgDdl.alterAttributeType(y));
            }
        }
        for (String a : after.keySet()) {
            if (!before.containsKey(a)) {
                actions.add(ddl.addAttribute(after.get(a)));
            }
        }
        if (!actions.isEmpty()) {
            out.add(Phase.TYPES, ddl.alterComposite(g, actions), "composite type attributes differ");
        }
    }
}
