package it.sportello.console.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import it.sportello.tenant.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <data>/accounts.yaml}. Written whole to a temporary file beside it and renamed over it, so a
 * crash mid-write leaves the old accounts rather than none; readable by its owner only, since even
 * hashes help an offline guesser.
 */
public final class AccountsFile {

    public static final String FILE_NAME = "accounts.yaml";

    private static final String HEADER = "# Sportello console accounts. Passwords are stored as PBKDF2 hashes only.\n"
            + "# Manage them with: java -jar target/sportello.jar account add|list|passwd\n";
    private static final Pattern SNAKE_LINE = Pattern.compile("line (\\d+), column \\d+");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // "roles: moderator" for a single role reads as the one-element list a person meant.
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    static {
        // "accounts:" with every entry deleted reads as an empty string: no accounts, not an error.
        YAML.coercionConfigFor(LogicalType.Collection).setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
    }

    private AccountsFile() {
    }

    /** {@code <dataDir>/accounts.yaml}. */
    public static Path in(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** The accounts in {@code file}; none when it does not exist yet, so a fresh install needs no file. */
    public static Accounts load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Accounts.none();
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try (JsonParser parser = YAML.createParser(bytes)) {
            if (parser.nextToken() == null) {
                return Accounts.none();
            }
            Content content = YAML.readValue(parser, Content.class);
            return content == null ? Accounts.none() : new Accounts(content.accounts());
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(file, e), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code file} with {@code accounts} in one rename; creates its folder if needed. */
    public static void save(Path file, Accounts accounts) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            byte[] bytes = (HEADER + YAML.writeValueAsString(new Content(accounts.all()))).getBytes(StandardCharsets.UTF_8);
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            // Created owner-only rather than restricted afterwards: no moment when others could read it.
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
            tmp = Files.createTempFile(dir, "." + FILE_NAME + ".", ".tmp", attributes);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new ConfigException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error is the one worth reporting
                }
            }
        }
    }

    /**
     * One line saying where and what. A syntax error has a line; a bad account is named by its place in
     * the list, since Jackson checks an account once read whole, when it is already on the next line.
     */
    private static String describe(Path file, JsonProcessingException e) {
        Optional<JsonProcessingException> syntax = e instanceof JsonMappingException
                ? Optional.ofNullable(e.getCause()).filter(c -> c instanceof JsonProcessingException
                        && !(c instanceof JsonMappingException)).map(JsonProcessingException.class::cast)
                : Optional.of(e);
        if (syntax.isPresent()) {
            return file + syntaxError(syntax.get());
        }
        JsonMappingException m = (JsonMappingException) e;
        String where = m.getPath().stream().filter(r -> r.getIndex() >= 0).findFirst()
                .map(r -> ": account #" + (r.getIndex() + 1)).orElse("");
        return file + where + ": " + problem(m);
    }

    /** SnakeYAML's message spans lines (context, excerpt, caret): keep its last line number and problem. */
    private static String syntaxError(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        Matcher line = SNAKE_LINE.matcher(message);
        String number = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
        while (line.find()) {
            number = ":" + line.group(1);
        }
        String problem = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .reduce((first, second) -> second).orElse(message);
        return number + ": not valid YAML: " + problem;
    }

    private static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'; known: "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            return cause.getMessage();
        }
        if (e instanceof MismatchedInputException && !e.getPath().isEmpty()) {
            String field = e.getPath().get(e.getPath().size() - 1).getFieldName();
            if (field != null) {
                return "'" + field + "' has a value of the wrong kind (a list where a word was expected, or the reverse)";
            }
        }
        return e.getOriginalMessage();
    }

    /** The file's shape: one top-level list, so that more settings can join it later. */
    record Content(List<Account> accounts) {
    }
}
