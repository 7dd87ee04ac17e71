package dev.driftd.dialect.postgres;

import dev.driftd.diff.ChangeType;
import dev.driftd.diff.Severity;
import dev.driftd.schema.ObjectKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One drift scenario: SQL both databases start from, SQL only golden gets, SQL that drifts the
 * target, and the changes the differ must report. Read from a folder by {@link PgScenarioFiles}, or built
 * fluently by a test with a schema of its own.
 * In tenant mode (the default, and the cheapest: one database) both sides are schemas of one database
 * ({@code tenant_template} and {@code tenant_0042}); in single-schema mode both are the {@code public}
 * schema of their own database; in database mode each side is a whole database.
 */
final class PgScenario {
    enum Mode { DATABASE, SINGLE_SCHEMA, TENANT }

    record Expected(ChangeType type, ObjectKind kind, String object, Severity severity) {
        /**
         * "missing text search dictionary my_stem" into its type, kind (the longest label that fits) and
         * object; a trailing severity in parentheses ("extra table scratch (destructive)") is checked too.
         */
        static Expected parse(String text) {
            Severity severity = null;
            String line = text;
            for (Severity s : Severity.values()) {
                if (text.endsWith(" (" + s.label() + ")")) {
                    severity = s;
                    line = text.substring(0, text.length() - s.label().length() - 3);
                }
            }
            int space = line.indexOf(' ');
            ChangeType type = switch (space < 0 ? line : line.substring(0, space)) {
                case "missing" -> ChangeType.MISSING;
                case "extra" -> ChangeType.EXTRA;
                case "changed" -> ChangeType.CHANGED;
                default -> throw new IllegalArgumentException("expected change '" + line
                        + "' must start with missing, extra or changed");
            };
            String rest = line.substring(space + 1);
            ObjectKind kind = null;
            for (ObjectKind k : ObjectKind.values()) {
                if (rest.startsWith(k.label() + " ") && (kind == null || k.label().length() > kind.label().length())) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException("expected change '" + line + "' names no object kind");
            }
            return new Expected(type, kind, rest.substring(kind.label().length() + 1), severity);
        }

        @Override
        public String toString() {
            return type + " " + kind.label() + " " + object + (severity == null ? "" : " (" + severity.label() + ")");
        }
    }

    final String name;
    /** The fixture folder the scenario was read from ({@link PgScenarioFiles}); null for one built in Java. */
    Path folder;
    String base = "";
    List<String> golden = new ArrayList<>();
    List<String> drift = new ArrayList<>();
    Mode mode = Mode.TENANT;
    boolean viaPsql;
    final List<Expected> expected = new ArrayList<>();
    final List<String> planContains = new ArrayList<>();
    final List<VersionedFragment> versionedPlanContains = new ArrayList<>();

    /** A plan fragment whose route depends on the server: {@code before} below {@code major}, {@code from} on it and later. */
    record VersionedFragment(int major, String before, String from) {
        String forMajor(int serverMajor) {
            return serverMajor < major ? before : from;
        }
    }

    private PgScenario(String name) {
        this.name = name;
    }

    static PgScenario named(String name) {
        return new PgScenario(name);
    }

    PgScenario base(String sql) {
        this.base = sql;
        return this;
    }

    /** SQL run on golden only (objects the target lacks or has differently); each string runs on its own. */
    PgScenario golden(String... sql) {
        this.golden = List.of(sql);
        return this;
    }

    /** SQL run on the target only; each string runs on its own. */
    PgScenario drift(String... sql) {
        this.drift = List.of(sql);
        return this;
    }

    PgScenario mode(Mode m) {
        this.mode = m;
        return this;
    }

    /** Apply the rendered script with {@code psql -v ON_ERROR_STOP=1 -f} instead of the applier. */
    PgScenario viaPsql() {
        this.viaPsql = true;
        return this;
    }

    /**
     * Expected changes as the diff describes them: {@code "missing function f()"},
     * {@code "extra privilege function f() to PUBLIC"}, {@code "extra table scratch (destructive)"}.
     */
    PgScenario expect(String... changes) {
        for (String change : changes) {
            expected.add(Expected.parse(change));
        }
        return this;
    }

    PgScenario expect(ChangeType type, ObjectKind kind, String object) {
        expected.add(new Expected(type, kind, object, null));
        return this;
    }

    PgScenario expect(ChangeType type, ObjectKind kind, String object, Severity severity) {
        expected.add(new Expected(type, kind, object, severity));
        return this;
    }

    /**
     * A fragment the plan's SQL must contain (checks the route taken, not only the end state);
     * {@code @.} stands for the target's schema qualifier.
     */
    PgScenario planContains(String fragment) {
        planContains.add(fragment);
        return this;
    }

    /**
     * As {@link #planContains(String)}, where the planner takes another route from PostgreSQL
     * {@code major} on (a statement that older servers lack): {@code before} must appear on older
     * servers, {@code from} on that version and later.
     */
    PgScenario planContains(int major, String before, String from) {
        versionedPlanContains.add(new VersionedFragment(major, before, from));
        return this;
    }

    @Override
    public String toString() {
        return name;
    }
}
