package dev.driftd.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes docs/conformance.md. Everything above the explanations marker is regenerated; the
 * hand-written explanations below it are kept across runs.
 */
final class Report {
    static final String MARKER = "<!-- explanations: hand-written, kept when the report is regenerated -->";

    record Tally(int total, int converged, int failed, int notLoadable, int skipped) {
        int loadable() {
            return converged + failed;
        }
    }

    private Report() {
    }

    static Tally tally(List<CaseResult> results) {
        int converged = 0;
        int failed = 0;
        int notLoadable = 0;
        int skipped = 0;
        for (CaseResult r : results) {
            switch (r.outcome()) {
                case CONVERGED -> converged++;
                case FAILED -> failed++;
                case NOT_LOADABLE -> notLoadable++;
                case SKIPPED -> skipped++;
            }
        }
        return new Tally(results.size(), converged, failed, notLoadable, skipped);
    }

    /** Said at the top of every report: the corpus tables measure, they do not gate (realworld.sh does). */
    static final String INFORMATIONAL = "**Informational.** The corpus tables below measure the engine; they fail nothing. "
            + "CI runs `.ci/checks/conformance.sh` on every build, prints one line per source and writes this report to "
            + "`daemon/target/conformance.md` (the tracked copy here is updated by hand). Only the \"Real schemas\" section "
            + "is a gate (`.ci/checks/realworld.sh`).";

    /**
     * Regenerates the parts measured in this run and keeps the others from the file: the corpus
     * tables when {@code results} is empty, the real-schemas section when {@code realWorldSection}
     * is null, and always the hand-written explanations.
     */
    static void write(Path file, Map<String, List<CaseResult>> results, String realWorldSection, List<String> servers)
            throws IOException {
        String old = Files.exists(file) ? Files.readString(file) : "";
        String head = results.isEmpty() ? keptHead(old) : corpusTables(results, servers);
        String real = realWorldSection != null ? realWorldSection : keptRealWorld(old);
        StringBuilder md = new StringBuilder(head);
        if (!real.isEmpty()) {
            md.append('\n').append(real);
        }
        md.append('\n').append(MARKER).append('\n');
        md.append(keptExplanations(file));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, md.toString());
    }

    private static String keptHead(String old) {
        int end = old.indexOf(RealWorldReport.BEGIN);
        end = end >= 0 ? end : old.indexOf(MARKER);
        return end >= 0 ? old.substring(0, end).stripTrailing() + "\n"
                : "# Conformance: the engine on cases other projects wrote\n";
    }

    private static String keptRealWorld(String old) {
        int begin = old.indexOf(RealWorldReport.BEGIN);
        int end = old.indexOf(RealWorldReport.END);
        return begin >= 0 && end > begin ? old.substring(begin, end + RealWorldReport.END.length()) + "\n" : "";
    }

    private static String corpusTables(Map<String, List<CaseResult>> results, List<String> servers) {
        StringBuilder md = new StringBuilder();
        md.append("# Conformance: the engine on cases other projects wrote\n\n");
        md.append("Measured on ").append(LocalDate.now(ZoneOffset.UTC)).append(" at commit `").append(commit())
                .append("` against ").append(String.join(" and ", servers))
                .append(" with `bash bench/conformance.sh` (the corpus is read from `../shared/corpus`).\n\n");
        md.append(INFORMATIONAL).append("\n\n");
        md.append("Each case loads `current` into one database and `desired` into another, plans golden = desired ")
                .append("against target = current, applies the plan with destructive statements allowed, inspects ")
                .append("again, and counts as converged only when the fingerprint equals golden's **and** the ")
                .append("server's own dump (`pg_dump --schema-only`, `mysqldump --no-data`) matches golden's ")
                .append("(PostgreSQL column order aside; privileges included). Real schemas are loaded twice: ")
                .append("untouched copies must be in sync, and a copy with scripted drift (drop an index, add a ")
                .append("column, change a default, widen a type, drop a check and a foreign key, change a routine and a ")
                .append("trigger body, add a table, alter a view) must converge. The real-world gate is the ")
                .append("\"Real schemas\" section below.\n\n");
        md.append("| source | converged | loadable | rate | not loadable | skipped by flag | total |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<CaseResult>> e : results.entrySet()) {
            Tally t = tally(e.getValue());
            md.append("| ").append(e.getKey()).append(" | ").append(t.converged()).append(" | ").append(t.loadable())
                    .append(" | ").append(t.loadable() == 0 ? "-" : String.format("%.1f%%", 100.0 * t.converged() / t.loadable()))
                    .append(" | ").append(t.notLoadable()).append(" | ").append(t.skipped()).append(" | ")
                    .append(t.total()).append(" |\n");
        }
        for (Map.Entry<String, List<CaseResult>> e : results.entrySet()) {
            Map<String, List<String>> byCause = group(e.getValue(), CaseResult.Outcome.FAILED);
            if (!byCause.isEmpty()) {
                md.append("\n## Failures in ").append(e.getKey()).append(", by cause\n\n");
                md.append("| cause | cases | examples |\n|---|---:|---|\n");
                appendGroups(md, byCause);
            }
        }
        md.append("\n## Not loadable and skipped, by reason\n\n| source | reason | cases | examples |\n|---|---|---:|---|\n");
        for (Map.Entry<String, List<CaseResult>> e : results.entrySet()) {
            Map<String, List<String>> groups = group(e.getValue(), CaseResult.Outcome.SKIPPED);
            Map<String, List<String>> notLoadable = new TreeMap<>();
            for (CaseResult r : e.getValue()) {
                if (r.outcome() == CaseResult.Outcome.NOT_LOADABLE) {
                    notLoadable.computeIfAbsent("not loadable: " + Convergence.generalize(r.detail()), k -> new ArrayList<>())
                            .add(r.corpusCase().name());
                }
            }
            groups.putAll(notLoadable);
            sorted(groups).forEach(g -> md.append("| ").append(e.getKey()).append(" | ").append(escape(g.getKey()))
                    .append(" | ").append(g.getValue().size()).append(" | ")
                    .append(String.join(", ", g.getValue().subList(0, Math.min(3, g.getValue().size())))).append(" |\n"));
        }
        return md.toString();
    }

    static void writeDetails(Path file, Map<String, List<CaseResult>> results) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<CaseResult>> e : results.entrySet()) {
            for (CaseResult r : e.getValue()) {
                out.append(e.getKey()).append('\t').append(r.corpusCase().name()).append('\t').append(r.outcome())
                        .append('\t').append(r.cause() == null ? "" : r.cause()).append('\n');
                if (r.detail() != null && r.outcome() == CaseResult.Outcome.FAILED) {
                    r.detail().lines().limit(12).forEach(l -> out.append("    ").append(l).append('\n'));
                }
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out.toString());
    }

    private static Map<String, List<String>> group(List<CaseResult> results, CaseResult.Outcome outcome) {
        Map<String, List<String>> out = new TreeMap<>();
        for (CaseResult r : results) {
            if (r.outcome() == outcome) {
                out.computeIfAbsent(r.cause(), k -> new ArrayList<>()).add(r.corpusCase().name());
            }
        }
        return out;
    }

    private static List<Map.Entry<String, List<String>>> sorted(Map<String, List<String>> groups) {
        List<Map.Entry<String, List<String>>> list = new ArrayList<>(groups.entrySet());
        list.sort(Comparator.comparing((Map.Entry<String, List<String>> g) -> -g.getValue().size())
                .thenComparing(Map.Entry::getKey));
        return list;
    }

    private static void appendGroups(StringBuilder md, Map<String, List<String>> groups) {
        for (Map.Entry<String, List<String>> g : sorted(groups)) {
            md.append("| ").append(escape(g.getKey())).append(" | ").append(g.getValue().size()).append(" | ")
                    .append(String.join(", ", g.getValue().subList(0, Math.min(4, g.getValue().size()))))
                    .append(g.getValue().size() > 4 ? ", …" : "").append(" |\n");
        }
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    private static String keptExplanations(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "\n## Why the remaining failures fail\n\n(to be written from the failure groups above)\n";
        }
        String old = Files.readString(file);
        int i = old.indexOf(MARKER);
        return i < 0 ? "" : old.substring(i + MARKER.length() + 1);
    }

    static String commit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    static Map<String, Tally> tallies(Map<String, List<CaseResult>> results) {
        Map<String, Tally> out = new LinkedHashMap<>();
        results.forEach((k, v) -> out.put(k, tally(v)));
        return out;
    }
}
