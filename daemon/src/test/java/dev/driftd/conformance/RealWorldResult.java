package dev.driftd.conformance;

import java.util.Map;

/**
 * The six check results of one real-world file ({@code hive/postgres.sql}) and the scripted drift
 * the forward and reverse checks used.
 */
record RealWorldResult(String source, String file, Map<RealWorldCheck, CaseResult> checks, String drift) {
}
