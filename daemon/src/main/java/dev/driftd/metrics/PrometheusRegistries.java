package dev.driftd.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Builds the Prometheus registry the daemon scrapes: {@code driftd_build_info}, and the JVM and
 * process meters under Micrometer's standard names, so the JVM dashboards people import for any
 * Micrometer application work unchanged. Two of those names ({@code process_cpu_time_ns_total},
 * {@code system_cpu_count}) draw advisory lint warnings from {@code promtool check metrics}; they
 * are accepted on purpose (docs/metrics.md), and the CI lint fails on anything else.
 */
public final class PrometheusRegistries {
    static final String BUILD_INFO = "driftd.build.info";

    private PrometheusRegistries() {
    }

    /**
     * A registry holding only {@code driftd_build_info}. No exemplar sampler is configured, so no
     * series ever carries an exemplar, in either exposition format.
     */
    public static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bindBuildInfo(registry, BuildInfo.current());
        return registry;
    }

    /** The conventional {@code <app>_build_info} gauge: always 1, the build in its labels. */
    static void bindBuildInfo(PrometheusMeterRegistry registry, BuildInfo build) {
        Gauge.builder(BUILD_INFO, () -> 1)
                .description("Always 1; the labels say which driftd build runs (version, git revision) on which Java")
                .tag("version", build.version()).tag("revision", build.revision()).tag("java", build.java())
                .register(registry);
    }

    /**
     * Binds JVM memory, GC, threads, class loading, CPU, uptime and file descriptor meters. Close the
     * result when the registry goes away: the GC meters hold listeners on the GC MXBeans.
     */
    public static AutoCloseable bindJvmMeters(PrometheusMeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return gc::close;
    }
}
