package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app as local-api serves it when {@code todo-web/index.html} is on the class path (the web module's jar,
 * a dependency of local-api): its page and files with their types and caching, the generated /config.json, the SPA
 * fallback for pages, and the security headers; the API and the docs stay where they are.
 */
class WebAppIT {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private static final String APP_PAGE = "<title>Todos</title>";
    private static final Pattern SCRIPT = Pattern.compile("<script[^>]* src=\"(assets/app\\.[^\"]+\\.js)\"");

    private static RunningApi api;

    /** The path of the app's script as its page names it: with the content hash the build puts in the name. */
    private static String scriptPath() {
        Matcher script = SCRIPT.matcher(page("/").body());
        assertThat(script.find()).as("the page names its script").isTrue();
        return "/" + script.group(1);
    }

    @BeforeAll
    static void start() throws Exception {
        api = RunningApi.start("--table", "todos-web");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static HttpResponse<String> page(String path) {
        return api.send("GET", path, null, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).contains(CSP);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void theRootIsTheAppsPageRevalidatedOnEveryLoad() {
        HttpResponse<String> index = page("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(index.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(index.body()).contains(APP_PAGE);
        assertSecurityHeaders(index);
        assertThat(api.server.servesWebApp()).isTrue();
    }

    @Test
    void hashedAssetsAreCachedForAYearAndOtherFilesRevalidated() {
        HttpResponse<String> script = api.send("GET", scriptPath(), null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(script.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertSecurityHeaders(script);
        HttpResponse<String> index = api.send("GET", "/index.html", null);
        assertThat(index.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(index.headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @Test
    void configJsonNamesThisOriginAndTheLocalClient() {
        HttpResponse<String> config = api.send("GET", "/config.json", null);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(config.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(config.body())
                .isEqualTo("{\"auth\":\"local\",\"apiUrl\":\"http://127.0.0.1:" + api.server.port()
                        + "\",\"clientId\":\"local-client\"}");
    }

    @Test
    void anUnknownPageIsTheAppsPageButNotForScriptsAndNotOnApiPaths() {
        HttpResponse<String> deepLink = page("/todos-app/settings");
        assertThat(deepLink.statusCode()).isEqualTo(200);
        assertThat(deepLink.body()).contains(APP_PAGE);
        HttpResponse<String> notAPage = api.send("GET", "/assets/missing-Zz99Yy88.js", null, "Accept", "*/*");
        assertThat(notAPage.statusCode()).isEqualTo(404);
        assertThat(notAPage.headers().firstValue("Content-Type")).contains("application/problem+json");
        HttpResponse<String> api = page("/todos");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(api.body()).startsWith("{\"items\":");
        assertThat(page("/docs/").body()).contains("swagger-ui");
        assertThat(page("/..%2Fpom.xml").body()).contains(APP_PAGE).doesNotContain("<project");
    }

    @Test
    void onlyReadsServeTheApp() {
        HttpResponse<String> post = api.send("POST", "/", "x", "Accept", "text/html");
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(post.headers().firstValue("Content-Type")).contains("application/problem+json");
    }
}
