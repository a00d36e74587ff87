package io.todoapi.todo.testing;

import com.amazonaws.services.lambda.runtime.Context;
import io.todoapi.todo.config.InvocationContext;
import java.util.UUID;

/** A Lambda {@link Context} as the runtime fills it for one invocation of the live alias, with 10 s left. */
public final class TestContext {

    private TestContext() {}

    public static Context of(String functionName) {
        return new InvocationContext(
                UUID.randomUUID().toString(),
                functionName,
                "$LATEST",
                "arn:aws:lambda:eu-west-1:123456789012:function:" + functionName + ":live",
                "2026/11/24/[$LATEST]0123456789abcdef0123456789abcdef",
                1024,
                System.currentTimeMillis() + 10_000);
    }
}
