package dev.driftd.e2e;

import dev.driftd.testing.FleetSchemas;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static dev.driftd.e2e.PlansHarness.ALICE;
import static dev.driftd.e2e.PlansHarness.BOB;
import static dev.driftd.e2e.PlansHarness.READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web console in a real Chromium against the real daemon on real PostgreSQL and MariaDB
 * fleets: a read token sees the fleets, variants and a hostile member name rendered as text, no
 * admin button, and a 403 when it calls an admin route anyway; an admin signs in with the keyboard
 * alone, opens a drifted member, sees golden's table beside the member's with the differences
 * marked and the destructive statement of the reconcile script marked, creates a plan that a
 * second admin approves and applies through the confirmation dialog, and the member is in sync
 * after the next sweep; on MariaDB a variant's rollout is made, approved by the other admin and
 * followed to completion with its audit trail. Phone width and dark mode are checked and
 * screenshotted; the browser console must show no CSP violation or script error.
 */
class ConsoleBrowserE2ETest {
    /** A database name that is markup: the console must show these characters, never an image. */
    static final String HOSTILE = "<img src=x onerror=window.u19pwned=1>";
    static final Path SHOTS = Path.of("target", "console-screenshots");
    /** The reporting application's name, markup too (it comes from the proxy's settings, so from anyone). */
    static final String APP = "<img src=y onerror=window.u19pwned=2>billing";

    @Test
    void readAdminPlanApproveApplyRolloutAndCraft() throws Exception {
        TestServer pg = TestDatabases.postgres();
        TestServer my = TestDatabases.mysql();
        assumeTrue(my != null, "no MySQL-family server (local, env or Docker)");
        String run = "u19_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String drifted = run + "_m_b";
        String hostile = run + "_m_" + HOSTILE;
        try (ConsoleBrowser b = ConsoleBrowser.start(SHOTS);
             TestDatabase golden = pg.createDatabase(run + "_golden").execute(FleetSchemas.POSTGRES);
             TestDatabase a = pg.createDatabaseNamed(run + "_m_a").execute(FleetSchemas.POSTGRES);
             TestDatabase d1 = pg.createDatabaseNamed(drifted).execute(FleetSchemas.POSTGRES);
             TestDatabase h = pg.createDatabaseNamed(hostile).execute(FleetSchemas.POSTGRES);
             TestDatabase myGolden = my.createDatabase(run + "_mg").execute(FleetSchemas.MARIADB);
             TestDatabase my1 = my.createDatabase(run + "_m1").execute(FleetSchemas.MARIADB);
             TestDatabase my2 = my.createDatabase(run + "_m2").execute(FleetSchemas.MARIADB)) {
            // the drifted member: golden's index dropped by hand and a column added (reconciling drops it)
            d1.execute("DROP INDEX orders_customer_idx", "ALTER TABLE orders ADD COLUMN note text");
            // the hostile one drifts too, by a column whose name is markup as well
            h.execute("ALTER TABLE customers ADD COLUMN \"<b>bold</b>\" text");
            // both MariaDB members share one drift (a hotfix index): one variant, one rollout
            my1.execute("CREATE INDEX orders_total ON orders (total_cents)");
            my2.execute("CREATE INDEX orders_total ON orders (total_cents)");
            String fleets = """
                    - name: pg
                      schedule: "%s"
                      golden: {url: "%s"}
                      apply: enabled
                      approvals: 1
                      timeout: 20s
                      discover:
                        - {url: "%s", databases: "%s_m_.*"}
                    - name: my
                      schedule: "%s"
                      golden: {url: "%s"}
                      apply: enabled
                      approvals: 1
                      timeout: 20s
                      rollout: {canary: 1, wave: 1, pause: 0s}
                      members:
                        - {name: m1, url: "%s"}
                        - {name: m2, url: "%s"}
                    """.formatted(DaemonHarness.NEVER, golden.url(), pg.url("postgres"), run,
                    DaemonHarness.NEVER, myGolden.url(), my1.url(), my2.url());
            try (PlansHarness d = new PlansHarness(fleets)) {
                assertThat(d.sweep("pg").path("drifted").asInt()).isEqualTo(2);
                assertThat(d.sweep("my").path("drifted").asInt()).isEqualTo(2);
                headers(d);
                // what the JDBC proxy reports after the hand-made change (its documented event body)
                com.fasterxml.jackson.databind.node.ObjectNode event = E2eDaemon.JSON.createObjectNode()
                        .put("statement", "ALTER TABLE orders ADD COLUMN note text").put("truncated", false)
                        .put("command", "ALTER").put("flavor", "postgresql").put("serverHost", "127.0.0.1")
                        .put("serverPort", pg.port()).put("database", drifted).put("schema", "public")
                        .put("user", "migrator").put("clientHost", "web-3").put("application", APP)
                        .put("time", java.time.Instant.now().toString()).put("approved", false).put("guard", "warn");
                assertThat(d.ok("POST", "/api/v1/events/ddl", ALICE, event.toString(), 202).path("members").asInt())
                        .isEqualTo(1);
                org.awaitility.Awaitility.await("the reported statement stored").atMost(java.time.Duration.ofSeconds(60))
                        .until(() -> d.ok("GET", "/api/v1/fleets/pg/members/" + drifted + "/diff", READER, null, 200)
                                .path("recentDdl").size() == 1);

                // ---- a read token: everything to see, nothing to press
                b.open(d.base + "/ui/");
                signIn(b, READER, "read");
                WebElement pgCard = b.awaitVisible("the pg fleet card", By.cssSelector("[data-fleet='pg']"));
                assertThat(pgCard.findElements(By.cssSelector(".variant"))).hasSize(3);
                assertThat(pgCard.findElement(By.cssSelector(".variant.golden")).getText()).contains("1 member");
                assertThat(b.driver.findElements(By.cssSelector("button.sweep, button.rollout"))).isEmpty();
                List<String> links = pgCard.findElements(By.cssSelector("a.member-link")).stream().map(WebElement::getText).toList();
                assertThat(links).contains(hostile, drifted);
                assertNothingInjected(b);
                Object status = b.jsAsync("const done = arguments[arguments.length - 1];"
                        + "fetch('/api/v1/fleets/pg/sweep', {method: 'POST', headers: {Authorization: 'Bearer '"
                        + " + sessionStorage.getItem('driftd.token')}}).then(r => done(r.status), e => done(String(e)));");
                assertThat(status).isEqualTo(403L);

                b.open(d.base + "/ui/#/f/pg/m/" + encode(hostile));
                assertThat(b.awaitVisible("the hostile member's page", By.id("member-name")).getText()).isEqualTo(hostile);
                b.awaitText("the hostile column in the side-by-side view", By.cssSelector(".sbs pre.member"), "<b>bold</b>");
                assertThat(b.driver.findElements(By.cssSelector("#create-plan"))).isEmpty();
                assertThat(b.driver.findElements(By.cssSelector("main b"))).isEmpty();
                assertNothingInjected(b);
                signOut(b);

                // ---- an admin, keyboard only: sign in, tab to the drifted member, open it
                signIn(b, ALICE, "admin");
                b.awaitVisible("the sweep button", By.cssSelector("[data-fleet='pg'] button.sweep"));
                b.screenshot("fleets-overview");
                WebElement focused = b.driver.switchTo().activeElement();
                for (int i = 0; i < 80 && !focused.getText().equals(drifted); i++) {
                    focused.sendKeys(Keys.TAB);
                    focused = b.driver.switchTo().activeElement();
                }
                assertThat(focused.getText()).as("Tab reaches the member's link").isEqualTo(drifted);
                focused.sendKeys(Keys.ENTER);
                assertThat(b.awaitVisible("the drifted member's page", By.id("member-name")).getText()).isEqualTo(drifted);

                WebElement orders = b.awaitVisible("the orders table's side-by-side view",
                        By.cssSelector("article.object[data-object$='orders']"));
                assertThat(orders.findElement(By.cssSelector("pre.golden")).getText()).contains("orders_customer_idx");
                assertThat(orders.findElement(By.cssSelector("pre.member")).getText()).contains("note").doesNotContain("orders_customer_idx");
                assertThat(orders.findElements(By.cssSelector("pre.golden .removed")).stream().map(WebElement::getText))
                        .anySatisfy(t -> assertThat(t).contains("orders_customer_idx"));
                assertThat(orders.findElements(By.cssSelector("pre.member .added")).stream().map(WebElement::getText))
                        .anySatisfy(t -> assertThat(t).contains("note"));
                assertThat(orders.findElements(By.cssSelector(".badge")).stream().map(WebElement::getText))
                        .contains("breaking").anySatisfy(t -> assertThat(t).contains("deletes data"));
                b.awaitText("who changed it, as the proxy reported", By.id("attribution"), "migrator");
                assertThat(b.driver.findElement(By.id("attribution")).getText())
                        .contains(APP, "web-3", "ALTER TABLE orders ADD COLUMN note text");
                assertNothingInjected(b);
                assertThat(b.driver.findElements(By.cssSelector("#reconcile-sql .destructive")).stream().map(WebElement::getText))
                        .anySatisfy(t -> assertThat(t).contains("DROP COLUMN"));
                b.js("arguments[0].scrollIntoView()", orders);
                b.screenshot("member-diff");
                b.js("document.getElementById('copy-sql').scrollIntoView()");
                b.driver.findElement(By.id("copy-sql")).click();
                b.awaitText("the copy button's answer", By.cssSelector("#copy-sql + [role='status']"), "Copied.");
                b.screenshot("member-sql");
                b.js("window.scrollTo(0, 0)");

                b.driver.findElement(By.id("create-plan")).click();
                b.awaitText("the new plan", By.id("plan-state"), "planned");
                assertThat(b.driver.findElement(By.id("approve-plan")).isEnabled()).as("the maker cannot approve").isFalse();
                String planUrl = b.driver.getCurrentUrl();
                signOut(b);

                // ---- a second admin approves (destructive: the dialog names the member) and applies
                signIn(b, BOB, "admin");
                b.open(planUrl);
                b.awaitVisible("the approve button", By.id("approve-plan")).click();
                confirm(b, drifted, true);
                b.awaitText("bob's approval", By.id("plan-approvals"), "bob");
                b.awaitVisible("the apply button", By.id("apply-plan")).click();
                confirm(b, drifted, true);
                b.awaitText("the applied plan", By.id("plan-state"), "applied");
                b.awaitText("the audit trail", By.cssSelector(".audit"), "apply");
                b.screenshot("plan-applied");

                // the next sweep finds the member in sync
                b.open(d.base + "/ui/#/");
                b.awaitVisible("the sweep button", By.cssSelector("[data-fleet='pg'] button.sweep")).click();
                b.awaitText("the member in sync after the sweep",
                        By.cssSelector("[data-fleet='pg'] tr[data-member='" + drifted + "'] .badge"), "in sync");

                // its history: the period of drift closed, the schemas it had (golden's now, marked)
                b.open(d.base + "/ui/#/f/pg/m/" + drifted);
                WebElement periods = b.awaitVisible("the member's drift periods", By.id("drift-periods"));
                assertThat(periods.findElements(By.cssSelector("tbody tr"))).hasSize(1);
                assertThat(periods.getText()).doesNotContain("still drifting");
                WebElement schemas = b.driver.findElement(By.id("schema-history"));
                assertThat(schemas.findElements(By.cssSelector("tbody tr"))).hasSize(2);
                assertThat(schemas.findElement(By.cssSelector("tbody tr")).getText()).contains("golden");
                b.js("arguments[0].scrollIntoView()", periods);
                b.screenshot("member-history");

                // ---- MariaDB: the member's side-by-side, then a rollout of its variant
                b.open(d.base + "/ui/#/f/my/m/m1");
                b.awaitText("MariaDB's orders table, member side", By.cssSelector("article.object pre.member"), "orders_total");
                b.open(d.base + "/ui/#/");
                b.awaitVisible("the rollout button", By.cssSelector("[data-fleet='my'] .variant:not(.golden) button.rollout")).click();
                b.awaitText("the new rollout", By.id("rollout-state"), "planned");
                assertThat(b.driver.findElement(By.id("approve-rollout")).isEnabled()).as("bob made it").isFalse();
                String rolloutUrl = b.driver.getCurrentUrl();
                signOut(b);
                signIn(b, ALICE, "admin");
                b.open(rolloutUrl);
                b.awaitVisible("the approve button", By.id("approve-rollout")).click();
                b.awaitText("alice's approval", By.cssSelector(".facts"), "alice");
                b.awaitVisible("the start button", By.id("start-rollout")).click();
                confirm(b, null, false);
                b.awaitText("the completed rollout", By.id("rollout-state"), "completed");
                assertThat(b.driver.findElements(By.cssSelector(".wave li[data-state='applied']"))).hasSize(2);
                b.awaitText("the rollout's audit trail", By.cssSelector(".audit"), "rollout-completed");
                b.screenshot("rollout");

                // ---- phone width, dark mode
                b.size(390, 844);
                b.open(d.base + "/ui/#/f/pg/m/" + encode(hostile));
                b.awaitVisible("the hostile member on a phone", By.cssSelector(".sbs"));
                Number overflow = (Number) b.js("return document.documentElement.scrollWidth - window.innerWidth");
                assertThat(overflow.intValue()).as("no sideways scrolling of the page on a phone; too wide: %s", b.js(
                        "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                                + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(-8).join('; ')"))
                        .isLessThanOrEqualTo(0);
                b.screenshot("member-phone");
                b.size(1280, 800);
                b.colorScheme("dark");
                b.open(d.base + "/ui/#/");
                b.awaitVisible("the fleets in dark mode", By.cssSelector("[data-fleet='pg']"));
                String bg = (String) b.js("return getComputedStyle(document.body).backgroundColor");
                assertThat(brightness(bg)).as("dark background, was " + bg).isLessThan(60);
                b.screenshot("fleets-dark");

                List<String> console = b.consoleLines();
                assertThat(console).as("browser console").noneMatch(l -> l.contains("Content Security Policy")
                        || l.contains("Uncaught") || l.contains("TypeError") || l.contains("ReferenceError"));
            }
        }
    }

    /** The console's answers carry the strict policy; anything outside its one folder is a 404. */
    private static void headers(PlansHarness d) throws Exception {
        HttpResponse<String> index = d.send("GET", "/ui/", null);
        assertThat(index.statusCode()).isEqualTo(200);
        String csp = index.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'").doesNotContain("unsafe");
        assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(d.send("GET", "/ui/app.js", null).headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/javascript");
        assertThat(d.send("GET", "/ui/..%2Fdriftd.yaml", null).statusCode()).isEqualTo(404);
        assertThat(d.send("GET", "/ui/nothing.js", null).statusCode()).isEqualTo(404);
        assertThat(d.send("GET", "/api/v1/whoami", READER).body()).contains("\"role\" : \"read\"");
    }

    private static void signIn(ConsoleBrowser b, String token, String role) {
        WebElement input = b.awaitVisible("the sign-in form", By.id("token"));
        assertThat(b.driver.switchTo().activeElement()).as("the token field has the focus").isEqualTo(input);
        input.sendKeys(token + Keys.ENTER);
        b.awaitText("signed in as " + role, By.id("who-role"), role);
        assertThat((String) b.js("return document.cookie")).isEmpty();
        assertThat(b.driver.getCurrentUrl()).doesNotContain(token);
    }

    private static void signOut(ConsoleBrowser b) {
        b.awaitVisible("the sign-out button", By.id("sign-out")).click();
        b.awaitVisible("the sign-in form", By.id("token"));
        assertThat(b.js("return sessionStorage.getItem('driftd.token')")).isNull();
    }

    /** The confirmation dialog: names the member; a destructive action needs the name typed in. */
    private static void confirm(ConsoleBrowser b, String member, boolean destructive) {
        WebElement ok = b.awaitVisible("the confirmation dialog", By.id("confirm-ok"));
        if (member != null) {
            assertThat(b.driver.findElement(By.id("confirm-target")).getText()).isEqualTo(member);
        }
        assertThat(b.driver.findElements(By.cssSelector("#confirm .statements li"))).isNotEmpty();
        if (destructive) {
            assertThat(ok.isEnabled()).as("not before the name is typed").isFalse();
            assertThat(b.driver.findElements(By.cssSelector("#confirm .statements li.destructive"))).isNotEmpty();
            b.driver.findElement(By.id("confirm-name")).sendKeys(member);
        }
        ok.click();
        b.await("the dialog closed", dr -> dr.findElements(By.id("confirm")).isEmpty());
    }

    private static void assertNothingInjected(ConsoleBrowser b) {
        assertThat(b.js("return document.querySelectorAll('img').length")).isEqualTo(0L);
        assertThat(b.js("return window.u19pwned === undefined")).isEqualTo(true);
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** 0..255 mean of an rgb(...) colour. */
    private static int brightness(String rgb) {
        String[] p = rgb.replaceAll("[^0-9,]", "").split(",");
        return (Integer.parseInt(p[0]) + Integer.parseInt(p[1]) + Integer.parseInt(p[2])) / 3;
    }
}
