package dev.driftd.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.schema.Canonical;
import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.Scope;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How known cross-version verdicts turn a plain diff into the one shown and counted. */
class CrossVersionVerdictsTest {
    private static Snapshot snapshot(String version, String check) {
        List<SchemaObject> objects = List.of(Table.plain("public", "t"),
                new CheckConstraint("public", "t", "t_ck", check, false, true, null));
        return new Snapshot(Flavor.POSTGRES, version, Scope.database("db", List.of("public")), objects, Set.of());
    }

    @BeforeEach
    void forget() {
        CrossVersionVerdicts.forgetAll();
    }

    @Test
    void majorsAreReadFromTheServerVersion() {
        assertThat(CrossVersionVerdicts.major("16.10")).isEqualTo("16");
        assertThat(CrossVersionVerdicts.major("18.0")).isEqualTo("18");
        assertThat(CrossVersionVerdicts.major("10.11.19-MariaDB-0+deb12u1")).isEqualTo("10");
        assertThat(CrossVersionVerdicts.major(null)).isNull();
        assertThat(CrossVersionVerdicts.major("unknown")).isNull();
    }

    @Test
    void aVersionDependentChangeIsShownButIsNotDrift() throws Exception {
        Snapshot golden = snapshot("16.10", "timezone('UTC'::text, x) > now()");
        Snapshot target = snapshot("17.6", "(x AT TIME ZONE 'UTC'::text) > now()");
        Diff plain = Differ.compare(golden, target);
        assertThat(plain.inSync()).isFalse();
        Change only = CrossVersionVerdicts.candidates(plain, golden, target).get(0);
        // nothing known yet: the plain diff stands
        assertThat(CrossVersionVerdicts.settle(plain, golden, target)).isSameAs(plain);

        CrossVersionVerdicts.remember(golden, target, only,
                new CrossVersionVerdicts.Judged(CrossVersionVerdicts.Verdict.VERSION_DEPENDENT, false));
        Diff settled = CrossVersionVerdicts.settle(plain, golden, target);
        assertThat(settled.inSync()).isTrue();
        assertThat(settled.countsBySeverity().values()).containsOnly(0);
        assertThat(settled.changes()).singleElement().satisfies(c -> {
            assertThat(c.versionDependent()).isTrue();
            assertThat(c.drift()).isFalse();
            assertThat(c.describe()).isEqualTo("changed check constraint public.t.t_ck (breaking, version_dependent: "
                    + "not drift): expression: \"(x AT TIME ZONE 'UTC'::text) > now()\" -> \"timezone('UTC'::text, x) > now()\"");
        });
        JsonNode json = Canonical.MAPPER.valueToTree(settled.changes().get(0));
        assertThat(json.path("versionDependent").asBoolean()).isTrue();
        // an ordinary change does not carry the field
        assertThat(Canonical.MAPPER.valueToTree(plain.changes().get(0)).has("versionDependent")).isFalse();

        CrossVersionVerdicts.remember(golden, target, only,
                new CrossVersionVerdicts.Judged(CrossVersionVerdicts.Verdict.SAME, true));
        assertThat(CrossVersionVerdicts.settle(plain, golden, target).changes()).isEmpty();
    }

    @Test
    void aVerdictBelongsToThePairAndTheMajorsOnly() {
        Snapshot golden = snapshot("16.10", "a > 0");
        Snapshot target = snapshot("17.6", "a > 1");
        Change c = Differ.compare(golden, target).changes().get(0);
        CrossVersionVerdicts.remember(golden, target, c,
                new CrossVersionVerdicts.Judged(CrossVersionVerdicts.Verdict.SAME, true));
        // the same pair on another minor release of the same majors: still known
        assertThat(CrossVersionVerdicts.settle(Differ.compare(snapshot("16.11", "a > 0"), snapshot("17.7", "a > 1")),
                snapshot("16.11", "a > 0"), snapshot("17.7", "a > 1")).changes()).isEmpty();
        // another major, another object, or one major on both sides: not
        assertThat(CrossVersionVerdicts.settle(Differ.compare(golden, snapshot("18.0", "a > 1")), golden,
                snapshot("18.0", "a > 1")).changes()).hasSize(1);
        assertThat(CrossVersionVerdicts.settle(Differ.compare(golden, snapshot("17.6", "a > 2")), golden,
                snapshot("17.6", "a > 2")).changes()).hasSize(1);
        Snapshot same = snapshot("16.2", "a > 1");
        assertThat(CrossVersionVerdicts.candidates(Differ.compare(golden, same), golden, same)).isEmpty();
        assertThat(CrossVersionVerdicts.settle(Differ.compare(golden, same), golden, same).changes()).hasSize(1);
    }
}
