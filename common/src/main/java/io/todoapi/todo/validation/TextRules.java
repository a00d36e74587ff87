package io.todoapi.todo.validation;

/**
 * What text a todo may hold. Lengths count Unicode code points, as JSON Schema's {@code maxLength} does, so an
 * emoji counts as one (a multi-code-point sequence such as a flag or a family emoji counts as several). Any
 * Unicode text is accepted (scripts, right-to-left text, combining marks, emoji) except: unpaired surrogates (not
 * text), C0/C1 control characters (U+0000-U+001F, U+007F-U+009F), and in titles also line breaks and tabs. A
 * description may contain tab, line feed and carriage return, and the Unicode line and paragraph separators
 * (U+2028, U+2029); a title, being one line, may contain none of them. Text is stored exactly as sent: no trimming
 * or normalisation.
 */
public final class TextRules {

    private TextRules() {}

    /** Why {@code text} is not acceptable, or {@code null} when it is. */
    static String problem(String text, int minLength, int maxLength, boolean multiline) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text (it has an unpaired surrogate)";
            } else if ((isControl(c) || isUnicodeLineBreak(c))
                    && !(multiline && (c == '\t' || c == '\n' || c == '\r' || isUnicodeLineBreak(c)))) {
                return multiline
                        ? "must not contain control characters other than tab and line breaks"
                        : "must not contain control characters, tabs or line breaks";
            }
            length++;
        }
        if (length < minLength || length > maxLength) {
            return minLength > 0
                    ? "must be " + minLength + " to " + maxLength + " characters long"
                    : "must be at most " + maxLength + " characters long";
        }
        return null;
    }

    /**
     * Whether {@code text} has only whitespace as ECMAScript's {@code \\s} defines it, the class the OpenAPI pattern
     * {@code \\S} (and so API Gateway's validator) uses: Unicode space separators, line terminators, tab, vertical
     * tab, form feed and the byte order mark.
     */
    static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == '\t'
                    || c == '\n'
                    || c == 0x0B
                    || c == '\f'
                    || c == '\r'
                    || c == 0xFEFF
                    || c == 0x2028
                    || c == 0x2029
                    || Character.getType(c) == Character.SPACE_SEPARATOR;
            if (!space) {
                return false;
            }
        }
        return true;
    }

    static boolean isControl(char c) {
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
    }

    /** U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: line breaks that are not control characters. */
    static boolean isUnicodeLineBreak(char c) {
        return c == 0x2028 || c == 0x2029;
    }
}
