package io.todoapi.todo.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.metrics.RequestMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The composition root's own decisions; what it builds is tested through the *PrimingIT and *ArtifactIT. */
class CompositionRootTest {

    @AfterEach
    void clearTheSwitch() {
        System.clearProperty(RequestMetrics.DISABLED_ENV);
    }

    @Test
    void theMetricsSwitchIsPowertoolsOwnVariableOrItsSystemProperty() {
        System.setProperty(RequestMetrics.DISABLED_ENV, "TRUE");
        assertThat(CompositionRoot.metrics("getTodo").enabled()).isFalse();
        System.setProperty(RequestMetrics.DISABLED_ENV, "false");
        assertThat(CompositionRoot.metrics("getTodo").enabled()).isTrue();
    }

    @Test
    void everyVariableItReadsIsListedOnce() {
        assertThat(CompositionRoot.VARIABLES)
                .doesNotHaveDuplicates()
                .contains(
                        "TABLE_NAME",
                        "ALLOWED_ORIGIN",
                        "USER_POOL_CLIENT_ID",
                        "AWS_REGION",
                        "AWS_ENDPOINT_URL_DYNAMODB",
                        "AWS_USE_FIPS_ENDPOINT",
                        "AWS_USE_DUALSTACK_ENDPOINT",
                        "AWS_LAMBDA_FUNCTION_NAME",
                        "POWERTOOLS_SERVICE_NAME",
                        "POWERTOOLS_METRICS_DISABLED");
    }
}
