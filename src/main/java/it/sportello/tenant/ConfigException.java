package it.sportello.tenant;

/** Configuration that cannot be read or is not valid; the message names the file and what is wrong. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
