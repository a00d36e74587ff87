package io.todoapi.todo.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.json.ApiGatewayEventSerializer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;

/**
 * The command line of local-api: {@code serve} runs the whole API until it is stopped; {@code invoke} runs one
 * function on one event file and prints the response, like {@code sam local invoke} but without Docker. What a
 * person sees: the banner, then one line per request; a setting or port that cannot work is one line and a
 * non-zero exit, with nothing started. Ctrl-C (SIGINT) and SIGTERM stop the HTTP server, the functions and the
 * embedded engine's Node.js process; the README's run command runs this in Maven's JVM, so stopping Maven stops it.
 */
public final class LocalApi {

    private LocalApi() {}

    public static void main(String[] args) throws InterruptedException {
        // The functions log JSON to stdout; invoke prints the response there, so their logs go to stderr instead.
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        LocalApiOptions options;
        try {
            options = LocalApiOptions.parse(args, System::getenv);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().isEmpty()) {
                System.err.print(LocalApiOptions.USAGE);
                System.exit(0);
            }
            System.err.println("local-api: " + e.getMessage() + " (--help lists the options)");
            System.exit(2);
            return;
        }
        try {
            if (options.command().equals("invoke")) {
                System.setOut(System.err);
                System.exit(invoke(options, stdout));
            } else {
                serve(options, stdout);
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | IOException e) {
            // One line, no stack: what is wrong and what to change (a taken port, a refused option, no Node.js).
            System.err.println("local-api: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            System.exit(1);
        }
    }

    private static void serve(LocalApiOptions options, PrintStream out) throws IOException, InterruptedException {
        LocalApiServer server = LocalApiServer.start(options, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("\nStopping: HTTP server, functions, DynamoDB engine ...");
                            server.close();
                            stopped.countDown();
                        },
                        "local-api-shutdown"));
        server.onExchange(exchange -> out.printf(
                "  %-7s %s %d %d ms%n",
                exchange.method(), ClientText.excerpt(exchange.path()), exchange.status(), exchange.millis()));
        out.print(banner(options, server));
        stopped.await();
    }

    /** What serve prints once it answers: the URLs (the web app first), the engine, the caller, how to stop. */
    static String banner(LocalApiOptions options, LocalApiServer server) {
        StringBuilder banner = new StringBuilder("\n");
        if (server.servesWebApp()) {
            banner.append("  Web app      ").append(server.url()).append("/\n");
        }
        banner.append("  Todo API     ")
                .append(server.url())
                .append("/todos\n")
                .append("  API docs     ")
                .append(server.url())
                .append("/docs\n")
                .append("  OpenAPI      ")
                .append(server.url())
                .append("/openapi.yaml\n")
                .append("  DynamoDB     ")
                .append(server.dynamodbEndpoint())
                .append("  (table \"")
                .append(server.tableName())
                .append('"')
                .append(options.dynamodb().endpoint() == null ? ", dynalite in memory: data is lost on exit)" : ")")
                .append("\n\n");
        if (options.output().verbose()) {
            server.describeRoutes()
                    .forEach(route -> banner.append("  ").append(route).append('\n'));
            banner.append('\n');
        }
        if (!Loopback.isLoopback(options.http().host())) {
            banner.append("  WARNING: listening on ")
                    .append(options.http().host())
                    .append(':')
                    .append(server.port())
                    .append(" (--allow-remote): other machines can call this API.\n");
        }
        LocalApiOptions.Address engine = options.dynamodb().embedded();
        if (options.dynamodb().endpoint() == null && !Loopback.isLoopback(engine.host())) {
            banner.append("  WARNING: the DynamoDB engine listens on ")
                    .append(engine.host())
                    .append(':')
                    .append(server.dynamodbEndpoint().getPort())
                    .append(" (--allow-remote): other machines can read and change its data.\n");
        }
        banner.append("  WARNING: bearer tokens are decoded but their signatures are NOT verified. Local use only.\n")
                .append(
                        options.callers().requireToken()
                                ? "  Requests without a token are rejected (--require-token).\n"
                                : "  Requests without a token run as \""
                                        + options.callers().defaultUser() + "\".\n")
                .append("  Press Ctrl-C to stop.\n\n");
        return banner.toString();
    }

    private static int invoke(LocalApiOptions options, PrintStream out) throws IOException {
        LocalApiOptions quiet = options.withHttp(new LocalApiOptions.Address("127.0.0.1", 0));
        ApiGatewayEventSerializer serializer = new ApiGatewayEventSerializer();
        APIGatewayProxyRequestEvent event;
        try (InputStream in = Files.newInputStream(options.invocation().eventFile())) {
            event = serializer.fromJson(in, APIGatewayProxyRequestEvent.class);
        }
        try (LocalApiServer server = LocalApiServer.start(quiet, System.err)) {
            APIGatewayProxyResponseEvent response =
                    server.invokeFunction(options.invocation().functionLogicalId(), event);
            out.println(serializer.toJson(response));
            return 0;
        } catch (FunctionHost.FunctionError e) {
            System.err.println("local-api: " + e.getMessage());
            return 1;
        }
    }
}
