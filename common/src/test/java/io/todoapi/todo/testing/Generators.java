package io.todoapi.todo.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Random inputs for the property tests: Unicode text by kind of character (so that a test can aim at every rule of
 * TextRules), JSON string literals, dates. Every generator takes the trial's {@link Random}: same seed, same input.
 */
public final class Generators {

    /** Kinds of Unicode code points, each a rule of TextRules (or the absence of one). */
    public enum Kind {
        ASCII(0x21, 0x7E),
        /** Latin letters with diacritics, precomposed. */
        LATIN(0xC0, 0x17F),
        /** Combining diacritical marks (a title may start with one: it is still text). */
        COMBINING(0x300, 0x36F),
        CJK(0x4E00, 0x9FFF),
        HEBREW(0x5D0, 0x5EA),
        ARABIC(0x627, 0x64A),
        /** Supplementary plane: two UTF-16 units, one code point. */
        EMOJI(0x1F600, 0x1F64F),
        /** Regional indicators (flags are pairs of them). */
        REGIONAL_INDICATOR(0x1F1E6, 0x1F1FF),
        /** Zero-width joiner, bidi marks, embeddings and isolates: format characters, allowed. */
        FORMAT(0x200B, 0x200F),
        BIDI_ISOLATE(0x2066, 0x2069),
        /** Space separators: allowed, but a title of only these is blank. */
        SPACE(0x2000, 0x200A),
        /** Tab, line feed, carriage return: allowed in a description only. */
        TAB_OR_LINE_BREAK(0x9, 0xA),
        /** U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: line breaks, allowed in a description only. */
        UNICODE_LINE_BREAK(0x2028, 0x2029),
        /** C0 controls other than tab, LF and CR (NUL included): never allowed. */
        C0(0x0, 0x8),
        DEL_AND_C1(0x7F, 0x9F),
        /** A surrogate code unit on its own: not text. */
        LONE_SURROGATE(0xD800, 0xDFFF),
        /** Private use: allowed (code points like any other, not controls). */
        PRIVATE_USE(0xE000, 0xE0FF);

        private final int first;
        private final int last;

        Kind(int first, int last) {
            this.first = first;
            this.last = last;
        }

        public int codePoint(Random random) {
            if (this == TAB_OR_LINE_BREAK) {
                return new int[] {'\t', '\n', '\r'}[random.nextInt(3)];
            }
            return first + random.nextInt(last - first + 1);
        }
    }

    /** The kinds that any title may contain. */
    public static final List<Kind> TITLE_SAFE = List.of(
            Kind.ASCII,
            Kind.LATIN,
            Kind.COMBINING,
            Kind.CJK,
            Kind.HEBREW,
            Kind.ARABIC,
            Kind.EMOJI,
            Kind.REGIONAL_INDICATOR,
            Kind.FORMAT,
            Kind.BIDI_ISOLATE,
            Kind.SPACE,
            Kind.PRIVATE_USE);

    private Generators() {}

    public static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    public static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** {@code codePoints} code points, each of a kind picked from {@code kinds}. */
    public static String text(Random random, int codePoints, List<Kind> kinds) {
        StringBuilder out = new StringBuilder(codePoints * 2);
        for (int i = 0; i < codePoints; i++) {
            int codePoint = pick(random, kinds).codePoint(random);
            if (Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
                out.append((char) codePoint);
            } else {
                out.appendCodePoint(codePoint);
            }
        }
        return out.toString();
    }

    /** Text of {@code codePoints} code points that is valid in a title (not blank: it starts with a letter). */
    public static String title(Random random, int codePoints) {
        if (codePoints == 0) {
            return "";
        }
        return text(random, 1, List.of(Kind.ASCII, Kind.CJK, Kind.EMOJI, Kind.HEBREW))
                + text(random, codePoints - 1, TITLE_SAFE);
    }

    /**
     * A JSON string literal (with quotes) for {@code text}, escaping what JSON requires, unpaired surrogates (which
     * have no UTF-8 form: only an escape can carry them) and, at random, other characters too.
     */
    public static String jsonString(Random random, String text) {
        StringBuilder out = new StringBuilder(text.length() + 8).append('"');
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int units = Character.charCount(codePoint);
            if (codePoint == '"' || codePoint == '\\') {
                out.append('\\').appendCodePoint(codePoint);
            } else if (codePoint < 0x20
                    || Character.isSurrogate(text.charAt(i)) && units == 1
                    || random.nextInt(20) == 0) {
                for (int j = i; j < i + units; j++) {
                    out.append(String.format("\\u%04x", (int) text.charAt(j)));
                }
            } else {
                out.appendCodePoint(codePoint);
            }
            i += units;
        }
        return out.append('"').toString();
    }

    /** A valid calendar date between 1970 and 2099. */
    public static LocalDate date(Random random) {
        return LocalDate.ofEpochDay(
                random.nextInt((int) LocalDate.of(2099, 12, 31).toEpochDay()));
    }
}
