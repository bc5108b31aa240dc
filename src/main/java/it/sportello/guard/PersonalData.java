package it.sportello.guard;

/**
 * The kinds of personal data the guard hides. {@code MASKED}: the store says the text was redacted before
 * (a message re-read after a restart), so what it hid was personal data; the mask string typed by a citizen is
 * not.
 */
public enum PersonalData {
    PHONE, EMAIL, TAX_CODE, HEALTH_CARD, IBAN, ADDRESS, MASKED
}
