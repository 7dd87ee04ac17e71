package dev.driftd.dialect.mysql;

import dev.driftd.diff.Change;
import dev.driftd.diff.ChangeType;
import dev.driftd.diff.ModelField;
import dev.driftd.plan.Hazard;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.CreationCharset;
import dev.driftd.schema.Event;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Routine;
import dev.driftd.schema.Sequence;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Trigger;
import dev.driftd.schema.View;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Routines, views, triggers and events: objects that hold no data and are re-created rather than
 * altered. Each changed one is dropped and created in adjacent statements (MySQL has no CREATE OR
 * REPLACE for most of them), so the window without it is as short as it can be. Views are created
 * after the routines they may call and before the triggers that may read them, each view after
 * the views it selects from. Each creation runs under the character set settings golden's object was
 * created with, as mysqldump restores them, so the server stores the same ones (see {@link CreationCharset}).
 */
final class MysqlCodeObjects {
    private final Snapshot golden;
    private final MysqlDdl ddl;

    MysqlCodeObjects(Snapshot golden, MysqlDdl ddl) {
        this.golden = golden;
        this.ddl = ddl;
    }

    List<PlanStatement> plan(List<Change> changes, Set<String> missingTables) {
        List<PlanStatement> out = new ArrayList<>();
        List<Change> routines = new ArrayList<>();
        List<Change> views = new ArrayList<>();
        List<Change> triggers = new ArrayList<>();
        List<Change> events = new ArrayList<>();
        for (Change c : changes) {
            switch (c.kind()) {
                case FUNCTION, PROCEDURE -> routines.add(c);
                case VIEW -> views.add(c);
                case TRIGGER -> triggers.add(c);
                case EVENT -> events.add(c);
                default -> throw new IllegalArgumentException("not a code object: " + c.key());
            }
        }
        // functions first: views may call them
        routines.sort((a, b) -> Boolean.compare(a.kind() == ObjectKind.PROCEDURE, b.kind() == ObjectKind.PROCEDURE));
        for (Change c : routines) {
            out.addAll(routine(c));
        }
        out.addAll(views(views));
        // drops first, then creations in an order where FOLLOWS / PRECEDES name an existing trigger
        Map<String, Trigger> creates = new TreeMap<>();
        Map<String, String> reasons = new TreeMap<>();
        for (Change c : triggers) {
            if (c.before() instanceof Trigger t) {
                out.add(MysqlStatements.statement(MysqlDdl.dropTrigger(t.name()),
                        (c.type() == ChangeType.EXTRA ? "drop extra trigger " : "re-create trigger ") + t.name()));
            }
            if (c.after() instanceof Trigger t) {
                creates.put(t.name(), t);
                reasons.put(t.name(), (c.type() == ChangeType.MISSING ? "create missing trigger " : "re-create trigger ")
                        + t.name());
            }
        }
        for (String t : missingTables) {
            for (SchemaObject o : golden.partsOf("", t)) {
                if (o instanceof Trigger tr) {
                    creates.put(tr.name(), tr);
                    reasons.put(tr.name(), "create trigger " + tr.name() + " on new table " + t);
                }
            }
        }
        Set<String> created = new TreeSet<>();
        for (Trigger t : triggerOrder(creates)) {
            out.addAll(underCharset(t.charset(), MysqlStatements.compound(triggerText(t, created), reasons.get(t.name()))));
            created.add(t.name());
        }
        for (Change c : events) {
            out.addAll(event(c));
        }
        return out;
    }

    private List<PlanStatement> routine(Change c) {
        List<PlanStatement> out = new ArrayList<>();
        String label = c.kind() == ObjectKind.PROCEDURE ? "procedure" : "function";
        if (c.before() instanceof Routine r) {
            out.add(MysqlStatements.statement(MysqlDdl.dropRoutine(c.kind() == ObjectKind.PROCEDURE, r.baseName()),
                    (c.type() == ChangeType.EXTRA ? "drop extra " : "re-create ") + label + " " + r.baseName()));
        }
        if (c.after() instanceof Routine r) {
            out.addAll(underCharset(r.charset(), MysqlStatements.compound(r.createText(),
                    (c.type() == ChangeType.MISSING ? "create missing " : "re-create ") + label + " " + r.baseName())));
        }
        return out;
    }

    /**
     * Golden's own CREATE TRIGGER text, unless the action order would then differ: golden's text
     * names no FOLLOWS / PRECEDES when the order came from creation order alone, so it is used only
     * when the trigger runs first or follows one created just before it in this plan; otherwise the
     * normalized definition, which says FOLLOWS, keeps the order (the order is schema, the text is not).
     */
    private static String triggerText(Trigger t, Set<String> createdBefore) {
        if (t.source() == null) {
            return t.definition();
        }
        java.util.regex.Matcher m = ORDER_REF.matcher(t.definition());
        if (!m.find() || ORDER_REF.matcher(t.source()).find()
                || createdBefore.contains(m.group(1).replace("``", "`"))) {
            return t.source();
        }
        return t.definition();
    }

    private static final java.util.regex.Pattern ORDER_REF =
            java.util.regex.Pattern.compile("(?i)\\b(?:FOLLOWS|PRECEDES)\\s+`((?:[^`]|``)+)`");

    /** Triggers in name order, except that one naming another in FOLLOWS / PRECEDES comes after it. */
    static List<Trigger> triggerOrder(Map<String, Trigger> triggers) {
        List<Trigger> out = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        while (done.size() < triggers.size()) {
            Trigger next = null;
            for (Trigger t : triggers.values()) {
                if (done.contains(t.name())) {
                    continue;
                }
                java.util.regex.Matcher m = ORDER_REF.matcher(t.definition());
                String ref = m.find() ? m.group(1).replace("``", "`") : null;
                if (ref == null || done.contains(ref) || !triggers.containsKey(ref)) {
                    next = t;
                    break;
                }
            }
            if (next == null) {
                next = triggers.values().stream().filter(t -> !done.contains(t.name())).findFirst().orElseThrow();
            }
            done.add(next.name());
            out.add(next);
        }
        return out;
    }

    private List<PlanStatement> event(Change c) {
        List<PlanStatement> out = new ArrayList<>();
        if (c.type() == ChangeType.CHANGED && c.fields().size() == 1 && c.changes(ModelField.EVENT_STATUS)
                && c.after() instanceof Event e && statusWord(e.status()) != null) {
            // ALTER EVENT stores the session's character set settings too
            out.addAll(underCharset(e.charset(), MysqlStatements.statement(MysqlDdl.alterEventStatus(e.name(),
                    statusWord(e.status())), "set event " + e.name() + " " + e.status().toLowerCase(Locale.ROOT))));
            return out;
        }
        if (c.before() instanceof Event e) {
            out.add(MysqlStatements.statement(MysqlDdl.dropEvent(e.name()),
                    (c.type() == ChangeType.EXTRA ? "drop extra event " : "re-create event ") + e.name()));
        }
        if (c.after() instanceof Event e) {
            List<PlanStatement> create = new ArrayList<>();
            create.add(MysqlStatements.compound(e.definition(),
                    (c.type() == ChangeType.MISSING ? "create missing event " : "re-create event ") + e.name()));
            // the definition leaves the status out, and a new event starts ENABLED; the ALTER stores
            // the session's character set settings again, so it runs under golden's as well
            String word = statusWord(e.status());
            if (word != null && !word.equals("ENABLE")) {
                create.add(MysqlStatements.statement(MysqlDdl.alterEventStatus(e.name(), word),
                        "event " + e.name() + " is " + e.status().toLowerCase(Locale.ROOT) + " in golden"));
            }
            out.addAll(underCharset(e.charset(), create.toArray(PlanStatement[]::new)));
        }
        return out;
    }

    /**
     * The creation statements, between statements that set the session's character_set_client and
     * collation_connection to golden's stored ones and then restore the session's own (one SET each
     * way, evaluated left to right, so the old values are saved before they change). The settings are
     * left out when unknown, when a name is not a plain word, or when the client character set is
     * not UTF-8 and the text holds non-ASCII characters: the plan's text reaches the server as UTF-8,
     * which the server would then decode in the other character set, changing the object.
     */
    static List<PlanStatement> underCharset(CreationCharset charset, PlanStatement... create) {
        if (charset == null || !plainWord(charset.client()) || !plainWord(charset.connection())
                || !charset.client().toLowerCase(Locale.ROOT).startsWith("utf8")
                && !java.util.Arrays.stream(create).allMatch(st -> ascii(st.sql()))) {
            return List.of(create);
        }
        String what = "the character set settings golden's object was created with";
        List<PlanStatement> out = new ArrayList<>();
        out.add(MysqlStatements.statement(MysqlDdl.setCreationCharset(charset.client(), charset.connection()),
                "use " + what));
        out.addAll(List.of(create));
        out.add(MysqlStatements.statement(MysqlDdl.restoreSessionCharset(), "restore the session after " + what));
        return out;
    }

    private static boolean plainWord(String s) {
        return s != null && s.matches("[A-Za-z0-9_]+");
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(ch -> ch < 0x80);
    }

    /** MariaDB sequences: created and altered in place; dropping one loses its counter, so that is destructive. */
    List<PlanStatement> sequence(Change c) {
        if (c.after() instanceof Sequence g) {
            if (c.type() == ChangeType.MISSING) {
                return List.of(MysqlStatements.statement(MysqlDdl.createSequence(g), "create missing sequence " + g.name()));
            }
            if (c.before() instanceof Sequence t && !Objects.equals(t.dataType(), g.dataType())) {
                return List.of(MysqlStatements.statement(MysqlDdl.dropSequence(g.name()),
                                "re-create sequence " + g.name() + " with type " + g.dataType(), Hazard.DELETES_DATA),
                        MysqlStatements.statement(MysqlDdl.createSequence(g), "re-create sequence " + g.name()));
            }
            return List.of(MysqlStatements.statement(MysqlDdl.alterSequence(g),
                    "change sequence " + g.name()));
        }
        Sequence t = (Sequence) c.before();
        return List.of(MysqlStatements.statement(MysqlDdl.dropSequence(t.name()),
                "drop extra sequence " + t.name() + " and its current value", Hazard.DELETES_DATA));
    }

    private static String statusWord(String status) {
        if (status == null) {
            return null;
        }
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "ENABLED" -> "ENABLE";
            case "DISABLED" -> "DISABLE";
            case "SLAVESIDE_DISABLED", "REPLICA_SIDE_DISABLED" -> "DISABLE ON SLAVE";
            default -> null;
        };
    }

    /** Missing and changed views in dependency order (CREATE OR REPLACE), then extra ones dropped. */
    private List<PlanStatement> views(List<Change> changes) {
        List<PlanStatement> out = new ArrayList<>();
        Map<String, View> create = new TreeMap<>();
        List<String> drop = new ArrayList<>();
        for (Change c : changes) {
            if (c.after() instanceof View v) {
                create.put(v.name(), v);
            } else if (c.before() instanceof View v) {
                drop.add(v.name());
            }
        }
        for (View v : dependencyOrder(create)) {
            out.addAll(underCharset(v.charset(), MysqlStatements.statement(ddl.view(v),
                    (golden.contains(v.key()) ? "create or replace view " : "create view ") + v.name())));
        }
        for (String v : drop) {
            out.add(MysqlStatements.statement(MysqlDdl.dropView(v), "drop extra view " + v));
        }
        return out;
    }

    /** Each view after the views of the same batch that its query names (views cannot form cycles). */
    static List<View> dependencyOrder(Map<String, View> views) {
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        for (View v : views.values()) {
            Set<String> d = new TreeSet<>();
            for (String other : views.keySet()) {
                if (!other.equals(v.name()) && v.definition().contains(MysqlDdl.ident(other))) {
                    d.add(other);
                }
            }
            deps.put(v.name(), d);
        }
        List<View> out = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        while (done.size() < views.size()) {
            String next = null;
            for (Map.Entry<String, Set<String>> e : deps.entrySet()) {
                if (!done.contains(e.getKey()) && done.containsAll(e.getValue())) {
                    next = e.getKey();
                    break;
                }
            }
            if (next == null) {
                // a name mentioned inside a string literal can look like a cycle: fall back to name order
                next = deps.keySet().stream().filter(n -> !done.contains(n)).findFirst().orElseThrow();
            }
            done.add(next);
            out.add(views.get(next));
        }
        return out;
    }
}
