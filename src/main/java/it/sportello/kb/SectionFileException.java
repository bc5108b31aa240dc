package it.sportello.kb;

/** A section file that cannot be read as a section, at a 1-based line. */
final class SectionFileException extends Exception {

    private final int line;

    SectionFileException(int line, String message) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
