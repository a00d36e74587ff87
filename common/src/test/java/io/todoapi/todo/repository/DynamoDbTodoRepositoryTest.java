package io.todoapi.todo.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.todoapi.todo.error.StorageUnavailableException;
import io.todoapi.todo.model.Precondition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.paginators.QueryIterable;

/** The repository's calls and its translation of SDK failures, with the low-level client mocked. */
class DynamoDbTodoRepositoryTest {

    private final DynamoDbClient client = mock(DynamoDbClient.class);
    private final DynamoDbTodoRepository repository = new DynamoDbTodoRepository(client, "todos");

    @Test
    void listIsOneQueryOnTheCallersPartitionNeverAScan() {
        when(client.queryPaginator(any(QueryRequest.class)))
                .thenAnswer(call -> new QueryIterable(client, call.getArgument(0)));
        when(client.query(any(QueryRequest.class)))
                .thenReturn(QueryResponse.builder().items(List.of()).build());
        repository.list("alice", 10, Optional.of("019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60"));

        ArgumentCaptor<QueryRequest> query = ArgumentCaptor.forClass(QueryRequest.class);
        verify(client).query(query.capture());
        verify(client, never()).scan(any(ScanRequest.class));
        QueryRequest request = query.getValue();
        assertThat(request.tableName()).isEqualTo("todos");
        assertThat(request.limit()).isEqualTo(11);
        assertThat(request.consistentRead()).isTrue();
        assertThat(request.keyConditionExpression()).contains("begins_with");
        assertThat(request.expressionAttributeValues().values())
                .containsExactlyInAnyOrder(AttributeValue.fromS("USER#alice"), AttributeValue.fromS("TODO#"));
        assertThat(request.exclusiveStartKey())
                .isEqualTo(Map.of(
                        "pk", AttributeValue.fromS("USER#alice"),
                        "sk", AttributeValue.fromS("TODO#019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60")));
    }

    @Test
    void throttlingTimeoutsAndServerErrorsBecomeStorageUnavailable() {
        List<RuntimeException> transientFailures = List.of(
                ProvisionedThroughputExceededException.builder()
                        .message("throttled")
                        .build(),
                RequestLimitExceededException.builder().message("account limit").build(),
                DynamoDbException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ThrottlingException")
                                .build())
                        .build(),
                DynamoDbException.builder().statusCode(500).message("internal").build(),
                DynamoDbException.builder()
                        .statusCode(503)
                        .message("unavailable")
                        .build(),
                ApiCallTimeoutException.create(5000),
                SdkClientException.create("Connection reset"));
        for (RuntimeException failure : transientFailures) {
            when(client.getItem(any(GetItemRequest.class))).thenThrow(failure);
            assertThatThrownBy(() -> repository.get("alice", "id"))
                    .as(failure.toString())
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasCause(failure);
        }
    }

    @Test
    void otherServiceErrorsAreNotDisguisedAsTransient() {
        RuntimeException validation = DynamoDbException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ValidationException")
                        .build())
                .build();
        when(client.getItem(any(GetItemRequest.class))).thenThrow(validation);
        assertThatThrownBy(() -> repository.get("alice", "id")).isSameAs(validation);
    }

    @Test
    void aWritesConditionListsTheAcceptedVersionsInAscendingOrder() {
        ItemExpression condition = DynamoDbTodoRepository.existsAt(Precondition.anyOf(java.util.Set.of(3L, 1L)));

        assertThat(condition.text()).isEqualTo("attribute_exists(#pk) AND #version IN (:v0, :v1)");
        assertThat(condition.names()).isEqualTo(Map.of("#pk", "pk", "#version", "version"));
        assertThat(condition.values())
                .isEqualTo(Map.of(":v0", AttributeValue.fromN("1"), ":v1", AttributeValue.fromN("3")));
        assertThat(DynamoDbTodoRepository.existsAt(Precondition.NONE).text()).isEqualTo("attribute_exists(#pk)");
        assertThat(DynamoDbTodoRepository.notWrittenBy("token-1").values())
                .isEqualTo(Map.of(":lastWrite", AttributeValue.fromS("token-1")));
    }
}
