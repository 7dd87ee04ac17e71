package dev.driftd.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    @Test
    void masksPasswordParametersInJdbcUrls() {
        assertThat(Redactor.redact("jdbc:postgresql://db1:5432/app?user=driftd&password=p4ss&ssl=true"))
                .isEqualTo("jdbc:postgresql://db1:5432/app?user=driftd&password=***&ssl=true");
        assertThat(Redactor.redact("jdbc:mysql://db4:3306/?user=driftd;PASSWORD=p4ss;x=1"))
                .isEqualTo("jdbc:mysql://db4:3306/?user=driftd;PASSWORD=***;x=1");
    }

    @Test
    void masksSecretLikeKeysWithEqualsOrColon() {
        assertThat(Redactor.redact("driftd.token=abc123 secret: xyz api_key=k1 adminPassword = pw"))
                .isEqualTo("driftd.token=*** secret: *** api_key=*** adminPassword = ***");
    }

    @Test
    void masksUserInfoAndBearerTokens() {
        assertThat(Redactor.redact("connecting to postgresql://driftd:pa55@db1/app"))
                .isEqualTo("connecting to postgresql://driftd:***@db1/app");
        assertThat(Redactor.redact("{\"message\":\"postgresql:\\/\\/driftd:pa55@db1\\/app\"}"))
                .isEqualTo("{\"message\":\"postgresql:\\/\\/driftd:***@db1\\/app\"}");
        assertThat(Redactor.redact("Authorization: Bearer eyJhbGciOi.J9x-y_z"))
                .isEqualTo("Authorization: Bearer ***");
        assertThat(Redactor.redact("Authorization: Basic ZHJpZnRkOnNlY3JldA=="))
                .isEqualTo("Authorization: Basic ***");
    }

    @Test
    void keepsJsonValidWhenMaskingInsideAJsonString() {
        String line = "{\"formattedMessage\":\"url jdbc:postgresql://h/db?password=p\\\"q\",\"level\":\"INFO\"}";
        assertThat(Redactor.redact(line))
                .isEqualTo("{\"formattedMessage\":\"url jdbc:postgresql://h/db?password=***\\\"q\",\"level\":\"INFO\"}");
    }

    @Test
    void masksEveryFormADriverMessageQuotesAPasswordIn() {
        // pgjdbc: "Unable to parse URL"; a database name the server echoes; Properties.toString()
        assertThat(Redactor.redact("Unable to parse URL jdbc:postgresql://h:x/db?user=u&password=s3cret (SQLSTATE 99999)"))
                .isEqualTo("Unable to parse URL jdbc:postgresql://h:x/db?user=u&password=*** (SQLSTATE 99999)");
        assertThat(Redactor.redact("database \"app;password=s3cret\" does not exist"))
                .isEqualTo("database \"app;password=***\" does not exist");
        assertThat(Redactor.redact("properties {user=driftd, password=s3cret, ssl=true}"))
                .isEqualTo("properties {user=driftd, password=***, ssl=true}");
        // an unencoded '@' inside the password: all of it is masked, up to the host
        assertThat(Redactor.redact("jdbc:mysql://root:p@ss@w0rd@db1:3306/app failed"))
                .isEqualTo("jdbc:mysql://root:***@db1:3306/app failed");
    }

    @Test
    void keepsMysqlsUsingPasswordYesOrNo() {
        String text = "Access denied for user 'u'@'127.0.0.1' (using password: YES)";
        assertThat(Redactor.redact(text)).isEqualTo(text);
        assertThat(Redactor.redact("password: NOPE)")).isEqualTo("password: ***)");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "FATAL: password authentication failed for user \"driftd\"; basic configuration loaded; "
                + "3 tokens issued; jdbc:postgresql://db1:5432/app?user=driftd";
        assertThat(Redactor.redact(text)).isSameAs(text);
    }
}
