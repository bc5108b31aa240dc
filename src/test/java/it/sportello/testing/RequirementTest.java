package it.sportello.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing service skips a test on a developer's machine and fails it in CI, which must never skip silently. */
class RequirementTest {

    @Test
    void aMissingDatabaseSkipsUnlessRequired() {
        assertThatThrownBy(() -> PostgresServer.freshDatabase(Map.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(".ci/postgres");
        assertThatThrownBy(() -> PostgresServer.freshDatabase(Map.of("SPORTELLO_REQUIRE_PG", "1")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(".ci/postgres")
                .hasMessageContaining("SPORTELLO_REQUIRE_PG=1");
    }

    @Test
    void aMissingBrowserSkipsUnlessRequired() {
        Path nowhere = Path.of("/nonexistent/chromium");
        assertThatThrownBy(() -> Browser.start(Map.of(), nowhere, Browser.CHROMEDRIVER))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("apt-get install chromium chromium-driver");
        assertThatThrownBy(() -> Browser.start(Map.of("SPORTELLO_REQUIRE_BROWSER", "1"), Browser.CHROMIUM, nowhere))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("SPORTELLO_REQUIRE_BROWSER=1");
    }

    @Test
    void aBlankUrlCountsAsMissing() {
        assertThat(PostgresServer.adminUrl(Map.of("SPORTELLO_TEST_PG_URL", " "))).isEmpty();
    }

    @Test
    void aRequiredServiceFailsTheTest() {
        assertThatThrownBy(() -> Requirement.missing(Map.of("SPORTELLO_REQUIRE_BROWSER", "1"), "SPORTELLO_REQUIRE_BROWSER",
                "No browser")).isInstanceOf(AssertionFailedError.class);
        assertThatThrownBy(() -> Requirement.missing(Map.of("SPORTELLO_REQUIRE_BROWSER", "0"), "SPORTELLO_REQUIRE_BROWSER",
                "No browser")).isInstanceOf(TestAbortedException.class).hasMessage("No browser");
    }

    @Test
    void theDatabaseUrlKeepsServerAndOptions() {
        assertThat(PostgresServer.withDatabase("jdbc:postgresql://127.0.0.1:55432/sportello_test?user=postgres", "sportello_ab12"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:55432/sportello_ab12?user=postgres");
        assertThat(PostgresServer.withDatabase("jdbc:postgresql://localhost/x", "y")).isEqualTo("jdbc:postgresql://localhost/y");
    }
}
