package dev.driftd.conformance;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ConformanceSampleTest {
    private static final List<String> NAMES = IntStream.range(0, 800).mapToObj(i -> "Case" + i).toList();

    @Test
    void aSampleOfOneTakesEveryCase() {
        assertThat(NAMES).allMatch(n -> ConformanceMain.sampled(n, 1));
    }

    @Test
    void aSampleIsTheSameOnEveryRunAndAboutOneInN() {
        List<String> first = NAMES.stream().filter(n -> ConformanceMain.sampled(n, 4)).toList();
        List<String> again = NAMES.stream().filter(n -> ConformanceMain.sampled(n, 4)).toList();
        assertThat(again).isEqualTo(first);
        assertThat(first.size()).isBetween(150, 250);
    }
}
