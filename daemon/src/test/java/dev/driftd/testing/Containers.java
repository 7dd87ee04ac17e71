package dev.driftd.testing;

import dev.driftd.schema.Flavor;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.containers.PostgreSQLContainer;

/** Testcontainers servers, only when a Docker engine answers; started once per JVM and left to Ryuk. */
final class Containers {
    private Containers() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static TestServer postgres() {
        if (!dockerAvailable()) {
            return null;
        }
        PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:15");
        pg.start();
        return new TestServer(Flavor.POSTGRES, "jdbc:postgresql://" + pg.getHost() + ":" + pg.getFirstMappedPort() + "/",
                "", pg.getUsername(), pg.getPassword(), pg.getDatabaseName(), "testcontainers");
    }

    static TestServer mysql() {
        if (!dockerAvailable()) {
            return null;
        }
        MySQLContainer<?> my = new MySQLContainer<>("mysql:8.4").withUsername("root");
        my.start();
        return new TestServer(Flavor.MYSQL, "jdbc:mysql://" + my.getHost() + ":" + my.getFirstMappedPort() + "/",
                "allowMultiQueries=true", "root", my.getPassword(), "mysql", "testcontainers");
    }
}
