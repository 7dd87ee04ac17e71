package dev.driftd.config;

import dev.driftd.policy.IgnorePolicy;

import dev.driftd.util.Durations;
import dev.driftd.util.UrlRedaction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The typed walk over the YAML tree: checks every key and value, resolves secrets, and builds the
 * immutable {@link Config}. Each error names the line of the key or value at fault and its path
 * in the document ({@code fleets[0].members[2].url}).
 */
final class ConfigReader {
    /** The shortest bearer token accepted: 16 characters (96 bits and more from a random generator). */
    static final int MIN_TOKEN_LENGTH = 16;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    /** systemd's variable naming the directory of the unit's credentials. */
    static final String CREDENTIALS_DIRECTORY = "CREDENTIALS_DIRECTORY";
    /** A systemd credential ID: a file name in that directory. */
    private static final Pattern CREDENTIAL_NAME = Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9_.-]+");
    private static final Pattern SECRET_REF = Pattern.compile("\\$\\{([a-z]+):(.*)}");
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)[?&;](password|pwd)=");
    private static final Pattern MEMBER_URL = Pattern.compile("jdbc:(postgresql|mysql|mariadb)://.+");
    private static final Pattern STORE_URL = Pattern.compile("jdbc:(h2:.+|postgresql://.+)");

    // the keys each mapping accepts; anything else is an error naming the line
    static final List<String> TOP = List.of("server", "store", "ignore", "fleets");
    static final List<String> SERVER = List.of("bind", "tokens", "metrics_token", "ui");
    static final List<String> TOKEN = List.of("name", "role", "secret");
    static final List<String> STORE = List.of("url", "user", "password", "retention");
    static final List<String> FLEET = List.of("name", "schedule", "golden", "concurrency", "per_server_concurrency",
            "shards", "apply", "approvals", "rollout", "timeout", "full_snapshot_every", "members", "discover", "ignore",
            "waivers", "overlays");
    static final List<String> WAIVER = List.of("id", "member", "owner", "reason", "expires", "changes");
    static final List<String> WAIVED_CHANGE = List.of("kind", "object", "fingerprint");
    static final List<String> OVERLAY = List.of("members", "sql", "sql_file");
    static final List<String> IGNORE = List.of("kind", "pattern", "field", "grantee");
    /** The keys of a policy file ({@code driftd diff --policy FILE}): the same {@code ignore:} list. */
    static final List<String> POLICY_FILE = List.of("ignore");
    static final List<String> ROLLOUT = List.of("canary", "wave", "pause");
    static final List<String> SCHEDULE_EVERY = List.of("every");
    static final List<String> MEMBER = List.of("name", "url", "user", "password", "schema");
    static final List<String> DISCOVER = List.of("url", "user", "password", "databases", "schemas");
    static final List<String> GOLDEN_MEMBER = List.of("member");
    static final List<String> GOLDEN_URL = List.of("url", "user", "password", "schema");
    static final List<String> GOLDEN_SNAPSHOT = List.of("snapshot");
    static final List<String> GOLDEN_SQL = List.of("sql", "scratch", "user", "password", "scope");
    static final List<String> GOLDEN_MAJORITY = List.of("majority");

    /** Every key the file may contain, in any section (config/driftd.yaml must document each). */
    static Set<String> knownKeys() {
        Set<String> all = new java.util.TreeSet<>();
        for (List<String> l : List.of(TOP, SERVER, TOKEN, STORE, FLEET, WAIVER, WAIVED_CHANGE, IGNORE, ROLLOUT, SCHEDULE_EVERY,
                MEMBER, DISCOVER, GOLDEN_MEMBER, GOLDEN_URL, GOLDEN_SNAPSHOT, GOLDEN_SQL, GOLDEN_MAJORITY, OVERLAY)) {
            all.addAll(l);
        }
        return all;
    }

    private final String source;
    private final Path baseDir;
    private final Function<String, String> env;
    private final List<String> warnings = new ArrayList<>();

    ConfigReader(String source, Path baseDir, Function<String, String> env) {
        this.source = source;
        this.baseDir = baseDir;
        this.env = env;
    }

    Config read(YamlNode root) {
        YamlNode.Mapping top = mapping(root, "the configuration");
        keys(top, "the configuration", TOP);
        ServerConfig server = server(top.entries().get("server"));
        StoreConfig store = store(top.entries().get("store"));
        IgnorePolicy globalIgnore = ignore(top, "ignore");
        List<FleetConfig> fleets = new ArrayList<>();
        YamlNode.Entry fleetsEntry = top.entries().get("fleets");
        if (fleetsEntry != null && !isNull(fleetsEntry.value())) {
            YamlNode.Sequence list = sequence(fleetsEntry.value(), "fleets");
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < list.items().size(); i++) {
                FleetConfig f = fleet(list.items().get(i), "fleets[" + i + "]", globalIgnore);
                Integer first = seen.putIfAbsent(f.name(), list.items().get(i).line());
                if (first != null) {
                    throw error(list.items().get(i).line(), "fleets[" + i + "]: duplicate fleet name '" + f.name()
                            + "' (first on line " + first + ")");
                }
                fleets.add(f);
            }
        }
        if (fleets.isEmpty()) {
            warnings.add(source + ": no fleets configured; the daemon will serve its API and sweep nothing");
        }
        return new Config(source, server, store, fleets, warnings);
    }

    // ---- sections

    private ServerConfig server(YamlNode.Entry entry) {
        if (entry == null || isNull(entry.value())) {
            return new ServerConfig("127.0.0.1", 9741, List.of(), null);
        }
        YamlNode.Mapping m = mapping(entry.value(), "server");
        keys(m, "server", SERVER);
        String bind = string(m, "bind", "server", false);
        String host = "127.0.0.1";
        int port = 9741;
        if (bind != null) {
            Matcher b = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^:\\[\\]]*):(\\d{1,5})").matcher(bind);
            int line = m.entries().get("bind").value().line();
            if (!b.matches()) {
                throw error(line, "server.bind: '" + bind + "' is not host:port (e.g. 127.0.0.1:9741)");
            }
            host = b.group(1).isEmpty() ? "0.0.0.0" : b.group(1).replace("[", "").replace("]", "");
            port = Integer.parseInt(b.group(2));
            if (port < 1 || port > 65535) {
                throw error(line, "server.bind: port " + port + " is not between 1 and 65535");
            }
        }
        List<TokenConfig> tokens = new ArrayList<>();
        YamlNode.Entry te = m.entries().get("tokens");
        if (te != null && !isNull(te.value())) {
            YamlNode.Sequence list = sequence(te.value(), "server.tokens");
            Map<String, Integer> names = new HashMap<>();
            Map<String, String> secrets = new HashMap<>();
            for (int i = 0; i < list.items().size(); i++) {
                String where = "server.tokens[" + i + "]";
                YamlNode.Mapping t = mapping(list.items().get(i), where);
                keys(t, where, TOKEN);
                String name = name(t, where);
                Integer first = names.putIfAbsent(name, t.line());
                if (first != null) {
                    throw error(t.entries().get("name").value().line(), where + ": duplicate token name '" + name
                            + "' (first on line " + first + ")");
                }
                String roleText = string(t, "role", where, true);
                Role role;
                try {
                    role = Role.valueOf(roleText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw error(t.entries().get("role").value().line(), where + ".role: '" + roleText
                            + "' is not a role (read, report or admin)");
                }
                Secret secret = tokenSecret(t, "secret", where, true);
                String other = secrets.putIfAbsent(secret.reveal(), name);
                if (other != null) {
                    throw error(t.entries().get("secret").value().line(), where + ": token '" + name
                            + "' has the same secret as token '" + other + "'");
                }
                tokens.add(new TokenConfig(name, role, secret));
            }
        }
        Secret metricsToken = tokenSecret(m, "metrics_token", "server", false);
        return new ServerConfig(host, port, tokens, metricsToken, ui(m));
    }

    /** {@code server.ui}: the web console at /ui/, on unless {@code false}. */
    private boolean ui(YamlNode.Mapping m) {
        String v = string(m, "ui", "server", false);
        if (v == null) {
            return true;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "enabled" -> true;
            case "false", "disabled" -> false;
            default -> throw error(m.entries().get("ui").value().line(), "server.ui: '" + v
                    + "' is neither true nor false");
        };
    }

    private StoreConfig store(YamlNode.Entry entry) {
        if (entry == null || isNull(entry.value())) {
            return new StoreConfig(StoreConfig.DEFAULT_URL, null, null, StoreConfig.DEFAULT_RETENTION);
        }
        YamlNode.Mapping m = mapping(entry.value(), "store");
        keys(m, "store", STORE);
        String url = string(m, "url", "store", false);
        if (url == null) {
            url = StoreConfig.DEFAULT_URL;
        } else if (!STORE_URL.matcher(url).matches()) {
            throw error(m.entries().get("url").value().line(), "store.url: '" + UrlRedaction.redact(url)
                    + "' is not a store URL (jdbc:h2:… or jdbc:postgresql://…)");
        } else {
            warnPasswordInUrl(url, m.entries().get("url").value().line(), "store.url");
        }
        Duration retention = StoreConfig.DEFAULT_RETENTION;
        String r = string(m, "retention", "store", false);
        if (r != null) {
            retention = retention(r, m.entries().get("retention").value().line());
        }
        return new StoreConfig(url, string(m, "user", "store", false), secret(m, "password", "store", false), retention);
    }

    /** A policy file: only an {@code ignore:} list. */
    IgnorePolicy policyFile(YamlNode root) {
        YamlNode.Mapping top = mapping(root, "the policy file");
        keys(top, "the policy file", POLICY_FILE);
        return ignore(top, "ignore");
    }

    /**
     * An {@code ignore:} list: {@code KIND:PATTERN} / {@code preset:NAME} strings or
     * {@code {kind, pattern, field?, grantee?}} mappings; a pattern or kind that does not compile
     * is an error naming its line.
     */
    private IgnorePolicy ignore(YamlNode.Mapping m, String where) {
        YamlNode.Entry e = m.entries().get("ignore");
        if (e == null || isNull(e.value())) {
            return IgnorePolicy.NONE;
        }
        YamlNode.Sequence list = sequence(e.value(), where);
        IgnorePolicy.Builder b = IgnorePolicy.builder();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String at = where + "[" + i + "]";
            String origin = source + ":" + item.line();
            try {
                if (item instanceof YamlNode.Scalar sc) {
                    b.add(sc.text(), origin);
                } else {
                    YamlNode.Mapping r = mapping(item, at);
                    keys(r, at, IGNORE);
                    b.add(string(r, "kind", at, true), string(r, "pattern", at, true), string(r, "field", at, false),
                            string(r, "grantee", at, false), origin);
                }
            } catch (IllegalArgumentException ex) {
                throw error(item.line(), at + ": " + ex.getMessage());
            }
        }
        return b.build();
    }

    private FleetConfig fleet(YamlNode node, String at, IgnorePolicy globalIgnore) {
        YamlNode.Mapping m = mapping(node, at);
        keys(m, at, FLEET);
        String name = name(m, at);
        String where = at + " (" + name + ")";
        String schedule = schedule(m, where);
        int concurrency = integer(m, "concurrency", where, FleetConfig.DEFAULT_CONCURRENCY, 1);
        int perServer = integer(m, "per_server_concurrency", where,
                Math.min(concurrency, FleetConfig.DEFAULT_PER_SERVER), 1);
        int shards = integer(m, "shards", where, 1, 1);
        if (shards > FleetConfig.MAX_SHARDS) {
            throw error(m.entries().get("shards").value().line(), where + ".shards: " + shards + " is more than "
                    + FleetConfig.MAX_SHARDS + " (each shard is a scheduled job; a few per node is plenty)");
        }
        boolean apply = apply(m, where);
        int approvals = integer(m, "approvals", where, 1, 1);
        RolloutConfig rollout = rollout(m, where);
        Duration timeout = FleetConfig.DEFAULT_TIMEOUT;
        String t = string(m, "timeout", where, false);
        if (t != null) {
            timeout = duration(t, m.entries().get("timeout").value().line(), where + ".timeout");
        }
        Duration fullEvery = FleetConfig.DEFAULT_FULL_SNAPSHOT_EVERY;
        String f = string(m, "full_snapshot_every", where, false);
        if (f != null) {
            try { // 0 is allowed here: read every member in full at every sweep
                fullEvery = Durations.parse(f, where + ".full_snapshot_every");
            } catch (IllegalArgumentException e) {
                throw error(m.entries().get("full_snapshot_every").value().line(), e.getMessage());
            }
        }
        List<MemberConfig> members = members(m, where);
        List<DiscoverConfig> discover = discover(m, where);
        YamlNode.Entry ge = m.entries().get("golden");
        if (ge == null || isNull(ge.value())) {
            throw error(m.line(), where + ": no golden (member, url, snapshot, sql or majority)");
        }
        boolean schemaFleet = discover.stream().anyMatch(DiscoverConfig::bySchema)
                || members.stream().anyMatch(x -> x.schema() != null);
        GoldenConfig golden = golden(ge.value(), where + ".golden", members, discover, schemaFleet);
        if (members.isEmpty() && discover.isEmpty()) {
            warnings.add(source + ":" + m.line() + ": " + where + " has no members and no discover rules");
        }
        IgnorePolicy ignore = globalIgnore.plus(ignore(m, where + ".ignore"));
        List<dev.driftd.waiver.Waiver> waivers = waivers(m, where, name);
        List<OverlayConfig> overlays = overlays(m, where + ".overlays", golden);
        return new FleetConfig(name, schedule, golden, concurrency, perServer, shards, apply, approvals, rollout, timeout,
                fullEvery, members, discover, ignore, waivers, overlays);
    }

    /** API waivers' ids; a configured id in that form could be taken for one of them. */
    private static final Pattern API_WAIVER_ID = Pattern.compile("w-[0-9a-f]+");
    /** A change fingerprint as the member's diff answer shows it. */
    private static final Pattern CHANGE_FINGERPRINT = Pattern.compile("[0-9a-f]{16}");

    /**
     * A fleet's {@code waivers:}: each names its id, member, owner, reason, an absolute expiry and
     * the exact changes it accepts (kind, object and change fingerprint from the diff answer). An
     * expiry already past is only a warning: time passing must not make a reload fail.
     */
    private List<dev.driftd.waiver.Waiver> waivers(YamlNode.Mapping fleet, String where, String fleetName) {
        YamlNode.Entry e = fleet.entries().get("waivers");
        if (e == null || isNull(e.value())) {
            return List.of();
        }
        YamlNode.Sequence list = sequence(e.value(), where + ".waivers");
        List<dev.driftd.waiver.Waiver> out = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        java.time.Instant loaded = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String at = where + ".waivers[" + i + "]";
            YamlNode.Mapping w = mapping(item, at);
            keys(w, at, WAIVER);
            String id = string(w, "id", at, true);
            int idLine = w.entries().get("id").value().line();
            if (!NAME.matcher(id).matches() || API_WAIVER_ID.matcher(id).matches()) {
                throw error(idLine, at + ".id: '" + id + "' must be letters, digits, '_', '.', '-' and not of the "
                        + "form w-<hex> (the API's waiver ids)");
            }
            Integer first = ids.putIfAbsent(id, idLine);
            if (first != null) {
                throw error(idLine, at + ".id: duplicate waiver id '" + id + "' (first on line " + first + ")");
            }
            String expiresText = string(w, "expires", at, true);
            java.time.Instant expires;
            try {
                expires = java.time.Instant.parse(expiresText);
            } catch (java.time.format.DateTimeParseException ex) {
                throw error(w.entries().get("expires").value().line(), at + ".expires: '" + expiresText
                        + "' is not an ISO-8601 instant like 2026-12-31T00:00:00Z (a configured waiver needs an "
                        + "absolute expiry)");
            }
            if (!expires.isAfter(loaded)) {
                warnings.add(source + ":" + w.entries().get("expires").value().line() + ": " + at + " (" + id
                        + ") expired at " + expires + ": its changes are drift again; remove it");
            }
            YamlNode.Entry ce = w.entries().get("changes");
            if (ce == null || isNull(ce.value())) {
                throw error(w.line(), at + ": no changes (each {kind, object, fingerprint} from the member's diff)");
            }
            YamlNode.Sequence cl = sequence(ce.value(), at + ".changes");
            List<dev.driftd.waiver.WaivedChange> changes = new ArrayList<>();
            for (int j = 0; j < cl.items().size(); j++) {
                String cat = at + ".changes[" + j + "]";
                YamlNode.Mapping c = mapping(cl.items().get(j), cat);
                keys(c, cat, WAIVED_CHANGE);
                String fp = string(c, "fingerprint", cat, true);
                if (!CHANGE_FINGERPRINT.matcher(fp).matches()) {
                    throw error(c.entries().get("fingerprint").value().line(), cat + ".fingerprint: '" + fp
                            + "' is not a change fingerprint (16 hex digits, as the member's diff shows each change)");
                }
                changes.add(new dev.driftd.waiver.WaivedChange(string(c, "kind", cat, true), string(c, "object", cat, true),
                        fp));
            }
            if (changes.isEmpty()) {
                throw error(cl.line(), at + ".changes: empty (each {kind, object, fingerprint} from the member's diff)");
            }
            out.add(new dev.driftd.waiver.Waiver(id, fleetName, string(w, "member", at, true), string(w, "owner", at, true),
                    string(w, "reason", at, true), dev.driftd.waiver.Waiver.CONFIG, loaded, expires, changes,
                    dev.driftd.waiver.Waiver.CONFIG));
        }
        return out;
    }

    /**
     * An {@code overlays:} list: each {@code {members: GLOB or [GLOB...], sql: TEXT | sql_file: PATH}}.
     * Overlays are run on top of the golden script in its scratch database, so they need a
     * {@code sql} golden; anything else is an error naming the line.
     */
    private List<OverlayConfig> overlays(YamlNode.Mapping m, String where, GoldenConfig golden) {
        YamlNode.Entry e = m.entries().get("overlays");
        if (e == null || isNull(e.value())) {
            return List.of();
        }
        YamlNode.Sequence list = sequence(e.value(), where);
        if (!list.items().isEmpty() && !(golden instanceof GoldenConfig.Sql)) {
            throw error(e.keyLine(), where + ": overlays are SQL run on top of the golden script in its scratch "
                    + "database, so they need golden: {sql: FILE, scratch: URL} (this fleet's golden is "
                    + golden.describe() + ")");
        }
        List<OverlayConfig> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String at = where + "[" + i + "]";
            YamlNode.Mapping o = mapping(item, at);
            keys(o, at, OVERLAY);
            YamlNode.Entry me = o.entries().get("members");
            if (me == null || isNull(me.value())) {
                throw error(o.line(), at + ": members is required (a member name, a glob such as eu-*, or a list)");
            }
            List<String> globs = new ArrayList<>();
            if (me.value() instanceof YamlNode.Sequence seq) {
                for (YamlNode g : seq.items()) {
                    if (!(g instanceof YamlNode.Scalar sc) || sc.text() == null || sc.text().isBlank()) {
                        throw error(g.line(), at + ".members: expected member names or globs, found " + g.describe());
                    }
                    globs.add(sc.text().trim());
                }
            } else {
                globs.add(string(o, "members", at, true).trim());
            }
            if (globs.isEmpty()) {
                throw error(me.value().line(), at + ".members: the list is empty");
            }
            boolean inline = o.entries().containsKey("sql");
            if (inline == o.entries().containsKey("sql_file")) {
                throw error(o.line(), at + ": give exactly one of sql (the statements) or sql_file (a file of them)");
            }
            String origin = source + ":" + o.line();
            if (inline) {
                String sql = string(o, "sql", at, true);
                YamlNode value = o.entries().get("sql").value();
                // a block scalar (sql: |) starts on the line after its indicator
                int first = sql.contains("\n") && value.line() == o.entries().get("sql").keyLine()
                        ? value.line() + 1 : value.line();
                out.add(new OverlayConfig(globs, sql, null, origin, first));
            } else {
                Path file = baseDir.resolve(string(o, "sql_file", at, true)).normalize();
                if (!Files.isReadable(file)) {
                    throw error(o.entries().get("sql_file").value().line(), at + ".sql_file: cannot read " + file);
                }
                out.add(new OverlayConfig(globs, null, file, origin, 1));
            }
        }
        return out;
    }

    private boolean apply(YamlNode.Mapping m, String where) {
        String a = string(m, "apply", where, false);
        if (a == null) {
            return false;
        }
        return switch (a.toLowerCase(Locale.ROOT)) {
            case "enabled", "true" -> true;
            case "disabled", "false" -> false;
            default -> throw error(m.entries().get("apply").value().line(), where + ".apply: '" + a
                    + "' is neither enabled nor disabled");
        };
    }

    private RolloutConfig rollout(YamlNode.Mapping m, String where) {
        YamlNode.Entry e = m.entries().get("rollout");
        if (e == null || isNull(e.value())) {
            return RolloutConfig.DEFAULT;
        }
        String at = where + ".rollout";
        YamlNode.Mapping r = mapping(e.value(), at);
        keys(r, at, ROLLOUT);
        int canary = integer(r, "canary", at, RolloutConfig.DEFAULT.canary(), 0);
        int wave = integer(r, "wave", at, RolloutConfig.DEFAULT.wave(), 1);
        Duration pause = RolloutConfig.DEFAULT.pause();
        String p = string(r, "pause", at, false);
        if (p != null) {
            // 0s is allowed here: waves one right after the other
            int line = r.entries().get("pause").value().line();
            try {
                pause = Durations.parse(p, at + ".pause");
            } catch (IllegalArgumentException ex) {
                throw error(line, ex.getMessage());
            }
        }
        return new RolloutConfig(canary, wave, pause);
    }

    private List<MemberConfig> members(YamlNode.Mapping fleet, String where) {
        YamlNode.Entry e = fleet.entries().get("members");
        List<MemberConfig> out = new ArrayList<>();
        if (e == null || isNull(e.value())) {
            return out;
        }
        YamlNode.Sequence list = sequence(e.value(), where + ".members");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            String at = where + ".members[" + i + "]";
            YamlNode.Mapping m = mapping(list.items().get(i), at);
            keys(m, at, MEMBER);
            String name = name(m, at);
            Integer first = seen.putIfAbsent(name, m.line());
            if (first != null) {
                throw error(m.entries().get("name").value().line(), at + ": duplicate member name '" + name
                        + "' (first on line " + first + ")");
            }
            String url = memberUrl(m, at);
            String schema = string(m, "schema", at, false);
            if (schema != null && !url.startsWith("jdbc:postgresql:")) {
                throw error(m.entries().get("schema").value().line(), at + ".schema: only PostgreSQL members have "
                        + "schemas (a MySQL member is a database: put it in the URL)");
            }
            out.add(new MemberConfig(name, url, string(m, "user", at, false), secret(m, "password", at, false), schema));
        }
        return out;
    }

    private List<DiscoverConfig> discover(YamlNode.Mapping fleet, String where) {
        YamlNode.Entry e = fleet.entries().get("discover");
        List<DiscoverConfig> out = new ArrayList<>();
        if (e == null || isNull(e.value())) {
            return out;
        }
        YamlNode.Sequence list = sequence(e.value(), where + ".discover");
        for (int i = 0; i < list.items().size(); i++) {
            String at = where + ".discover[" + i + "]";
            YamlNode.Mapping m = mapping(list.items().get(i), at);
            keys(m, at, DISCOVER);
            String url = memberUrl(m, at);
            String dbs = string(m, "databases", at, false);
            String schemas = string(m, "schemas", at, false);
            if ((dbs == null) == (schemas == null)) {
                throw error(m.line(), at + ": give exactly one of databases (a regex of database names) or schemas "
                        + "(a regex of schema names)");
            }
            if (schemas != null && !url.startsWith("jdbc:postgresql:")) {
                throw error(m.entries().get("schemas").value().line(), at + ".schemas: schema discovery is for "
                        + "PostgreSQL; MySQL and MariaDB members are databases (use databases:)");
            }
            Pattern databases = dbs == null ? null : regex(dbs, m.entries().get("databases").value().line(), at + ".databases");
            Pattern schemaPattern = schemas == null ? null : regex(schemas, m.entries().get("schemas").value().line(), at + ".schemas");
            out.add(new DiscoverConfig(url, string(m, "user", at, false), secret(m, "password", at, false),
                    databases, schemaPattern));
        }
        return out;
    }

    private GoldenConfig golden(YamlNode node, String at, List<MemberConfig> members, List<DiscoverConfig> discover,
                                boolean schemaFleet) {
        YamlNode.Mapping m = mapping(node, at);
        Set<String> kinds = new LinkedHashSet<>(List.of("member", "url", "snapshot", "sql", "majority"));
        List<String> given = m.entries().keySet().stream().filter(kinds::contains).toList();
        if (given.size() != 1) {
            throw error(m.line(), at + ": give exactly one of member, url, snapshot, sql or majority"
                    + (given.isEmpty() ? "" : " (found " + String.join(", ", given) + ")"));
        }
        String kind = given.get(0);
        switch (kind) {
            case "member" -> {
                keys(m, at, GOLDEN_MEMBER);
                String member = string(m, "member", at, true);
                boolean explicit = members.stream().anyMatch(x -> x.name().equals(member));
                if (!explicit && discover.isEmpty()) {
                    throw error(m.entries().get("member").value().line(), at + ".member: '" + member
                            + "' is not a member of this fleet (members: "
                            + String.join(", ", members.stream().map(MemberConfig::name).toList()) + ")");
                }
                return new GoldenConfig.Member(member);
            }
            case "url" -> {
                keys(m, at, GOLDEN_URL);
                String url = memberUrl(m, at);
                String schema = string(m, "schema", at, false);
                if (schema != null && !url.startsWith("jdbc:postgresql:")) {
                    throw error(m.entries().get("schema").value().line(), at + ".schema: only PostgreSQL has schemas");
                }
                return new GoldenConfig.Url(url, string(m, "user", at, false), secret(m, "password", at, false), schema);
            }
            case "snapshot" -> {
                keys(m, at, GOLDEN_SNAPSHOT);
                String fp = string(m, "snapshot", at, true).toLowerCase(Locale.ROOT);
                if (!fp.matches("[0-9a-f]{8,64}")) {
                    throw error(m.entries().get("snapshot").value().line(), at + ".snapshot: '" + fp
                            + "' is not a fingerprint (8 to 64 hex digits, as `driftd snapshot` prints)");
                }
                return new GoldenConfig.Snapshot(fp);
            }
            case "sql" -> {
                keys(m, at, GOLDEN_SQL);
                int line = m.entries().get("sql").value().line();
                Path file = baseDir.resolve(string(m, "sql", at, true)).normalize();
                if (!Files.isReadable(file)) {
                    throw error(line, at + ".sql: cannot read " + file);
                }
                if (!m.entries().containsKey("scratch")) {
                    throw error(m.line(), at + ": a sql golden needs scratch: the URL of a server (same flavor as the "
                            + "fleet) where driftd may create and drop a scratch database");
                }
                YamlNode.Mapping urlOnly = m;
                String scratch = string(urlOnly, "scratch", at, true);
                if (!MEMBER_URL.matcher(scratch).matches()) {
                    throw error(m.entries().get("scratch").value().line(), at + ".scratch: '" + UrlRedaction.redact(scratch)
                            + "' is not a jdbc:postgresql://, jdbc:mysql:// or jdbc:mariadb:// URL");
                }
                warnPasswordInUrl(scratch, m.entries().get("scratch").value().line(), at + ".scratch");
                String scope = string(m, "scope", at, false);
                boolean inSchema = schemaFleet;
                if (scope != null) {
                    inSchema = switch (scope) {
                        case "schema" -> true;
                        case "database" -> false;
                        default -> throw error(m.entries().get("scope").value().line(), at + ".scope: '" + scope
                                + "' is neither database nor schema");
                    };
                }
                if (inSchema && !scratch.startsWith("jdbc:postgresql:")) {
                    throw error(m.line(), at + ": a scratch schema needs a PostgreSQL scratch server");
                }
                return new GoldenConfig.Sql(file, scratch, string(m, "user", at, false),
                        secret(m, "password", at, false), inSchema);
            }
            default -> {
                keys(m, at, GOLDEN_MAJORITY);
                String v = string(m, "majority", at, true);
                if (!v.equals("true")) {
                    throw error(m.entries().get("majority").value().line(), at + ".majority: write majority: true");
                }
                return new GoldenConfig.Majority();
            }
        }
    }

    // ---- values

    private String memberUrl(YamlNode.Mapping m, String at) {
        String url = string(m, "url", at, true);
        int line = m.entries().get("url").value().line();
        if (!MEMBER_URL.matcher(url).matches()) {
            throw error(line, at + ".url: '" + UrlRedaction.redact(url)
                    + "' is not a jdbc:postgresql://, jdbc:mysql:// or jdbc:mariadb:// URL");
        }
        try {
            // the reading connections use: a bad percent escape or port is refused here, not at the first sweep
            dev.driftd.dialect.JdbcUrl.parse(url).port();
        } catch (IllegalArgumentException e) {
            throw error(line, at + ".url: " + e.getMessage());
        }
        warnPasswordInUrl(url, line, at + ".url");
        return url;
    }

    private void warnPasswordInUrl(String url, int line, String at) {
        if (PASSWORD_IN_URL.matcher(url).find()) {
            warnings.add(source + ":" + line + ": " + at + " carries a literal password; prefer password: "
                    + "\"${env:NAME}\" or \"${file:PATH}\"");
        }
    }

    private String name(YamlNode.Mapping m, String at) {
        String name = string(m, "name", at, true);
        if (!NAME.matcher(name).matches()) {
            throw error(m.entries().get("name").value().line(), at + ".name: '" + name
                    + "' is not a name (letters, digits, '_', '.', '-'; starting with a letter or digit)");
        }
        return name;
    }

    /**
     * A bearer token: like any secret, and at least {@value #MIN_TOKEN_LENGTH} characters, so that
     * no token can be guessed by trying; the message names the line, never the value.
     */
    private Secret tokenSecret(YamlNode.Mapping m, String key, String at, boolean required) {
        Secret s = secret(m, key, at, required);
        if (s != null && s.reveal().length() < MIN_TOKEN_LENGTH) {
            throw error(m.entries().get(key).value().line(), at + "." + key + ": the token (" + s.origin()
                    + ") has " + s.reveal().length() + " characters; a token needs at least " + MIN_TOKEN_LENGTH
                    + " (e.g. openssl rand -hex 24)");
        }
        return s;
    }

    private Secret secret(YamlNode.Mapping m, String key, String at, boolean required) {
        String raw = string(m, key, at, required);
        if (raw == null) {
            return null;
        }
        int line = m.entries().get(key).value().line();
        String where = at + "." + key;
        Matcher ref = SECRET_REF.matcher(raw.strip());
        if (ref.matches()) {
            String what = ref.group(2).strip();
            switch (ref.group(1)) {
                case "env" -> {
                    String v = env.apply(what);
                    if (v == null || v.isEmpty()) {
                        throw error(line, where + ": environment variable " + what + " is not set");
                    }
                    return new Secret(v, "env " + what);
                }
                case "file" -> {
                    Path p = baseDir.resolve(what).normalize();
                    String v;
                    try {
                        v = Files.readString(p, StandardCharsets.UTF_8).strip();
                    } catch (IOException e) {
                        throw error(line, where + ": cannot read secret file " + p + " ("
                                + e.getClass().getSimpleName() + ")");
                    }
                    if (v.isEmpty()) {
                        throw error(line, where + ": secret file " + p + " is empty");
                    }
                    return new Secret(v, "file " + p);
                }
                case "credential" -> {
                    return credential(what, line, where);
                }
                default -> throw error(line, where + ": unknown secret reference ${" + ref.group(1)
                        + ":…}; use ${env:NAME}, ${file:PATH} or ${credential:NAME}");
            }
        }
        if (raw.contains("${")) {
            throw error(line, where + ": malformed secret reference; use ${env:NAME}, ${file:PATH} or ${credential:NAME}");
        }
        warnings.add(source + ":" + line + ": " + where + " is a literal secret in the file; prefer "
                + "\"${env:NAME}\" or \"${file:PATH}\"");
        return new Secret(raw, "literal");
    }

    /**
     * {@code schedule:} as cron text (five-field Unix or Quartz) or as {@code {every: 5m}}; the text
     * kept is the one {@link FleetSchedule#parse} reads back (the default when absent).
     */
    private String schedule(YamlNode.Mapping m, String where) {
        YamlNode.Entry e = m.entries().get("schedule");
        if (e == null || isNull(e.value())) {
            return FleetConfig.DEFAULT_SCHEDULE;
        }
        String at = where + ".schedule";
        if (e.value() instanceof YamlNode.Mapping every) {
            keys(every, at, SCHEDULE_EVERY);
            String period = string(every, "every", at, true);
            int line = every.entries().get("every").value().line();
            Duration d;
            try {
                d = Durations.parse(period, at + ".every");
            } catch (IllegalArgumentException bad) {
                throw error(line, bad.getMessage());
            }
            try {
                return FleetSchedule.every(d).text();
            } catch (IllegalArgumentException bad) {
                throw error(line, at + "." + bad.getMessage());
            }
        }
        String text = string(m, "schedule", where, true);
        try {
            return FleetSchedule.parse(text).text();
        } catch (IllegalArgumentException bad) {
            throw error(e.value().line(), at + ": " + bad.getMessage());
        }
    }

    /**
     * {@code ${credential:NAME}}: systemd's {@code LoadCredential=NAME:PATH} copies PATH (readable by
     * root only) to {@code $CREDENTIALS_DIRECTORY/NAME}, readable by the service's user only, for the
     * service's lifetime. The unit pairs it with an empty {@code SetCredential=NAME:} so that a
     * missing source file starts the service anyway; a config that uses it then fails here, clearly.
     */
    private Secret credential(String name, int line, String where) {
        if (!CREDENTIAL_NAME.matcher(name).matches()) {
            throw error(line, where + ": '" + name + "' is not a credential name (letters, digits, '_', '.', '-'; "
                    + "no '/')");
        }
        // Messages start with the quoted name: the log redactor masks the word after "secret: " or
        // "token: " (it could be a value), and a quote is where it stops.
        String dir = env.apply(CREDENTIALS_DIRECTORY);
        if (dir == null || dir.isEmpty()) {
            throw error(line, where + ": '" + name + "': $" + CREDENTIALS_DIRECTORY + " is not set (systemd sets it "
                    + "for a unit with a LoadCredential= line for this credential; outside systemd use ${file:PATH})");
        }
        Path p = Path.of(dir).resolve(name);
        String v;
        try {
            v = Files.readString(p, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw error(line, where + ": '" + name + "': no such systemd credential, cannot read " + p + " ("
                    + e.getClass().getSimpleName() + "); give the unit a LoadCredential= line for it");
        }
        if (v.isEmpty()) {
            throw error(line, where + ": '" + name + "': the systemd credential is empty (" + p + "); is the file "
                    + "its LoadCredential= line names missing or empty?");
        }
        return new Secret(v, "credential " + name);
    }

    private int integer(YamlNode.Mapping m, String key, String at, int dflt, int min) {
        String raw = string(m, key, at, false);
        if (raw == null) {
            return dflt;
        }
        int line = m.entries().get(key).value().line();
        int v;
        try {
            v = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw error(line, at + "." + key + ": '" + raw + "' is not a whole number");
        }
        if (v < min) {
            throw error(line, at + "." + key + ": " + v + " is less than " + min);
        }
        return v;
    }

    private Duration duration(String raw, int line, String where) {
        try {
            Duration d = Durations.parse(raw, where);
            if (d.isZero()) {
                throw error(line, where + ": must be longer than 0");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw error(line, e.getMessage());
        }
    }

    private Duration retention(String raw, int line) {
        Duration r;
        try {
            r = Durations.parse(raw, "store.retention");
        } catch (IllegalArgumentException e) {
            throw error(line, e.getMessage());
        }
        if (r.compareTo(Duration.ofHours(1)) < 0) {
            throw error(line, "store.retention: keep at least 1h");
        }
        return r;
    }

    private Pattern regex(String raw, int line, String where) {
        try {
            return Pattern.compile(raw);
        } catch (PatternSyntaxException e) {
            throw error(line, where + ": '" + raw + "' is not a regular expression (" + e.getDescription()
                    + " at index " + e.getIndex() + ")");
        }
    }

    // ---- tree access

    private String string(YamlNode.Mapping m, String key, String at, boolean required) {
        YamlNode.Entry e = m.entries().get(key);
        if (e == null || isNull(e.value())) {
            if (required) {
                throw error(e == null ? m.line() : e.keyLine(), at + ": " + key + " is required");
            }
            return null;
        }
        if (!(e.value() instanceof YamlNode.Scalar s)) {
            throw error(e.value().line(), at + "." + key + ": expected a single value, found " + e.value().describe());
        }
        if (s.text().isBlank() && required) {
            throw error(s.line(), at + "." + key + ": must not be empty");
        }
        return s.text().isBlank() ? null : s.text();
    }

    private void keys(YamlNode.Mapping m, String at, List<String> allowed) {
        Set<String> ok = Set.copyOf(allowed);
        for (YamlNode.Entry e : m.entries().values()) {
            if (!ok.contains(e.key())) {
                throw error(e.keyLine(), at + ": unknown key '" + e.key() + "' (expected "
                        + String.join(", ", allowed) + ")");
            }
        }
    }

    private YamlNode.Mapping mapping(YamlNode n, String at) {
        if (n instanceof YamlNode.Mapping m) {
            return m;
        }
        throw error(n.line(), at + ": expected a mapping (key: value), found " + n.describe());
    }

    private YamlNode.Sequence sequence(YamlNode n, String at) {
        if (n instanceof YamlNode.Sequence s) {
            return s;
        }
        throw error(n.line(), at + ": expected a list, found " + n.describe());
    }

    private static boolean isNull(YamlNode n) {
        return n instanceof YamlNode.Scalar s && s.text() == null;
    }

    private ConfigException error(int line, String problem) {
        return new ConfigException(source, line, problem);
    }
}
