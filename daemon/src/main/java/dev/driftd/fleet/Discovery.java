package dev.driftd.fleet;

import dev.driftd.config.DiscoverConfig;
import dev.driftd.config.FleetConfig;
import dev.driftd.config.MemberConfig;
import dev.driftd.dialect.DatabaseListing;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.Dialect;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.JdbcFamily;
import dev.driftd.dialect.JdbcUrl;
import dev.driftd.engine.Engine;
import dev.driftd.util.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists a fleet's members for one sweep: the explicit ones, then for each discover rule the
 * databases (or PostgreSQL schemas) on its server whose whole name matches the rule's pattern.
 * One catalog query per rule. A discovered member is named after its database or schema, and its
 * URL is the rule's with that database written through {@link JdbcUrl} (percent-encoded; connections
 * pass it to the driver as a property), so a name such as {@code app_t%31} reads {@code app_t%31},
 * never {@code app_t1}. A name that is already taken in the fleet, or that the family cannot carry
 * exactly ({@link JdbcFamily#unrepresentable}), is skipped with a warning and reported in
 * {@link Result#skipped()}, never approximated. A rule whose server cannot be read is reported in
 * {@link Result#failedRules()} so the caller can keep what it found before.
 */
public final class Discovery {
    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

    private final Engine engine;

    public Discovery(Engine engine) {
        this.engine = engine;
    }

    /**
     * Members by name in a stable order, the origins ({@code discover[i]}) that failed, with why,
     * and the names found but skipped.
     */
    public record Result(Map<String, FleetMember> members, Map<String, String> failedRules, List<Skipped> skipped) {
        public Result(Map<String, FleetMember> members, Map<String, String> failedRules) {
            this(members, failedRules, List.of());
        }
    }

    /** A name a rule found and did not make a member: {@code reason} is a metric label. */
    public record Skipped(String origin, String name, String reason) {
        public static final String NAME_TAKEN = "name-taken";
    }

    public Result members(FleetConfig fleet) {
        Map<String, FleetMember> out = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        for (MemberConfig m : fleet.members()) {
            out.put(m.name(), new FleetMember(fleet.name(), m.name(), m.target(), FleetMember.EXPLICIT));
        }
        InspectOptions options = new InspectOptions(fleet.timeout());
        for (int i = 0; i < fleet.discover().size(); i++) {
            DiscoverConfig rule = fleet.discover().get(i);
            String origin = FleetMember.discoverOrigin(i);
            List<String> names;
            try {
                names = list(rule, options);
            } catch (SQLException | RuntimeException e) {
                String why = "cannot list " + (rule.bySchema() ? "schemas" : "databases") + " on "
                        + rule.target().redactedUrl() + ": " + SqlErrors.oneLine(e);
                failed.put(origin, why);
                LOG.warn("fleet {}: {}: {}", fleet.name(), origin, why);
                continue;
            }
            JdbcUrl base = JdbcUrl.parse(rule.url());
            for (String name : names) {
                if (out.containsKey(name)) {
                    FleetMember taken = out.get(name);
                    LOG.warn("fleet {}: {} found '{}' on {}, but {} already has a member of that name; skipped",
                            fleet.name(), origin, printable(name), rule.target().redactedUrl(), taken.origin());
                    skipped.add(new Skipped(origin, name, Skipped.NAME_TAKEN));
                    continue;
                }
                String why = base.family().unrepresentable(name);
                if (why != null) {
                    LOG.warn("fleet {}: {} found {} '{}' on {}, which cannot be a member exactly as named ({}); skipped",
                            fleet.name(), origin, rule.bySchema() ? "schema" : "database", printable(name),
                            rule.target().redactedUrl(), why);
                    skipped.add(new Skipped(origin, name, why));
                    continue;
                }
                out.put(name, new FleetMember(fleet.name(), name, target(rule, base, name), origin));
            }
        }
        return new Result(out, failed, List.copyOf(skipped));
    }

    /** Where a member a rule found by that name is read: its schema on the rule's database, or its database. */
    static DbTarget target(DiscoverConfig rule, JdbcUrl ruleUrl, String name) {
        DbTarget base = rule.target();
        return rule.bySchema() ? base.withSchema(name)
                : new DbTarget(ruleUrl.withDatabase(name).toString(), base.user(), base.password(), null);
    }

    /**
     * A member the store remembers from an earlier run, before this run's first discovery: the
     * first rule whose pattern takes its name, as discovery would have found it (a name already
     * explicit is not a discovered member). Empty when no rule takes it any more.
     */
    public static java.util.Optional<FleetMember> remembered(FleetConfig fleet, String name) {
        for (MemberConfig m : fleet.members()) {
            if (m.name().equals(name)) {
                return java.util.Optional.empty();
            }
        }
        for (int i = 0; i < fleet.discover().size(); i++) {
            DiscoverConfig rule = fleet.discover().get(i);
            JdbcUrl ruleUrl = JdbcUrl.parse(rule.url());
            if (rule.pattern().matcher(name).matches() && ruleUrl.family().unrepresentable(name) == null) {
                return java.util.Optional.of(new FleetMember(fleet.name(), name, target(rule, ruleUrl, name),
                        FleetMember.discoverOrigin(i)));
            }
        }
        return java.util.Optional.empty();
    }

    /** A name for a log line: control characters escaped, so a name cannot forge log lines. */
    static String printable(String name) {
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /** Names on the rule's server matching its pattern, in the catalog's order (sorted). */
    List<String> list(DiscoverConfig rule, InspectOptions options) throws SQLException {
        Dialect dialect = engine.dialectFor(rule.url());
        DatabaseListing listing = dialect.databaseListing();
        List<String> found;
        try (Connection c = dialect.connect(listing.listingTarget(rule.target()), options, true)) {
            found = rule.bySchema() ? listing.schemas(c, options.timeout()) : listing.databases(c, options.timeout());
        }
        return found.stream().filter(name -> rule.pattern().matcher(name).matches()).toList();
    }
}
