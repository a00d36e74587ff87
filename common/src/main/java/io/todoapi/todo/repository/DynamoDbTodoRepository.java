package io.todoapi.todo.repository;

import io.todoapi.todo.error.IdempotencyKeyReusedException;
import io.todoapi.todo.error.StorageUnavailableException;
import io.todoapi.todo.error.TodoNotFoundException;
import io.todoapi.todo.error.VersionMismatchException;
import io.todoapi.todo.model.Precondition;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.model.TodoLimits;
import io.todoapi.todo.model.TodoPage;
import io.todoapi.todo.model.TodoPatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Todos in one DynamoDB table through the enhanced client, with table schemas written by hand ({@link ItemSchema}).
 * One call per operation on the happy path: PutItem ({@code attribute_not_exists}), GetItem (strongly consistent),
 * Query on the caller's partition (never a Scan), UpdateItem with an update expression built from the patch (on the
 * low-level client: the enhanced client's UpdateItem derives its expression from a whole item, not from a patch), DeleteItem.
 * Conditional failures are told apart (not found vs another version) by a GetItem on the error path only, and SDK
 * failures become domain exceptions here: throttling, timeouts and 5xx are {@link StorageUnavailableException}.
 */
public final class DynamoDbTodoRepository implements TodoRepository {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbTodoRepository.class);

    /** Env var with the table name. */
    public static final String TABLE_NAME_ENV = "TABLE_NAME";

    private static final Expression NOT_EXISTS =
            new ItemExpression("attribute_not_exists(#pk)", Map.of("#pk", Attributes.PK), Map.of()).toCondition();
    /** Bounds the loop of an idempotent create racing with an expiring record; reaching it means contention. */
    private static final int IDEMPOTENT_CREATE_ATTEMPTS = 3;

    private final DynamoDbClient client;
    private final String tableName;
    private final DynamoDbTable<TodoItem> todos;
    private final DynamoDbTable<IdempotencyItem> idempotencyKeys;

    public DynamoDbTodoRepository(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
        // No extensions: the default ones (versioned records, atomic counters) act only on attributes tagged for them,
        // and these schemas tag none; without them no extension hook runs on any call.
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder()
                .dynamoDbClient(client)
                .extensions()
                .build();
        this.todos = enhanced.table(tableName, TodoItem.SCHEMA);
        this.idempotencyKeys = enhanced.table(tableName, IdempotencyItem.SCHEMA);
    }

    @Override
    public Todo create(String owner, Todo todo) {
        if (!putIfAbsent(TodoItem.of(owner, todo))) {
            // A fresh UUIDv7 does not collide: the item can only be this todo, written by an earlier attempt of this
            // call whose response was lost (a timeout or reset after DynamoDB applied it) before the SDK retried.
            if (get(owner, todo.id()).filter(todo::equals).isPresent()) {
                return todo;
            }
            throw new IllegalStateException("A freshly generated todo id already exists");
        }
        return todo;
    }

    @Override
    public Todo create(String owner, Todo todo, IdempotencyKey key) {
        Instant now = todo.createdAt();
        IdempotencyItem record =
                IdempotencyItem.of(owner, key, todo, now.getEpochSecond() + TodoLimits.IDEMPOTENCY_TTL_SECONDS);
        Expression claimable = new ItemExpression(
                        "attribute_not_exists(#pk) OR #expiresAt <= :now",
                        Map.of("#pk", Attributes.PK, "#expiresAt", Attributes.EXPIRES_AT),
                        Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                .toCondition();
        for (int attempt = 0; attempt < IDEMPOTENT_CREATE_ATTEMPTS; attempt++) {
            try {
                call(() -> {
                    idempotencyKeys.putItem(PutItemEnhancedRequest.builder(IdempotencyItem.class)
                            .item(record)
                            .conditionExpression(claimable)
                            .build());
                    return null;
                });
            } catch (ConditionalCheckFailedException keyTaken) {
                Optional<Todo> replay = replay(owner, key, now);
                if (replay.isPresent()) {
                    return replay.get();
                }
                continue; // the record expired or vanished between the two calls: claim it again
            }
            // The key is ours. If a concurrent repeat already wrote the todo from our record, it is the same todo.
            putIfAbsent(TodoItem.of(owner, todo, key.key()));
            return todo;
        }
        throw new StorageUnavailableException(new IllegalStateException(
                "The idempotency key could not be claimed after " + IDEMPOTENT_CREATE_ATTEMPTS + " attempts"));
    }

    /** The todo of an existing, live record with the same fingerprint; written again if a crash lost it. */
    private Optional<Todo> replay(String owner, IdempotencyKey key, Instant now) {
        ItemKey recordKey = ItemKey.idempotencyRecord(owner, key.key());
        IdempotencyItem existing = call(() -> idempotencyKeys.getItem(GetItemEnhancedRequest.builder()
                .key(recordKey.key())
                .consistentRead(true)
                .build()));
        if (existing == null || existing.expiredAt(now)) {
            return Optional.empty();
        }
        if (!existing.fingerprint().equals(key.fingerprint())) {
            throw new IdempotencyKeyReusedException();
        }
        Todo original = existing.todo().todo();
        putIfAbsent(TodoItem.of(owner, original, key.key()));
        return Optional.of(original);
    }

    private boolean putIfAbsent(TodoItem item) {
        try {
            call(() -> {
                todos.putItem(PutItemEnhancedRequest.builder(TodoItem.class)
                        .item(item)
                        .conditionExpression(NOT_EXISTS)
                        .build());
                return null;
            });
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Todo> get(String owner, String id) {
        return read(ItemKey.todo(owner, id)).map(TodoItem::todo);
    }

    /** The todo item under {@code key}, read strongly consistent. */
    private Optional<TodoItem> read(ItemKey key) {
        return Optional.ofNullable(call(() -> todos.getItem(GetItemEnhancedRequest.builder()
                .key(key.key())
                .consistentRead(true)
                .build())));
    }

    @Override
    public TodoPage list(String owner, int limit, Optional<String> startAfter) {
        // One item more than asked tells, in the same Query, whether another page exists: no empty last page.
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(new SortKeyPrefix(ItemKey.partition(owner), ItemKey.TODO_PREFIX))
                .limit(limit + 1)
                .consistentRead(true);
        startAfter.ifPresent(
                id -> request.exclusiveStartKey(ItemKey.todo(owner, id).attributes()));
        Page<TodoItem> page = call(() -> todos.query(request.build()).iterator().next());
        List<Todo> items = new ArrayList<>(Math.min(page.items().size(), limit));
        for (TodoItem item : page.items()) {
            if (items.size() == limit) {
                break;
            }
            items.add(item.todo());
        }
        boolean more = page.items().size() > limit;
        return new TodoPage(items, more ? Optional.of(items.getLast().id()) : Optional.empty());
    }

    @Override
    public Todo update(String owner, String id, TodoPatch patch, Precondition precondition, Instant now) {
        if (precondition instanceof Precondition.Versions versions
                && versions.versions().isEmpty()) {
            throw explainFailedCondition(owner, id);
        }
        ItemKey key = ItemKey.todo(owner, id);
        // Identifies this call's write. The SDK retries an attempt that timed out or lost its connection, and such an
        // attempt may have been applied: the condition below makes the retry fail instead of applying the patch a
        // second time (version + 2, or a version mismatch against our own write), and the failure path recognises it.
        String writeToken = UUID.randomUUID().toString();
        ItemExpression update = new UpdateExpression()
                .apply(Attributes.TITLE, patch.title().map(AttributeValue::fromS))
                .apply(Attributes.DESCRIPTION, patch.description().map(AttributeValue::fromS))
                .apply(Attributes.COMPLETED, patch.completed().map(AttributeValue::fromBool))
                .apply(Attributes.DUE_DATE, patch.dueDate().map(date -> AttributeValue.fromS(date.toString())))
                .set(Attributes.UPDATED_AT, AttributeValue.fromS(TodoItem.timestamp(now)))
                .increment(Attributes.VERSION)
                .set(Attributes.LAST_WRITE, AttributeValue.fromS(writeToken))
                .build();
        ItemExpression condition = existsAt(precondition).and(notWrittenBy(writeToken));
        UpdateItemRequest request = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(key.attributes())
                .updateExpression(update.text())
                .conditionExpression(condition.text())
                .expressionAttributeNames(ItemExpression.placeholders(update.names(), condition.names()))
                .expressionAttributeValues(ItemExpression.placeholders(update.values(), condition.values()))
                .returnValues(ReturnValue.ALL_NEW)
                .build();
        try {
            Map<String, AttributeValue> stored =
                    call(() -> client.updateItem(request).attributes());
            return TodoItem.fromAttributes(stored).todo();
        } catch (ConditionalCheckFailedException e) {
            TodoItem current = read(key).orElseThrow(() -> new TodoNotFoundException(id));
            if (writeToken.equals(current.lastWrite()) || precondition instanceof Precondition.None) {
                // An earlier attempt of this call was applied. (Without a version condition nothing else can fail the
                // condition of an existing todo; another write may have followed ours before this read.)
                return current.todo();
            }
            throw new VersionMismatchException(id);
        }
    }

    @Override
    public void delete(String owner, String id, Precondition precondition) {
        if (precondition instanceof Precondition.Versions versions
                && versions.versions().isEmpty()) {
            throw explainFailedCondition(owner, id);
        }
        Expression condition = existsAt(precondition).toCondition();
        TodoItem deleted;
        try {
            deleted = call(() -> todos.deleteItem(DeleteItemEnhancedRequest.builder()
                    .key(ItemKey.todo(owner, id).key())
                    .conditionExpression(condition)
                    .build()));
        } catch (ConditionalCheckFailedException e) {
            RuntimeException failure = explainFailedCondition(owner, id);
            if (failure instanceof TodoNotFoundException && e.numAttempts() != null && e.numAttempts() > 1) {
                // The SDK retried: an earlier attempt that timed out or lost its connection may have deleted the
                // todo. It is gone, as asked; answering "not found" would tell the caller its delete did not happen.
                return;
            }
            throw failure;
        }
        if (deleted != null && deleted.idempotencyKey() != null) {
            forgetIdempotencyKey(owner, deleted.idempotencyKey());
        }
    }

    /**
     * Deletes the record of the Idempotency-Key a deleted todo was created with: it holds a copy of the todo, which
     * must not outlive it. Best effort: the todo is gone, as asked, and a record left behind by a failure here still
     * expires with its TTL (24 h).
     */
    private void forgetIdempotencyKey(String owner, String key) {
        try {
            call(() -> idempotencyKeys.deleteItem(
                    ItemKey.idempotencyRecord(owner, key).key()));
        } catch (StorageUnavailableException e) {
            LOG.warn(
                    "The deleted todo's Idempotency-Key record could not be deleted; it expires within 24 h",
                    e.getCause());
        }
    }

    /**
     * The todo exists: {@code attribute_exists(#pk)}, and for a precondition with versions, its version is one of them:
     * {@code #version IN (:v0, ...)}, in ascending order.
     */
    static ItemExpression existsAt(Precondition precondition) {
        ItemExpression exists = new ItemExpression("attribute_exists(#pk)", Map.of("#pk", Attributes.PK), Map.of());
        if (!(precondition instanceof Precondition.Versions versions)) {
            return exists;
        }
        List<String> placeholders = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        for (long version : versions.versions().stream().sorted().toList()) {
            String placeholder = ":v" + placeholders.size();
            placeholders.add(placeholder);
            values.put(placeholder, AttributeValue.fromN(Long.toString(version)));
        }
        return exists.and(new ItemExpression(
                "#version IN (" + String.join(", ", placeholders) + ")",
                Map.of("#version", Attributes.VERSION),
                values));
    }

    /** The item was not last written by the update whose token is {@code writeToken}. */
    static ItemExpression notWrittenBy(String writeToken) {
        return new ItemExpression(
                "(attribute_not_exists(#lastWrite) OR #lastWrite <> :lastWrite)",
                Map.of("#lastWrite", Attributes.LAST_WRITE),
                Map.of(":lastWrite", AttributeValue.fromS(writeToken)));
    }

    /** A write's condition failed: not found when the todo is not there (for this owner), else a version mismatch. */
    private RuntimeException explainFailedCondition(String owner, String id) {
        return get(owner, id).isPresent() ? new VersionMismatchException(id) : new TodoNotFoundException(id);
    }

    /**
     * Runs one SDK call and translates its failures: a failed condition stays a
     * {@link ConditionalCheckFailedException} for the caller to interpret; throttling, timeouts, I/O failures
     * and DynamoDB 5xx (after the SDK's bounded retries) become {@link StorageUnavailableException}; anything else
     * (a bug, a missing table) propagates and is answered with a 500.
     */
    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (ProvisionedThroughputExceededException | RequestLimitExceededException e) {
            throw new StorageUnavailableException(e);
        } catch (DynamoDbException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new StorageUnavailableException(e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new StorageUnavailableException(e);
        }
    }
}
