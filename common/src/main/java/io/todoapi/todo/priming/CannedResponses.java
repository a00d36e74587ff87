package io.todoapi.todo.priming;

/**
 * What DynamoDB answers to the priming requests (see {@link PrimingEvents}): success for every write, and the
 * priming todo for every read, so that the SDK unmarshals an item and the function builds a full response.
 */
final class CannedResponses {

    static final String ITEM = "{"
            + "\"pk\":{\"S\":\"USER#" + PrimingEvents.OWNER + "\"},"
            + "\"sk\":{\"S\":\"TODO#" + PrimingEvents.TODO_ID + "\"},"
            + "\"title\":{\"S\":\"Prime the function\"},"
            + "\"description\":{\"S\":\"Warms JSON, validation and SDK marshalling before the snapshot\"},"
            + "\"completed\":{\"BOOL\":false},"
            + "\"dueDate\":{\"S\":\"2026-12-31\"},"
            + "\"createdAt\":{\"S\":\"2026-01-01T00:00:00.000Z\"},"
            + "\"updatedAt\":{\"S\":\"2026-01-01T00:00:00.000Z\"},"
            + "\"version\":{\"N\":\"1\"}}";

    private CannedResponses() {}

    static String forOperation(String operation) {
        return switch (operation) {
            case "GetItem" -> "{\"Item\":" + ITEM + "}";
            case "Query" -> "{\"Items\":[" + ITEM + "],\"Count\":1,\"ScannedCount\":1}";
            case "UpdateItem" -> "{\"Attributes\":" + ITEM + "}";
            default -> "{}"; // PutItem, DeleteItem: success without return values
        };
    }
}
