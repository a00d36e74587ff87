package io.todoapi.todo.local;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Content types of the static files local-api serves (Swagger UI, the web app), by file name extension. */
final class StaticFiles {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"));

    /** A relative file path without traversal, empty or odd segments: {@code assets/app-1a2b3c4d.js}. */
    private static final Pattern SAFE_PATH =
            Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9_.-]*/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*");

    private StaticFiles() {}

    /** The content type of {@code file}, by its extension; octet-stream for any other. */
    static String contentType(String file) {
        int dot = file.lastIndexOf('.');
        String extension = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /** Whether {@code file} may be looked up as a class-path resource: a plain relative path, no "..". */
    static boolean isSafe(String file) {
        return SAFE_PATH.matcher(file).matches() && !file.contains("..");
    }
}
