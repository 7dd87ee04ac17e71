package dev.driftd.util;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlRedactionTest {
    @Test
    void masksThePasswordInTheUserInfo() {
        assertThat(UrlRedaction.redact("jdbc:postgresql://driftd:s3cret@db1:5432/app"))
                .isEqualTo("jdbc:postgresql://driftd:***@db1:5432/app");
    }

    @Test
    void masksEveryPasswordParameterWhateverItsCaseOrSeparator() {
        assertThat(UrlRedaction.redact("jdbc:postgresql://db1/app?user=driftd&password=p4ss&sslpassword=k3y&ssl=true"))
                .isEqualTo("jdbc:postgresql://db1/app?user=driftd&password=***&sslpassword=***&ssl=true");
        assertThat(UrlRedaction.redact("jdbc:mysql://db4:3306/shop;PWD=p4ss;x=1"))
                .isEqualTo("jdbc:mysql://db4:3306/shop;PWD=***;x=1");
    }

    @Test
    void leavesAUrlWithoutPasswordAsItIs() {
        String url = "jdbc:mariadb://driftd@db2:3306/shop?useSsl=true";
        assertThat(UrlRedaction.redact(url)).isEqualTo(url);
    }
}
