package io.todoapi.todo.model;

import java.util.regex.Pattern;

/**
 * Every limit of the API contract in one place. openapi.yaml states the same numbers; a contract test fails the
 * build when the two drift.
 */
public final class TodoLimits {

    /** Title length in Unicode code points (as JSON Schema counts {@code maxLength}). */
    public static final int TITLE_MIN_LENGTH = 1;

    public static final int TITLE_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 2000;

    /** Largest request body accepted, in bytes of UTF-8. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    public static final int LIST_DEFAULT_LIMIT = 20;
    public static final int LIST_MIN_LIMIT = 1;
    public static final int LIST_MAX_LIMIT = 100;
    public static final int NEXT_TOKEN_MAX_LENGTH = 64;

    public static final String TODO_ID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    public static final String IDEMPOTENCY_KEY_PATTERN = "^[A-Za-z0-9_-]{1,128}$";
    public static final String DUE_DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    /**
     * Most entity tags an If-Match or If-None-Match header may list. If-Match becomes {@code version IN (...)}, and
     * DynamoDB allows at most 100 operands for IN.
     */
    public static final int MAX_ENTITY_TAGS = 100;

    /** How long an Idempotency-Key is remembered. */
    public static final long IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

    public static final Pattern TODO_ID = Pattern.compile(TODO_ID_PATTERN);
    public static final Pattern IDEMPOTENCY_KEY = Pattern.compile(IDEMPOTENCY_KEY_PATTERN);
    public static final Pattern DUE_DATE = Pattern.compile(DUE_DATE_PATTERN);

    private TodoLimits() {}
}
