package dev.driftd.metrics;

import dev.driftd.diff.Severity;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberStatus;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The per-member values behind the driftd_member_* gauges and the per-member counters. Gauges are
 * copied from the fleet service's {@link MemberStatus}; counters are added to by sweep events.
 * The label text is escaped once, here, because it is written once per series on every scrape.
 */
final class MemberSeries {
    final String labels;
    volatile double drift = Double.NaN;
    volatile double up = Double.NaN;
    volatile double lastSnapshot = Double.NaN;
    volatile double driftSince = Double.NaN;
    /** Changes waived now (0 when none or unknown) and the soonest expiry of their waivers (NaN: no series). */
    volatile double waivedChanges;
    volatile double waiverExpiry = Double.NaN;
    /** How many overlays the configuration gives the member (0: its expected schema is golden). */
    volatile double overlays;
    final double[] changes = new double[Severity.values().length];
    final Map<String, DoubleAdder> errors = new ConcurrentSkipListMap<>();
    final DoubleAdder ddlEvents = new DoubleAdder();
    /** The labels of driftd_member_server_info (version and major after fleet and member); null when unknown. */
    volatile String serverLabels;
    private volatile String serverVersion;

    MemberSeries(String fleet, String member) {
        this.labels = "fleet=\"" + TextExposition.escapeLabel(fleet) + "\",member=\""
                + TextExposition.escapeLabel(member) + "\"";
        java.util.Arrays.fill(changes, Double.NaN);
        for (String reason : FleetMetrics.ERROR_REASONS) {
            errors.put(reason, new DoubleAdder());
        }
    }

    DoubleAdder error(String reason) {
        return errors.computeIfAbsent(reason, r -> new DoubleAdder());
    }

    /** Copies the service's view: unknown values (pending, unreachable) are NaN, not a made-up 0. */
    void update(MemberStatus m) {
        boolean known = m.state() == MemberState.IN_SYNC || m.state() == MemberState.DRIFTED;
        drift = known ? (m.state() == MemberState.DRIFTED ? 1 : 0) : Double.NaN;
        up = switch (m.state()) {
            case IN_SYNC, DRIFTED -> 1;
            case UNREACHABLE -> 0;
            case PENDING -> Double.NaN;
        };
        lastSnapshot = epochSeconds(m.lastSnapshot());
        driftSince = m.state() == MemberState.DRIFTED ? epochSeconds(m.driftSince()) : Double.NaN;
        for (Severity s : Severity.values()) {
            changes[s.ordinal()] = known ? m.changes().getOrDefault(s, 0) : Double.NaN;
        }
        String version = m.serverVersion();
        if (!java.util.Objects.equals(version, serverVersion)) {
            serverVersion = version;
            String major = dev.driftd.diff.CrossVersionVerdicts.major(version);
            serverLabels = version == null ? null : labels + ",version=\"" + TextExposition.escapeLabel(version)
                    + "\",major=\"" + TextExposition.escapeLabel(major == null ? "" : major) + "\"";
        }
    }

    /** The member's waived changes now; null when it has none. */
    void waived(dev.driftd.waiver.WaiverSummary w) {
        waivedChanges = w == null ? 0 : w.waivedChanges();
        waiverExpiry = w == null ? Double.NaN : epochSeconds(w.soonestExpiry());
    }

    private static double epochSeconds(Instant t) {
        return t == null ? Double.NaN : t.toEpochMilli() / 1000.0;
    }
}
