package io.todoapi.todo.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * DynamoDB's documented request limits, which dynalite does not all enforce ("Service, account, and table quotas in
 * Amazon DynamoDB": item size, key sizes, expression length, operands of IN). Every SDK client in a test JVM that has
 * this test-jar on its class path runs it (it is registered in {@code software/amazon/awssdk/global/handlers/
 * execution.interceptors}), so a request the code can make that real DynamoDB would refuse fails the tests with the
 * ValidationException DynamoDB would answer, instead of passing against the more lenient local engine.
 */
public final class DynamoDbLimits implements ExecutionInterceptor {

    static final int MAX_ITEM_BYTES = 400 * 1024;
    static final int MAX_PARTITION_KEY_BYTES = 2048;
    static final int MAX_SORT_KEY_BYTES = 1024;
    static final int MAX_EXPRESSION_BYTES = 4 * 1024;
    static final int MAX_IN_OPERANDS = 100;
    private static final List<String> KEY_ATTRIBUTES = List.of("pk", "sk");
    private static final Pattern IN_LIST = Pattern.compile("\\bIN\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        List<String> problems = new ArrayList<>();
        switch (request) {
            case PutItemRequest put -> {
                item(put.item(), problems);
                expressions(problems, put.conditionExpression());
            }
            case UpdateItemRequest update -> {
                key(update.key(), problems);
                expressions(problems, update.updateExpression(), update.conditionExpression());
            }
            case DeleteItemRequest delete -> {
                key(delete.key(), problems);
                expressions(problems, delete.conditionExpression());
            }
            case GetItemRequest get -> key(get.key(), problems);
            case QueryRequest query -> {
                expressions(problems, query.keyConditionExpression(), query.filterExpression());
                if (query.hasExclusiveStartKey()) {
                    key(query.exclusiveStartKey(), problems);
                }
                if (query.limit() != null && query.limit() < 1) {
                    problems.add("Limit must be at least 1");
                }
            }
            default -> {}
        }
        if (!problems.isEmpty()) {
            String message = "DynamoDB would refuse this request: " + String.join("; ", problems);
            throw DynamoDbException.builder()
                    .statusCode(400)
                    .message(message)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ValidationException")
                            .errorMessage(message)
                            .serviceName("DynamoDb")
                            .build())
                    .build();
        }
    }

    private static void item(Map<String, AttributeValue> item, List<String> problems) {
        key(item, problems);
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + size(attribute.getValue());
        }
        if (size > MAX_ITEM_BYTES) {
            problems.add("Item size has exceeded the maximum allowed size (" + size + " bytes)");
        }
    }

    private static void key(Map<String, AttributeValue> key, List<String> problems) {
        for (String name : KEY_ATTRIBUTES) {
            AttributeValue value = key.get(name);
            if (value == null || value.s() == null) {
                continue;
            }
            int bytes = utf8(value.s());
            int max = name.equals("pk") ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES;
            if (bytes == 0) {
                problems.add("One or more parameter values are not valid: the key attribute " + name + " is empty");
            } else if (bytes > max) {
                problems.add("The key attribute " + name + " is " + bytes + " bytes, more than " + max);
            }
        }
    }

    private static void expressions(List<String> problems, String... expressions) {
        for (String expression : expressions) {
            if (expression == null) {
                continue;
            }
            if (utf8(expression) > MAX_EXPRESSION_BYTES) {
                problems.add("An expression is longer than " + MAX_EXPRESSION_BYTES + " bytes");
            }
            Matcher in = IN_LIST.matcher(expression);
            while (in.find()) {
                int operands = in.group(1).split(",").length;
                if (operands > MAX_IN_OPERANDS) {
                    problems.add("The IN operator has " + operands + " operands, more than " + MAX_IN_OPERANDS);
                }
            }
        }
    }

    /** An attribute value's size as DynamoDB counts it (numbers approximately, never less). */
    private static long size(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return value.n().length() / 2 + 2;
        }
        if (value.b() != null) {
            return value.b().asByteArray().length;
        }
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
            return 1;
        }
        long size = 3;
        if (value.hasM()) {
            for (Map.Entry<String, AttributeValue> member : value.m().entrySet()) {
                size += utf8(member.getKey()) + size(member.getValue()) + 1;
            }
        }
        if (value.hasL()) {
            for (AttributeValue element : value.l()) {
                size += size(element) + 1;
            }
        }
        if (value.hasSs()) {
            size += value.ss().stream().mapToLong(DynamoDbLimits::utf8).sum();
        }
        return size;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
