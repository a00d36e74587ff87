package io.todoapi.todo.config;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A function's AWS credentials, from the sources Lambda provides and no others (no profile files, no instance
 * metadata: the SDK's default chain would probe those too). On demand, Lambda sets {@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}; for a SnapStart version it sets none of them and
 * serves the credentials on the container credentials endpoint instead ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}
 * with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}; Lambda developer guide, "Activating and managing Lambda
 * SnapStart"), so that a restored snapshot fetches fresh ones. The JVM system properties {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey} come first: a runtime hosting several functions in one JVM (local-api) sets those.
 *
 * <p>When no source has credentials the call fails with {@link CredentialsUnavailableException}, which the SDK
 * passes through unchanged, so the repository cannot mistake it for a transient DynamoDB failure.
 *
 * <p>The providers cache what they resolved. SnapStart priming resolves credentials before the snapshot, so
 * {@link #discardResolved()} runs after each restore: a restored environment then fetches its own instead of using the
 * ones every environment restored from the snapshot would share.
 */
public final class LambdaCredentials implements AwsCredentialsProvider {

    private volatile AwsCredentialsProvider chain = chain();

    private static AwsCredentialsProvider chain() {
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(
                        SystemPropertyCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create(),
                        new ContainerEndpoint())
                .reuseLastProviderEnabled(true)
                .build();
    }

    /** Forgets the credentials resolved so far: the next call resolves them again. */
    public void discardResolved() {
        chain = chain();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return chain.resolveCredentials();
        } catch (SdkClientException e) {
            throw new CredentialsUnavailableException(
                    "The function has no AWS credentials: neither the access-key"
                            + " variables (on demand) nor the container credentials endpoint (SnapStart) provided any. "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * The container credentials endpoint's provider, built when the chain first reaches it: an on-demand function,
     * whose credentials are in the variables, never does, and building the provider costs about 25 classes.
     */
    static final class ContainerEndpoint implements AwsCredentialsProvider {

        private AwsCredentialsProvider provider;

        @Override
        public synchronized AwsCredentials resolveCredentials() {
            if (provider == null) {
                provider = ContainerCredentialsProvider.builder().build();
            }
            return provider.resolveCredentials();
        }

        /** Built or not, the provider is the container endpoint's (the chain names each provider in its errors). */
        @Override
        public String toString() {
            return "ContainerCredentialsProvider()";
        }
    }
}
