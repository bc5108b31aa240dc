/**
 * One normalisation of what a citizen wrote, shared by every detector (personal data included), the
 * learned model and the lexicons: Unicode compatibility forms, invisible characters, look-alike letters
 * of other scripts, digits of other scripts, spaced or dotted letters and stretched letters. The
 * normalised text is never stored: stores keep the original, redacted.
 */
package it.sportello.text;
