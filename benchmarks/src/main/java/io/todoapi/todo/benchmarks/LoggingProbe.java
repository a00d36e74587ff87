package io.todoapi.todo.benchmarks;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The functions' logging alone, in a fresh JVM whose class path is this class and a function's deployable jar (so
 * with the function's own Log4j configuration and plugins): Powertools' logging context and one request log line, as
 * ApiRequests writes it, then {@code DONE}.
 */
public final class LoggingProbe {

    private LoggingProbe() {
    }

    public static void main(String[] args) {
        String result = PowertoolsLogging.withLogging(new ProbeContext(), () -> {
            LoggerFactory.getLogger(LoggingProbe.class).info("{} {} -> {}", "GET", "/todos", 200);
            return "logged";
        });
        System.out.println("DONE " + result);
    }

    /** The little of a Lambda context that Powertools reads. */
    private static final class ProbeContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "probe";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/probe";
        }

        @Override
        public String getLogStreamName() {
            return "probe";
        }

        @Override
        public String getFunctionName() {
            return "probe";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:probe";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 10_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return null;
        }
    }
}
