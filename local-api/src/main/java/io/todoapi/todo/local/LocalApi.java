package io.todoapi.todo.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.json.ApiGatewayEventSerializer;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;

/**
 * The command line of local-api: {@code serve} runs the whole API until Ctrl-C; {@code invoke} runs one function
 * on one event file and prints the response, like {@code sam local invoke} but without Docker. Ctrl-C (SIGINT) and
 * SIGTERM stop the HTTP server, the functions and the embedded engine's Node.js process.
 */
public final class LocalApi {

    private LocalApi() {
    }

    public static void main(String[] args) throws Exception {
        // The functions log JSON to stdout; invoke prints the response there, so their logs go to stderr instead.
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        LocalApiOptions options;
        try {
            options = LocalApiOptions.parse(args, System::getenv);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("local-api: " + e.getMessage() + "\n");
            }
            System.err.print(LocalApiOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        try {
            if (options.command().equals("invoke")) {
                System.setOut(System.err);
                System.exit(invoke(options, stdout));
            } else {
                serve(options, stdout);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("local-api: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void serve(LocalApiOptions options, PrintStream out) throws IOException, InterruptedException {
        out.println("Starting the Todo API locally (template: " + options.template() + ") ...");
        LocalApiServer server = LocalApiServer.start(options, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\nStopping: HTTP server, functions, DynamoDB engine ...");
            server.close();
            stopped.countDown();
        }, "local-api-shutdown"));
        out.println();
        out.println("  Todo API     " + server.url() + "/todos");
        out.println("  API docs     " + server.url() + "/docs");
        out.println("  OpenAPI      " + server.url() + "/openapi.yaml");
        out.println("  DynamoDB     " + server.dynamodbEndpoint() + "  (table \"" + server.tableName() + "\""
                + (options.dynamodbEndpoint() == null ? ", dynalite in memory: data is lost on exit)" : ")"));
        out.println();
        server.describeRoutes().forEach(route -> out.println("  " + route));
        out.println();
        out.println("  WARNING: bearer tokens are decoded but their signatures are NOT verified. Local use only.");
        out.println(options.requireToken() ? "  Requests without a token are rejected (--require-token)."
                : "  Requests without a token run as \"" + options.defaultUser() + "\".");
        out.println("  Press Ctrl-C to stop.");
        stopped.await();
    }

    private static int invoke(LocalApiOptions options, PrintStream out) throws IOException {
        LocalApiOptions quiet = new LocalApiOptions("serve", null, null, "127.0.0.1", 0, options.dynamodbEndpoint(),
                options.dynamodbHost(), options.dynamodbPort(), options.region(), options.tableName(),
                options.template(), options.spec(), options.parameterOverrides(), options.defaultUser(), false);
        ApiGatewayEventSerializer serializer = new ApiGatewayEventSerializer();
        APIGatewayProxyRequestEvent event;
        try (InputStream in = Files.newInputStream(options.eventFile())) {
            event = serializer.fromJson(in, APIGatewayProxyRequestEvent.class);
        }
        try (LocalApiServer server = LocalApiServer.start(quiet, System.err)) {
            APIGatewayProxyResponseEvent response = server.invokeFunction(options.invokeFunction(), event);
            out.println(serializer.toJson(response));
            return 0;
        } catch (FunctionHost.FunctionError e) {
            System.err.println("local-api: " + e.getMessage());
            return 1;
        }
    }
}
