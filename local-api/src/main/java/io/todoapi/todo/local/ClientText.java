package io.todoapi.todo.local;

/**
 * What a response may repeat of what a client sent: an excerpt of at most {@value #MAX_ECHO} characters, so that
 * no request (a 1 MiB path, header or value) comes back whole, as DESIGN section 3 requires of the deployed API.
 */
final class ClientText {

    /** The most characters of client input that any local-api response repeats. */
    static final int MAX_ECHO = 64;

    private static final String CUT = "...";

    private ClientText() {}

    /** {@code text}, or its first characters and "..." so that the whole is {@value #MAX_ECHO} characters. */
    static String excerpt(String text) {
        if (text == null || text.length() <= MAX_ECHO) {
            return text;
        }
        int end = MAX_ECHO - CUT.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return text.substring(0, end) + CUT;
    }
}
