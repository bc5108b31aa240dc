package it.sportello.guard;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import it.sportello.text.NormalizedText;
import it.sportello.text.TextNormalizer;

/**
 * Finds personal data in a text and masks it: phone numbers (libphonenumber, Italian numbering plan),
 * e-mail addresses, codici fiscali (check character validated, omocodia included), health-card numbers,
 * IBANs (mod-97 validated) and home addresses (a street type, a name and a house number). The agency's
 * own public contacts (toll-free numbers, addresses on its domain) are not personal data.
 * It reads the normalised text ({@link TextNormalizer}: full-width or spaced-out digits, invisible
 * characters and look-alike letters do not hide anything) and masks the matching stretch of the original.
 */
public final class PersonalDataDetector {

    /** What replaces each piece of personal data: punctuation only, so it adds no word to a search. */
    public static final String MASK = "[***]";
    /** What the detectors and the model read where personal data was: one word of its own. */
    public static final String DETECTION_WORD = "datopersonale";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<PhoneNumberType> PUBLIC_LINES = EnumSet.of(PhoneNumberType.TOLL_FREE,
            PhoneNumberType.SHARED_COST, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.UAN);
    /** A stretch of at least six digits with the separators numbers are written with, and a '+' before. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\(?\\d(?:[\\d \\t.()/-]*\\d){5,}");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@([\\p{L}0-9-]+\\.)+\\p{L}{2,}");
    /** An address spelled out to dodge filters: mario.rossi [at] gmail [punto] com, mario chiocciola libero dot it. */
    private static final Pattern SPELLED_EMAIL = Pattern.compile("(?i)(?<![\\p{L}0-9._%+-])[\\p{L}0-9._%+-]{2,}\\s*"
            + "(?:[\\[(]\\s*(?:at|chiocciola|@)\\s*[\\])]|\\s(?:at|chiocciola)\\s)\\s*[\\p{L}0-9-]+"
            + "(?:\\s*(?:[\\[(]\\s*(?:dot|punto|\\.)\\s*[\\])]|\\s(?:dot|punto)\\s|\\.)\\s*[\\p{L}0-9-]+)*"
            + "\\s*(?:[\\[(]\\s*(?:dot|punto|\\.)\\s*[\\])]|\\s(?:dot|punto)\\s|\\.)\\s*"
            + "(?:com|it|net|org|eu|info|biz|me|co|uk|fr|ro|es|de|al|ua|cn)(?![\\p{L}0-9])");
    /** Written whole or in its groups (RSSMRA 80A01 F205X, RSS MRA 80A01 F205 X). */
    private static final Pattern TAX_CODE = Pattern.compile(
            "(?i)(?<![\\p{L}0-9])[A-Z]{3} ?[A-Z]{3} ?[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2} ?[A-Z][0-9LMNPQRSTUV]{3} ?[A-Z](?![\\p{L}0-9])");
    /** Tessera sanitaria / TEAM card: 20 digits, 80 (health) and 380 (Italy) first. */
    private static final Pattern HEALTH_CARD = Pattern.compile("(?<!\\d)8(?:[ .-]?\\d){19}(?!\\d)");
    /** Written whole or in groups of four: IT60X0542811101000000123456, IT60 X054 2811 1010 0000 0123 456. */
    private static final Pattern IBAN = Pattern.compile(
            "(?i)(?<![\\p{L}0-9])[A-Z]{2}\\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)(?![\\p{L}0-9])");
    private static final Pattern ADDRESS = Pattern.compile("(?iu)(?<!\\p{L})(?:via|viale|v\\.le|piazza|p\\.za|p\\.zza|piazzale|corso|c\\.so"
            + "|largo|vicolo|strada|contrada|localit[aà]|frazione|borgo|galleria|lungo\\p{L}+)\\.?\\s+"
            + "(?!(?:e-?mail|mail|pec|posta|telefono|sms|whatsapp|internet|web|fax|app|chat)\\b)"
            + "(?:\\p{L}[\\p{L}'’.]*\\s+){0,4}?\\p{L}[\\p{L}'’.]*,?\\s*(?:n\\.?\\s*|nr\\.?\\s*|numero\\s+)?\\d{1,3}(?:\\s?/?\\s?[a-zA-Z])?(?![\\d\\p{L}])");

    private final Set<String> publicEmailDomains;
    private final TextNormalizer normalizer;

    /** {@code publicEmailDomains}: the agency's own domains (asst-crema.it), whose addresses are public. */
    public PersonalDataDetector(Set<String> publicEmailDomains, TextNormalizer normalizer) {
        this.publicEmailDomains = Set.copyOf(publicEmailDomains);
        this.normalizer = normalizer;
    }

    public Redaction redact(String text) {
        return redact(normalizer.normalize(text));
    }

    /** The original text of {@code normalized} with every piece of personal data in it masked. */
    public Redaction redact(NormalizedText normalized) {
        List<int[]> spans = new ArrayList<>();
        Set<PersonalData> found = EnumSet.noneOf(PersonalData.class);
        scan(normalized.clean(), spans, found);
        List<int[]> original = new ArrayList<>(spans.size());
        for (int[] s : spans) {
            original.add(new int[] {normalized.originalStart(s[0]), normalized.originalEnd(s[1])});
        }
        return new Redaction(normalized.original(), found).withMasks(original);
    }

    private void scan(String text, List<int[]> spans, Set<PersonalData> found) {
        if (text.indexOf('@') >= 0) {
            find(EMAIL, text, PersonalData.EMAIL, spans, found, this::isPrivateEmail);
        }
        find(SPELLED_EMAIL, text, PersonalData.EMAIL, spans, found, s -> isPrivateEmail(spelledOut(s)));
        long digits = text.chars().filter(Character::isDigit).count();
        if (digits == 0) {
            // every other kind carries digits: most questions stop here
            return;
        }
        find(TAX_CODE, text, PersonalData.TAX_CODE, spans, found, PersonalDataDetector::looksLikeTaxCode);
        find(HEALTH_CARD, text, PersonalData.HEALTH_CARD, spans, found, s -> s.replaceAll("\\D", "").startsWith("80380"));
        find(IBAN, text, PersonalData.IBAN, spans, found, PersonalDataDetector::validIban);
        find(ADDRESS, text, PersonalData.ADDRESS, spans, found, PersonalDataDetector::looksLikeStreet);
        if (digits < 6) {
            return;
        }
        // libphonenumber reads only the stretches that can hold a number: it costs by the length it reads
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            for (PhoneNumberMatch m : PHONES.findNumbers(run.group(), "IT")) {
                int start = run.start() + m.start();
                int end = run.start() + m.end();
                if (!PUBLIC_LINES.contains(PHONES.getNumberType(m.number())) && free(spans, start, end)) {
                    spans.add(new int[] {start, end});
                    found.add(PersonalData.PHONE);
                }
            }
        }
    }

    private static void find(Pattern p, String text, PersonalData kind, List<int[]> spans, Set<PersonalData> found,
                             java.util.function.Predicate<String> valid) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (valid.test(m.group()) && free(spans, m.start(), m.end())) {
                spans.add(new int[] {m.start(), m.end()});
                found.add(kind);
            }
        }
    }

    /** Words that never stand in a street name but do in sentences ("strada facendo ho capito 2 cose"). */
    private static final Set<String> NOT_IN_STREET_NAMES = Set.of("ho", "ha", "hai", "hanno", "abbiamo", "e", "è", "sono",
            "che", "per", "non", "mi", "ti", "si", "ci", "vi", "ne", "lo", "gli", "le", "il", "un", "una", "da", "fa", "era");

    /** Street types that are also common words (un corso di formazione): their name must be capitalised. */
    private static final Set<String> AMBIGUOUS_TYPES = Set.of("corso", "strada", "largo", "borgo", "galleria", "frazione",
            "localita", "località", "contrada");

    private static boolean looksLikeStreet(String match) {
        String[] words = match.split("[\\s,]+");
        boolean capitalised = false;
        for (int i = 1; i < words.length - 1; i++) {
            if (NOT_IN_STREET_NAMES.contains(words[i].toLowerCase(Locale.ROOT))) {
                return false;
            }
            capitalised |= Character.isUpperCase(words[i].charAt(0));
        }
        return capitalised || !AMBIGUOUS_TYPES.contains(words[0].toLowerCase(Locale.ROOT));
    }

    private static boolean free(List<int[]> spans, int start, int end) {
        return spans.stream().noneMatch(s -> start < s[1] && s[0] < end);
    }

    private boolean isPrivateEmail(String email) {
        String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return publicEmailDomains.stream().noneMatch(d -> domain.equals(d) || domain.endsWith("." + d));
    }

    /**
     * A codice fiscale: its check character right, or its shape alone with a plausible day of birth (1-31, or
     * 41-71 for women): a citizen who mistypes one character of their own code has still posted it.
     */
    static boolean looksLikeTaxCode(String code) {
        String cf = code.replace(" ", "");
        if (cf.length() != 16) {
            return false;
        }
        if (validTaxCode(cf)) {
            return true;
        }
        String day = cf.substring(9, 11);
        if (!day.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int d = Integer.parseInt(day);
        return d >= 1 && d <= 31 || d >= 41 && d <= 71;
    }

    /** An address spelled out, written back with '@' and dots. */
    static String spelledOut(String s) {
        return s.replaceAll("(?i)\\s*(?:[\\[(]\\s*(?:at|chiocciola|@)\\s*[\\])]|\\s(?:at|chiocciola)\\s)\\s*", "@")
                .replaceAll("(?i)\\s*(?:[\\[(]\\s*(?:dot|punto|\\.)\\s*[\\])]|\\s(?:dot|punto)\\s)\\s*", ".");
    }

    /** The check character of a codice fiscale (D.M. 23/12/1976), omocodia letters included. */
    static boolean validTaxCode(String code) {
        String cf = code.toUpperCase(Locale.ROOT);
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = cf.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? ODD[v] : v;
        }
        return cf.charAt(15) == (char) ('A' + sum % 26);
    }

    /** Values of characters in odd positions (1st, 3rd, ...), digits and letters alike by index 0..25. */
    private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

    /** ISO 13616: move the first four characters to the end, letters to numbers, remainder 1 modulo 97. */
    static boolean validIban(String iban) {
        String s = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (s.length() < 15 || s.length() > 34) {
            return false;
        }
        String rearranged = s.substring(4) + s.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
