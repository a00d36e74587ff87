package io.todoapi.todo.repository;

/** Attribute names of the table's items (see template.yaml for the key schema and TTL attribute). */
final class Attributes {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String COMPLETED = "completed";
    static final String DUE_DATE = "dueDate";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String VERSION = "version";
    /**
     * The token of the last UpdateItem call that changed the todo: lets a call whose first attempt was applied but
     * whose response was lost recognise its own write when the SDK retries it.
     */
    static final String LAST_WRITE = "lastWrite";
    static final String FINGERPRINT = "fingerprint";
    /** On a todo created with an Idempotency-Key: the key, so that deleting the todo deletes the key's record. */
    static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** The idempotency record's copy of the todo it created (a map). */
    static final String TODO = "todo";
    /** Epoch seconds; the table's TTL attribute. */
    static final String EXPIRES_AT = "expiresAt";

    private Attributes() {
    }
}
