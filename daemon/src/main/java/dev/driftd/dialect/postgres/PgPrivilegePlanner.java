package dev.driftd.dialect.postgres;

import dev.driftd.diff.Change;
import dev.driftd.diff.ChangeType;
import dev.driftd.diff.Severity;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Privilege;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * GRANT and REVOKE statements for privilege drift. Runs after every object exists (the planner
 * emits these last among the creates). Revokes on an object the plan drops are left out (the drop
 * takes its privileges along), and so are grants a freshly created object already has by default
 * (EXECUTE on a new routine, USAGE on a new type, both to PUBLIC). An object the plan drops and
 * creates again (a view around a column change, a rebuilt routine or table) comes back without its
 * grants: all of golden's are granted again, whether or not they differed before.
 */
final class PgPrivilegePlanner {
    /** One statement with why it is planned. */
    record Statement(String sql, String reason) {
    }

    private final PgDdl ddl;
    private final Collection<Change> changes;
    /** {@code objectType schema object} of objects the plan drops, in Privilege terms. */
    private final Set<String> dropped = new HashSet<>();
    /** The same for objects the plan creates. */
    private final Set<String> created = new HashSet<>();
    private final Set<String> droppedSchemas = new HashSet<>();
    /** The same for objects the plan drops and creates again. */
    private final Set<String> rebuilt = new HashSet<>();
    /** Golden's privileges on rebuilt objects that have no change of their own. */
    private final List<Privilege> regrants = new ArrayList<>();

    /**
     * {@code rebuiltKeys}: objects dropped and created again by the plan; {@code goldenPrivileges}:
     * every privilege golden has (those on rebuilt objects are granted again).
     */
    PgPrivilegePlanner(PgDdl ddl, Collection<Change> changes, Collection<ObjectKey> rebuiltKeys,
                       Collection<Privilege> goldenPrivileges) {
        this.ddl = ddl;
        this.changes = changes;
        for (ObjectKey k : rebuiltKeys) {
            String id = objectId(k);
            if (id != null) {
                rebuilt.add(id);
            }
        }
        Set<ObjectKey> changed = new HashSet<>();
        for (Change c : changes) {
            changed.add(c.key());
        }
        for (Privilege p : goldenPrivileges) {
            if (isRebuilt(p) && !changed.contains(p.key())) {
                regrants.add(p);
            }
        }
        for (Change c : changes) {
            String id = objectId(c);
            if (id == null) {
                continue;
            }
            if (c.type() == ChangeType.EXTRA) {
                dropped.add(id);
                if (c.kind() == ObjectKind.SCHEMA) {
                    droppedSchemas.add(c.key().name());
                }
            } else if (c.type() == ChangeType.MISSING) {
                created.add(id);
            }
        }
    }

    /** The Privilege-style identity of a change's object, or null when it is not a grantable object. */
    private static String objectId(Change c) {
        return objectId(c.key());
    }

    private static String objectId(ObjectKey key) {
        String schema = key.schema();
        return switch (key.kind()) {
            case TABLE, VIEW, MATERIALIZED_VIEW -> id("TABLE", schema, key.name());
            case SEQUENCE -> id("SEQUENCE", schema, key.name());
            case FUNCTION -> id("FUNCTION", schema, key.name());
            case PROCEDURE -> id("PROCEDURE", schema, key.name());
            case ENUM_TYPE, DOMAIN, COMPOSITE_TYPE -> id("TYPE", schema, key.name());
            case COLUMN -> id("COLUMN", schema, key.table() + "." + key.name());
            case SCHEMA -> id("SCHEMA", key.name(), "");
            default -> null;
        };
    }

    /** Whether the plan drops and re-creates the privilege's object (or, for a column, its table). */
    private boolean isRebuilt(Privilege p) {
        return rebuilt.contains(id(p.objectType(), p.schema(), p.object()))
                || "COLUMN".equals(p.objectType()) && rebuilt.contains(id("TABLE", p.schema(), table(p)));
    }

    private static String id(String type, String schema, String object) {
        return type + " " + schema + " " + object;
    }

    /** Every revoke before every grant: a table-level REVOKE also takes that role's column grants away. */
    List<Statement> statements() {
        List<Statement> out = new ArrayList<>();
        List<Statement> grants = new ArrayList<>();
        List<Change> all = new ArrayList<>(changes);
        for (Privilege p : regrants) {
            all.add(new Change(p.key(), ChangeType.MISSING, Severity.BREAKING, true, List.of(), null, p));
        }
        for (Change c : all) {
            if (c.kind() != ObjectKind.PRIVILEGE) {
                continue;
            }
            Privilege g = (Privilege) c.after();
            Privilege any = g != null ? g : (Privilege) c.before();
            // a re-created object starts with no grants, whatever the target had before
            Privilege t = isRebuilt(any) ? null : (Privilege) c.before();
            if (gone(any) || t == null && g == null) {
                continue;
            }
            Set<String> have = t == null ? Set.of() : new TreeSet<>(t.privileges());
            Set<String> haveGrant = t == null ? Set.of() : new TreeSet<>(t.grantable());
            Set<String> want = g == null ? Set.of() : new TreeSet<>(g.privileges());
            Set<String> wantGrant = g == null ? Set.of() : new TreeSet<>(g.grantable());
            if (t == null && createdWithDefault(g)) {
                continue;
            }
            String reason = c.type().name().toLowerCase(java.util.Locale.ROOT) + " privilege " + c.key().display();
            Set<String> revoke = minus(have, want);
            Set<String> revokeOption = minus(minus(haveGrant, wantGrant), revoke);
            Set<String> grantPlain = minus(minus(want, have), wantGrant);
            Set<String> grantOption = minus(wantGrant, haveGrant);
            if (!revoke.isEmpty()) {
                out.add(new Statement(ddl.revoke(any, revoke), reason));
            }
            if (!revokeOption.isEmpty()) {
                out.add(new Statement(ddl.revokeGrantOption(any, revokeOption), reason));
            }
            if (!grantPlain.isEmpty()) {
                grants.add(new Statement(ddl.grant(any, grantPlain, false), reason));
            }
            if (!grantOption.isEmpty()) {
                grants.add(new Statement(ddl.grant(any, grantOption, true), reason));
            }
        }
        out.addAll(grants);
        return out;
    }

    /** Whether the plan drops the object (or its table or schema), taking its privileges along. */
    private boolean gone(Privilege p) {
        if (droppedSchemas.contains(p.schema()) || dropped.contains(id(p.objectType(), p.schema(), p.object()))) {
            return true;
        }
        return "COLUMN".equals(p.objectType()) && dropped.contains(id("TABLE", p.schema(), table(p)));
    }

    /** A grant a routine or type gets by default when the plan creates it. */
    private boolean createdWithDefault(Privilege g) {
        String id = id(g.objectType(), g.schema(), g.object());
        if (!"PUBLIC".equals(g.grantee()) || !g.grantable().isEmpty()
                || !created.contains(id) && !rebuilt.contains(id)) {
            return false;
        }
        return switch (g.objectType()) {
            case "FUNCTION", "PROCEDURE" -> g.privileges().equals(List.of("EXECUTE"));
            case "TYPE" -> g.privileges().equals(List.of("USAGE"));
            default -> false;
        };
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static String table(Privilege p) {
        return p.object().substring(0, p.object().lastIndexOf('.'));
    }
}
