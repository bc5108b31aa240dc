package it.sportello.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void twelveCharactersAtLeast() {
        assertThat(PasswordPolicy.problem("elevenchars".toCharArray()))
                .hasValueSatisfying(m -> assertThat(m).contains("at least 12 characters").contains("it has 11"));
        assertThat(PasswordPolicy.problem("twelve chars".toCharArray())).isEmpty();
        assertThat(PasswordPolicy.problem(new char[0])).isPresent();
        assertThat(PasswordPolicy.problem(null)).isPresent();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // Eleven emoji are 22 UTF-16 units but eleven characters a person typed.
        assertThat(PasswordPolicy.problem("😀".repeat(11).toCharArray())).isPresent();
        assertThat(PasswordPolicy.problem("àèìòùàèìòùàè".toCharArray())).isEmpty();
    }

    @Test
    void notOnlySpacesNorAnEssay() {
        assertThat(PasswordPolicy.problem(" ".repeat(20).toCharArray())).hasValue("the password cannot be only spaces");
        assertThat(PasswordPolicy.problem("x".repeat(PasswordPolicy.MAX_LENGTH + 1).toCharArray())).isPresent();
    }
}
