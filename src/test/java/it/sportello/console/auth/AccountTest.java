package it.sportello.console.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {

    static final String HASH = new PasswordHasher(1000).hash("a long enough password".toCharArray());
    private static final Set<String> KNOWN = Set.of("ats-milano", "asst-crema", "ats-bergamo");

    private final Account anna = new Account("anna", HASH, Set.of(Role.MODERATOR), Set.of("ats-milano"));
    private final Account marco = new Account("marco.rossi", HASH, Set.of(Role.MODERATOR, Role.CURATOR),
            Set.of("ats-milano", "asst-crema"));
    private final Account admin = new Account("admin", HASH, Set.of(Role.ADMIN), Set.of());

    @Test
    void aRoleCountsOnlyOnTheAccountsTenants() {
        assertThat(anna.can(Role.MODERATOR, "ats-milano")).isTrue();
        assertThat(anna.can(Role.MODERATOR, "asst-crema")).isFalse();
        assertThat(anna.can(Role.CURATOR, "ats-milano")).isFalse();
        assertThat(anna.can(Role.ADMIN, "ats-milano")).isFalse();
        assertThat(marco.can(Role.CURATOR, "asst-crema")).isTrue();
        assertThat(marco.can(Role.MODERATOR, "ats-bergamo")).isFalse();
    }

    @Test
    void anAdminCanEverythingEverywhere() {
        for (Role role : Role.values()) {
            assertThat(admin.can(role, "ats-bergamo")).as(role.wire()).isTrue();
        }
        assertThat(admin.tenantsFor(Role.CURATOR, KNOWN)).containsExactly("asst-crema", "ats-bergamo", "ats-milano");
    }

    @Test
    void tenantsForARoleAmongTheKnownOnes() {
        assertThat(marco.tenantsFor(Role.CURATOR, KNOWN)).containsExactly("asst-crema", "ats-milano");
        assertThat(anna.tenantsFor(Role.CURATOR, KNOWN)).isEmpty();
        assertThat(anna.tenantsFor(Role.MODERATOR, Set.of("asst-crema"))).as("ats-milano no longer configured").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Anna", "anna rossi", "anna@ats", "ànna", "x12345678901234567890123456789012345678901"})
    void usernamesAreShortLowerCaseAscii(String username) {
        assertThatThrownBy(() -> new Account(username, HASH, Set.of(Role.ADMIN), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("username");
    }

    @Test
    void rejectsWhatWouldLockSomeoneOutOrGrantNothing() {
        assertThatThrownBy(() -> new Account("anna", "secret", Set.of(Role.MODERATOR), Set.of("ats-milano")))
                .hasMessageContaining("not a pbkdf2-sha256 hash");
        assertThatThrownBy(() -> new Account("anna", HASH, Set.of(), Set.of("ats-milano"))).hasMessageContaining("no role");
        assertThatThrownBy(() -> new Account("anna", HASH, Set.of(Role.CURATOR), Set.of()))
                .hasMessageContaining("needs at least one tenant");
        assertThatThrownBy(() -> new Account("anna", HASH, Set.of(Role.CURATOR), Set.of("ATS Milano")))
                .hasMessageContaining("not a tenant id");
    }

    @Test
    void neverPrintsTheHash() {
        assertThat(anna.toString()).contains("anna").doesNotContain(HASH).doesNotContain("pbkdf2");
    }

    @Test
    void rolesTravelLowerCase() {
        assertThat(Role.fromWire("curator")).isEqualTo(Role.CURATOR);
        assertThatThrownBy(() -> Role.fromWire("root")).hasMessageContaining("unknown role 'root'");
    }
}
