package io.todoapi.todo.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A deliberately naive HTTP/1.1 client over a plain socket, for requests a well-behaved client library refuses to
 * send: any method, any request target (raw bytes, broken percent-encoding, traversal), any header (oversized,
 * repeated, with odd characters), any body bytes, any Content-Length. One request per connection
 * ({@code Connection: close}); connect and read are bounded, so a server that hangs fails the test instead of
 * stalling it.
 */
final class RawHttp {

    /** A request as bytes on the wire; built fluently (every method changes this request and returns it). */
    static final class Request {
        private final String method;
        private final String target;
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private boolean autoLength = true;

        private Request(String method, String target) {
            this.method = method;
            this.target = target;
        }

        static Request of(String method, String target) {
            return new Request(method, target);
        }

        String method() {
            return method;
        }

        String target() {
            return target;
        }

        List<String[]> headers() {
            return headers;
        }

        byte[] body() {
            return body;
        }

        boolean autoLength() {
            return autoLength;
        }

        Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        Request body(byte[] bytes) {
            body = bytes;
            return this;
        }

        Request body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Sends the headers exactly as given: no Content-Length is added. */
        Request noAutoLength() {
            autoLength = false;
            return this;
        }

        Optional<String> headerValue(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .findFirst();
        }

        /** For failure messages: the request line and headers, values cut short. */
        String describe() {
            StringBuilder out = new StringBuilder(method).append(' ').append(cut(target, 120));
            for (String[] header : headers) {
                out.append(" | ").append(header[0]).append(": ").append(cut(header[1], 60));
            }
            out.append(" | body ")
                    .append(body.length)
                    .append(" bytes: ")
                    .append(cut(new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8), 120));
            return out.toString();
        }

        private static String cut(String text, int max) {
            String visible = text.replaceAll("[\\p{Cntrl}]", "?");
            return visible.length() <= max ? visible : visible.substring(0, max) + "...(" + text.length() + ")";
        }
    }

    /** A response: status, headers (in order, names as sent), body; {@code closedEarly} if no status line came. */
    record Response(int status, List<String[]> headers, byte[] body, long millis) {

        Optional<String> header(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .findFirst();
        }

        List<String> headerValues(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .toList();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final Duration timeout;

    RawHttp(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    Response send(Request request) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            wire.write((request.method() + " " + request.target() + " HTTP/1.1\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            if (request.headerValue("Host").isEmpty()) {
                wire.write(("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            for (String[] header : request.headers()) {
                wire.write((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (request.autoLength()
                    && (request.body().length > 0
                            || !List.of("GET", "HEAD", "DELETE", "OPTIONS").contains(request.method()))) {
                wire.write(("Content-Length: " + request.body().length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            wire.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            wire.write(request.body());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(wire.toByteArray());
                out.flush();
            } catch (IOException writeFailed) {
                // The server may answer (e.g. 413) and close before reading a large body: read what it said.
            }
            byte[] raw = readAll(socket.getInputStream());
            return parse(raw, Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (SocketTimeoutException e) {
            throw new AssertionError(
                    "no complete response within " + timeout.toMillis() + " ms (a hang) for " + request.describe(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("connection failed for " + request.describe(), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            if (out.size() == 0) {
                throw reset;
            }
        }
        return out.toByteArray();
    }

    private static Response parse(byte[] raw, long millis) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            return new Response(-1, List.of(), raw, millis);
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length >= 2 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {
                    lines[i].substring(0, colon).trim(),
                    lines[i].substring(colon + 1).trim()
                });
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        boolean chunked = headers.stream()
                .anyMatch(h -> h[0].equalsIgnoreCase("Transfer-Encoding")
                        && h[1].toLowerCase(Locale.ROOT).contains("chunked"));
        return new Response(status, headers, chunked ? dechunk(body) : body, millis);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(
                    java.util.Arrays.copyOfRange(body, at, body.length), "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            at += lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(body, at, Math.min(size, body.length - at));
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
