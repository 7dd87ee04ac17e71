package dev.driftd.dialect;

import dev.driftd.schema.Flavor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry is the one way from a URL or a flavor to a dialect; what it answers decides planning and applying. */
class DialectsTest {
    private final Dialects dialects = Dialects.standard();

    @Test
    void aUrlFindsTheDialectOfItsScheme() {
        assertThat(dialects.forUrl("jdbc:postgresql://db:5432/app")).map(Dialect::name).contains("postgres");
        assertThat(dialects.forUrl("jdbc:mysql://db/app")).map(Dialect::name).contains("mysql");
        assertThat(dialects.forUrl("jdbc:mariadb://db/app")).map(Dialect::name).contains("mysql");
        assertThat(dialects.forUrl("jdbc:h2:mem:x")).isEmpty();
    }

    @Test
    void aFlavorFindsTheDialectThatReadsIt() {
        assertThat(dialects.forFlavor(Flavor.POSTGRES)).map(Dialect::name).contains("postgres");
        assertThat(dialects.forFlavor(Flavor.MYSQL)).map(Dialect::name).contains("mysql");
        assertThat(dialects.forFlavor(Flavor.MARIADB)).map(Dialect::name).contains("mysql");
        // a snapshot that names no flavor has always been planned as PostgreSQL's
        assertThat(dialects.forFlavor(null)).map(Dialect::name).contains("postgres");
    }

    @Test
    void flavorsOfOneDialectCompareAndOthersDoNot() {
        assertThat(dialects.comparable(Flavor.MYSQL, Flavor.MARIADB)).isTrue();
        assertThat(dialects.comparable(Flavor.POSTGRES, Flavor.POSTGRES)).isTrue();
        assertThat(dialects.comparable(Flavor.POSTGRES, Flavor.MARIADB)).isFalse();
        assertThat(dialects.comparable(null, Flavor.MYSQL)).isTrue();
    }

    @Test
    void onlyTransactionalDdlHasAVerifiedApply() {
        assertThat(dialects.forFlavor(Flavor.POSTGRES).orElseThrow().verifiedApply()).isPresent();
        assertThat(dialects.forFlavor(Flavor.MARIADB).orElseThrow().verifiedApply()).isEmpty();
    }

    @Test
    void aMysqlRuleWithoutADatabaseIsListedFromInformationSchema() {
        DbTarget rule = new DbTarget("jdbc:mysql://db:3306/?useSSL=false", "u", null, null);
        DatabaseListing mysql = dialects.forUrl(rule.url()).orElseThrow().databaseListing();
        assertThat(mysql.listingTarget(rule).url()).isEqualTo("jdbc:mysql://db:3306/information_schema?useSSL=false");
        DbTarget named = new DbTarget("jdbc:mysql://db:3306/app", "u", null, null);
        assertThat(mysql.listingTarget(named)).isSameAs(named);
        DbTarget pg = new DbTarget("jdbc:postgresql://db/", "u", null, null);
        assertThat(dialects.forUrl(pg.url()).orElseThrow().databaseListing().listingTarget(pg)).isSameAs(pg);
    }
}
