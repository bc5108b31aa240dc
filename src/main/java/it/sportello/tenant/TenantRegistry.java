package it.sportello.tenant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The tenants found under {@code config/tenants/}, one YAML file each, named after the tenant id. */
public final class TenantRegistry {

    private final Map<String, TenantConfig> tenants;

    private TenantRegistry(Map<String, TenantConfig> tenants) {
        this.tenants = tenants;
    }

    public static TenantRegistry of(List<TenantConfig> configs) {
        Map<String, TenantConfig> byId = new LinkedHashMap<>();
        configs.forEach(c -> byId.put(c.id(), c));
        return new TenantRegistry(byId);
    }

    /** Reads every {@code *.yaml} in {@code dir}; any invalid file stops start-up with its name and line. */
    public static TenantRegistry load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("no tenant configuration folder at " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<TenantConfig> configs = files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted().map(TenantRegistry::read).toList();
            if (configs.isEmpty()) {
                throw new ConfigException("no tenant file (*.yaml) in " + dir.toAbsolutePath());
            }
            return of(configs);
        } catch (IOException e) {
            throw new ConfigException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    public static TenantConfig read(Path file) {
        String expectedId = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        TenantConfig config;
        try {
            config = yaml().readValue(file.toFile(), TenantConfig.class);
        } catch (JsonMappingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            Throwable root = e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException
                    ? e.getCause() : e;
            String what = root == e ? e.getOriginalMessage() : root.getMessage();
            throw new ConfigException(file + where + ": " + what, e);
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
        if (!config.id().equals(expectedId)) {
            throw new ConfigException(file + ": id '" + config.id() + "' differs from the file name");
        }
        return config;
    }

    /** The YAML reader of Sportello's configuration files: snake_case, unknown fields refused. */
    public static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public Optional<TenantConfig> find(String id) {
        return Optional.ofNullable(tenants.get(id));
    }

    public TenantConfig get(String id) {
        return find(id).orElseThrow(() -> new ConfigException("unknown tenant '" + id + "'; known: " + ids()));
    }

    public boolean contains(String id) {
        return tenants.containsKey(id);
    }

    public List<String> ids() {
        return List.copyOf(tenants.keySet());
    }

    public List<TenantConfig> all() {
        return List.copyOf(tenants.values());
    }
}
