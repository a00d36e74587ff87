package io.todoapi.todo.local;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What counts as "this machine" for local-api, decided without DNS (a name that resolves to 127.0.0.1 today may
 * not tomorrow; that is what DNS rebinding exploits): the name {@code localhost} and loopback IP literals.
 */
final class Loopback {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** The Host header values a browser sends for this machine: a loopback name, with or without a port. */
    private static final Pattern LOOPBACK_HOST_HEADER =
            Pattern.compile("(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d{1,5})?", Pattern.CASE_INSENSITIVE);

    private Loopback() {}

    /** Whether {@code host} (a name or an IP literal, IPv6 with or without brackets) is this machine's loopback. */
    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.equals("localhost")) {
            return true;
        }
        if (!IPV4.matcher(name).matches() && !name.contains(":")) {
            return false; // a name other than localhost: only DNS could say, and DNS is not trusted here
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress(); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether {@code endpoint} is on this machine (its host is a loopback name or address). */
    static boolean isLocal(URI endpoint) {
        return isLoopback(endpoint.getHost());
    }

    /** Whether a request's {@code Host} header names this machine; a missing header does not. */
    static boolean isLoopbackHostHeader(String host) {
        return host != null && LOOPBACK_HOST_HEADER.matcher(host.trim()).matches();
    }
}
