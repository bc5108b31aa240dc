package it.sportello.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.Fixtures;
import it.sportello.contract.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantRegistryTest {

    @TempDir
    Path dir;

    @Test
    void readsBothAgenciesWithTheirDifferences() {
        TenantRegistry tenants = Fixtures.tenants();

        assertThat(tenants.ids()).containsExactly("asst-crema", "ats-milano");
        TenantConfig milano = tenants.get("ats-milano");
        TenantConfig crema = tenants.get("asst-crema");
        assertThat(milano.domain()).isEqualTo("www.ats-milano.it");
        assertThat(crema.domain()).isEqualTo("www.asst-crema.it");
        assertThat(milano.minimumAge()).isEqualTo(16);
        assertThat(crema.minimumAge()).isEqualTo(18);
        assertThat(milano.moderationCategories()).doesNotContain(Reason.OFF_TOPIC, Reason.REPEATED);
        assertThat(crema.moderationCategories()).contains(Reason.OFF_TOPIC, Reason.REPEATED);
        assertThat(milano.strikes()).isEqualTo(new TenantConfig.Strikes(3, 30));
        assertThat(milano.urp().getHost()).isEqualTo(milano.domain());
        assertThat(crema.urp().getHost()).isEqualTo(crema.domain());
    }

    @Test
    void aThirdAgencyNeedsOnlyItsFile() throws IOException {
        String milano = Files.readString(Path.of("config/tenants/ats-milano.yaml"));
        Files.writeString(dir.resolve("ats-bergamo.yaml"), milano.replace("id: ats-milano", "id: ats-bergamo")
                .replace("https://www.ats-milano.it", "https://www.ats-bergamo.it"));

        TenantRegistry tenants = TenantRegistry.load(dir);

        assertThat(tenants.get("ats-bergamo").site()).hasToString("https://www.ats-bergamo.it");
    }

    @Test
    void anUnknownPlaceholderIsAnErrorNamingTheFileAndLine() throws IOException {
        String milano = Files.readString(Path.of("config/tenants/ats-milano.yaml"));
        Files.writeString(dir.resolve("ats-milano.yaml"), milano.replace("{summary}", "{sommario}"));

        assertThatThrownBy(() -> TenantRegistry.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ats-milano.yaml:")
                .hasMessageContaining("unknown placeholder {sommario}");
    }

    @Test
    void aMissingFieldOrAWrongIdIsAnError() throws IOException {
        String milano = Files.readString(Path.of("config/tenants/ats-milano.yaml"));
        Files.writeString(dir.resolve("ats-milano.yaml"), milano.replaceFirst("(?m)^urp: .*$", ""));
        assertThatThrownBy(() -> TenantRegistry.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing field 'urp'");

        Files.writeString(dir.resolve("ats-milano.yaml"), milano.replace("id: ats-milano", "id: ats-como"));
        assertThatThrownBy(() -> TenantRegistry.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("differs from the file name");
    }

    @Test
    void templatesFillTheirPlaceholders() {
        Template t = new Template("Orari: {hours}.\nDettagli: {url}");

        assertThat(t.render(java.util.Map.of("hours", "dal lunedì", "url", "https://x.it"))).isEqualTo("Orari: dal lunedì.\nDettagli: https://x.it");
        assertThatThrownBy(() -> new Template("{nome}")).hasMessageContaining("unknown placeholder {nome}");
    }
}
