package it.sportello.kb;

import java.nio.file.Path;

/** Something wrong with a knowledge-base file, at a line (1-based; 0 when it concerns the whole folder). */
public record Problem(Path file, int line, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(Path file, int line, String message) {
        return new Problem(file, line, Severity.ERROR, message);
    }

    public static Problem warning(Path file, int line, String message) {
        return new Problem(file, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
