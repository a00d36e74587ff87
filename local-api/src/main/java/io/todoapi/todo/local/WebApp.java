package io.todoapi.todo.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web app (the {@code web} module's build, under the class-path folder {@value #ROOT}/) served at / when it is
 * on the class path: its files with their content types; {@code index.html} revalidated on every load and hashed
 * assets cached for a year; {@code /config.json} generated here ({@code auth: local}: the app makes unsigned local
 * tokens for a chosen user name); every other GET of a page (one that accepts text/html) gets index.html, so the
 * app's own routes survive a reload. Every answer carries the security headers CloudFront adds when deployed:
 * a CSP without inline scripts, no framing, no MIME sniffing, no referrer.
 */
final class WebApp {

    /** The class-path folder the web module's jar puts the built app in. */
    static final String ROOT = "todo-web";

    static final Map<String, String> SECURITY_HEADERS = securityHeaders();

    /** A file name with a content hash, as bundlers write them: {@code app-1a2B3c4D.js}, {@code main.5f0c7d1e.css}. */
    private static final Pattern HASHED = Pattern.compile(".*[-.][A-Za-z0-9_]{8,}\\.[A-Za-z0-9]+");

    private final ClassLoader classLoader;

    private WebApp(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** The web app on {@code classLoader}'s class path, if {@value #ROOT}/index.html is there. */
    static Optional<WebApp> on(ClassLoader classLoader) {
        return classLoader.getResource(ROOT + "/index.html") == null
                ? Optional.empty()
                : Optional.of(new WebApp(classLoader));
    }

    /**
     * The answer to a GET or HEAD of {@code rawPath} if it is the app's: /, /config.json or one of its files;
     * {@code origin} is this server's, as the browser reached it.
     */
    Optional<LocalResponse> respond(String rawPath, String origin) {
        if (rawPath.equals("/") || rawPath.equals("/index.html")) {
            return Optional.of(index());
        }
        if (rawPath.equals("/config.json")) {
            String config = "{\"auth\":\"local\",\"apiUrl\":" + GatewayResponses.quote(origin) + ",\"clientId\":"
                    + GatewayResponses.quote(LocalAuthorizer.LOCAL_CLIENT_ID) + "}";
            return Optional.of(LocalResponse.of(200, "application/json", config)
                    .withHeaders(SECURITY_HEADERS)
                    .withHeader("Cache-Control", "no-store"));
        }
        String file = rawPath.substring(1);
        if (!StaticFiles.isSafe(file) || !isFile(classLoader.getResource(ROOT + "/" + file))) {
            return Optional.empty();
        }
        String fileName = file.substring(file.lastIndexOf('/') + 1);
        return Optional.of(
                file(file, HASHED.matcher(fileName).matches() ? "public, max-age=31536000, immutable" : "no-cache"));
    }

    /** The app's page for any other GET of a page ({@code accept} names text/html): the app routes it. */
    Optional<LocalResponse> fallback(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html")
                ? Optional.of(index())
                : Optional.empty();
    }

    private LocalResponse index() {
        return file("index.html", "no-cache");
    }

    private LocalResponse file(String file, String cacheControl) {
        try (InputStream in = classLoader.getResourceAsStream(ROOT + "/" + file)) {
            if (in == null) {
                throw new IllegalStateException(ROOT + "/" + file + " disappeared from the class path");
            }
            return LocalResponse.of(200, StaticFiles.contentType(file), in.readAllBytes())
                    .withHeaders(SECURITY_HEADERS)
                    .withHeader("Cache-Control", cacheControl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code resource} is a file (a class-path folder is a resource too, and reads as a listing). */
    private static boolean isFile(URL resource) {
        if (resource == null) {
            return false;
        }
        try {
            if (resource.getProtocol().equals("file")) {
                return Files.isRegularFile(Path.of(resource.toURI()));
            }
            URLConnection connection = resource.openConnection();
            if (connection instanceof JarURLConnection jar) {
                return !jar.getJarEntry().isDirectory();
            }
            return false;
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self';"
                        + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
                        + " form-action 'self'; frame-ancestors 'none'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        return Collections.unmodifiableMap(headers);
    }
}
