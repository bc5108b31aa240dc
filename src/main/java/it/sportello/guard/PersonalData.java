package it.sportello.guard;

/** The kinds of personal data the guard hides. */
public enum PersonalData {
    PHONE, EMAIL, TAX_CODE, HEALTH_CARD, IBAN, ADDRESS
}
