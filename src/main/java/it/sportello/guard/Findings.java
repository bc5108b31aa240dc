package it.sportello.guard;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every detector's finding on one text, and the language the model reads it in. */
public record Findings(Map<GuardClass, Finding> byClass, String language, double languageScore) {

    public Findings {
        byClass = new EnumMap<>(byClass);
    }

    public boolean fired(GuardClass c) {
        Finding f = byClass.get(c);
        return f != null && f.fired();
    }

    public Finding of(GuardClass c) {
        return byClass.get(c);
    }

    /** The classes that fired, in the enum's order. */
    public List<Finding> firedFindings() {
        return byClass.values().stream().filter(Finding::fired).toList();
    }
}
