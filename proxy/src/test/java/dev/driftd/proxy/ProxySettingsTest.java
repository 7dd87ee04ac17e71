package dev.driftd.proxy;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxySettingsTest {

    private static final Map<String, String> ENV = Map.of(
            "DRIFTD_ENDPOINT", "http://env:1", "DRIFTD_TOKEN", "env-token",
            "DRIFTD_GUARD", "off", "DRIFTD_APPLICATION", "env-app");
    private static final Map<String, String> SYS = Map.of(
            "driftd.endpoint", "http://sys:2", "driftd.token", "sys-token", "driftd.guard", "warn");

    @Test
    void urlBeatsPropertiesBeatsSystemBeatsEnvironment() {
        Properties props = new Properties();
        props.setProperty("driftd.endpoint", "http://props:3/");
        props.setProperty("driftd.token", "props-token");
        ProxySettings s = ProxySettings.resolve(Map.of("driftd.endpoint", "http://url:4"), props, SYS::get, ENV::get);
        assertThat(s.endpoint.toString()).isEqualTo("http://url:4");
        assertThat(s.token).isEqualTo("props-token");
        assertThat(s.guard).isEqualTo(Guard.WARN);
        assertThat(s.application).isEqualTo("env-app");

        ProxySettings envOnly = ProxySettings.resolve(Map.of(), new Properties(), k -> null, ENV::get);
        assertThat(envOnly.endpoint.toString()).isEqualTo("http://env:1");
        assertThat(envOnly.guard).isEqualTo(Guard.OFF);
    }

    @Test
    void defaultsWithNothingConfigured() {
        ProxySettings s = ProxySettings.resolve(Map.of(), null,
                k -> "sun.java.command".equals(k) ? "/opt/app/migrate.jar --flag" : null, k -> null);
        assertThat(s.endpoint).isNull();
        assertThat(s.token).isNull();
        assertThat(s.guard).isEqualTo(Guard.WARN);
        assertThat(s.application).isEqualTo("migrate.jar");
    }

    @Test
    void badValuesGiveOneLineReasons() {
        assertThatThrownBy(() -> ProxySettings.resolve(Map.of("driftd.guard", "strict"), null, k -> null, k -> null))
                .hasMessage("driftd.guard must be off, warn or block, got 'strict'");
        assertThatThrownBy(() -> ProxySettings.resolve(Map.of("driftd.endpoint", "ftp://x"), null, k -> null, k -> null))
                .hasMessageContaining("driftd.endpoint must be an http(s) URL");
    }

    @Test
    void realDriverNeverSeesDriftdProperties() {
        Properties props = new Properties();
        props.setProperty("user", "app");
        props.setProperty("driftd.token", "secret");
        Properties forReal = ProxySettings.forRealDriver(props);
        assertThat(forReal).containsEntry("user", "app").doesNotContainKey("driftd.token");
    }
}
