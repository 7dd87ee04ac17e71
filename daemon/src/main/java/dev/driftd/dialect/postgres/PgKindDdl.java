package dev.driftd.dialect.postgres;

import dev.driftd.schema.Aggregate;
import dev.driftd.schema.Collation;
import dev.driftd.schema.TextSearchConfiguration;
import dev.driftd.schema.TextSearchDictionary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DDL for collations, text search dictionaries and configurations, and aggregates. */
final class PgKindDdl {
    /** An option name at the start of the list or after a comma, before its {@code =}. */
    private static final Pattern OPTION_NAME = Pattern.compile("(?:^|,)\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=");

    private final PgDdl ddl;

    PgKindDdl(PgDdl ddl) {
        this.ddl = ddl;
    }

    String createCollation(Collation c) {
        List<String> options = new ArrayList<>();
        options.add("provider = " + c.provider());
        if (c.locale() != null) {
            options.add("locale = " + PgDdl.literal(c.locale()));
        }
        if (c.lcCollate() != null) {
            options.add("lc_collate = " + PgDdl.literal(c.lcCollate()));
        }
        if (c.lcCtype() != null) {
            options.add("lc_ctype = " + PgDdl.literal(c.lcCtype()));
        }
        if (!c.deterministic()) {
            options.add("deterministic = false");
        }
        if (c.rules() != null) {
            options.add("rules = " + PgDdl.literal(c.rules()));
        }
        return "CREATE COLLATION " + ddl.qualified(c.schema(), c.name()) + " (" + String.join(", ", options) + ")";
    }

    String dropCollation(Collation c) {
        return "DROP COLLATION " + ddl.qualified(c.schema(), c.name());
    }

    String createDictionary(TextSearchDictionary d) {
        return "CREATE TEXT SEARCH DICTIONARY " + ddl.qualified(d.schema(), d.name()) + " (TEMPLATE = " + d.template()
                + (d.options() == null ? "" : ", " + d.options()) + ")";
    }

    /** Sets golden's options and resets those only the target has; the template cannot be altered. */
    String alterDictionaryOptions(TextSearchDictionary target, TextSearchDictionary golden) {
        List<String> parts = new ArrayList<>();
        Set<String> goldenNames = optionNames(golden.options());
        for (String name : optionNames(target.options())) {
            if (!goldenNames.contains(name)) {
                parts.add(name); // a name without a value resets the option to its default
            }
        }
        if (golden.options() != null) {
            parts.add(golden.options());
        }
        return "ALTER TEXT SEARCH DICTIONARY " + ddl.qualified(golden.schema(), golden.name()) + " ("
                + String.join(", ", parts) + ")";
    }

    String dropDictionary(TextSearchDictionary d) {
        return "DROP TEXT SEARCH DICTIONARY " + ddl.qualified(d.schema(), d.name());
    }

    /** CREATE, then one ADD MAPPING per token type. */
    List<String> createConfiguration(TextSearchConfiguration c) {
        List<String> out = new ArrayList<>();
        String name = ddl.qualified(c.schema(), c.name());
        out.add("CREATE TEXT SEARCH CONFIGURATION " + name + " (PARSER = " + c.parser() + ")");
        for (Map.Entry<String, String> m : c.mappings().entrySet()) {
            out.add("ALTER TEXT SEARCH CONFIGURATION " + name + " ADD MAPPING FOR " + PgDdl.ident(m.getKey())
                    + " WITH " + m.getValue());
        }
        return out;
    }

    /** Mapping changes between two configurations with the same parser. */
    List<String> alterConfigurationMappings(TextSearchConfiguration target, TextSearchConfiguration golden) {
        List<String> out = new ArrayList<>();
        String name = ddl.qualified(golden.schema(), golden.name());
        for (String token : target.mappings().keySet()) {
            if (!golden.mappings().containsKey(token)) {
                out.add("ALTER TEXT SEARCH CONFIGURATION " + name + " DROP MAPPING FOR " + PgDdl.ident(token));
            }
        }
        for (Map.Entry<String, String> m : golden.mappings().entrySet()) {
            String now = target.mappings().get(m.getKey());
            if (!m.getValue().equals(now)) {
                out.add("ALTER TEXT SEARCH CONFIGURATION " + name + (now == null ? " ADD" : " ALTER") + " MAPPING FOR "
                        + PgDdl.ident(m.getKey()) + " WITH " + m.getValue());
            }
        }
        return out;
    }

    String dropConfiguration(TextSearchConfiguration c) {
        return "DROP TEXT SEARCH CONFIGURATION " + ddl.qualified(c.schema(), c.name());
    }

    String createAggregate(Aggregate a, boolean replace) {
        return "CREATE " + (replace ? "OR REPLACE " : "") + "AGGREGATE " + ddl.qualified(a.schema(), a.baseName()) + " "
                + a.definition();
    }

    String dropAggregate(Aggregate a) {
        return "DROP AGGREGATE " + aggregate(a);
    }

    /** {@code schema.name(identity arguments)}, as DROP and COMMENT ON AGGREGATE name one. */
    String aggregate(Aggregate a) {
        return ddl.aggregate(a);
    }

    private static Set<String> optionNames(String options) {
        Set<String> out = new LinkedHashSet<>();
        if (options != null) {
            Matcher m = OPTION_NAME.matcher(options);
            while (m.find()) {
                out.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }
}
