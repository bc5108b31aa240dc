package it.sportello.guard;

/**
 * The kinds of personal data the guard hides. {@code MASKED} is a text that was redacted before (a
 * message re-read from the store after a restart): what it hid was personal data.
 */
public enum PersonalData {
    PHONE, EMAIL, TAX_CODE, HEALTH_CARD, IBAN, ADDRESS, MASKED
}
