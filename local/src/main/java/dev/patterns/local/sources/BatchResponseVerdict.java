package dev.patterns.local.sources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.local.template.Json;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lambda's reading of a function's answer to an SQS batch. With ReportBatchItemFailures: a null
 * or empty response, or an empty or null {@code batchItemFailures}, means every record
 * succeeded; listed identifiers come back; an identifier that is null, empty or not in the batch,
 * or a response that is not the expected JSON, fails the whole batch. A function error or
 * timeout always returns the whole batch. Without ReportBatchItemFailures, any success deletes
 * every record.
 */
public record BatchResponseVerdict(Set<String> returned, String reason) {

    public static BatchResponseVerdict of(InvocationResult result, List<String> batchIds, boolean reportBatchItemFailures) {
        Set<String> all = new LinkedHashSet<>(batchIds);
        if (!(result instanceof InvocationResult.Success success)) {
            return new BatchResponseVerdict(all, "invocation failed (" + describe(result) + "): whole batch returned");
        }
        if (!reportBatchItemFailures) {
            return new BatchResponseVerdict(Set.of(), "success: whole batch deleted");
        }
        String payload = success.payload() == null ? "" : success.payload().trim();
        if (payload.isEmpty() || payload.equals("null")) {
            return new BatchResponseVerdict(Set.of(), "empty response: whole batch deleted");
        }
        JsonNode response;
        try {
            response = Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            return new BatchResponseVerdict(all, "response is not JSON: whole batch returned");
        }
        if (!response.isObject()) {
            return new BatchResponseVerdict(all, "response is not a JSON object: whole batch returned");
        }
        JsonNode failures = response.get("batchItemFailures");
        if (failures == null || failures.isNull() || failures.isArray() && failures.isEmpty()) {
            return new BatchResponseVerdict(Set.of(), "no batch item failures: whole batch deleted");
        }
        if (!failures.isArray()) {
            return new BatchResponseVerdict(all, "batchItemFailures is not a list: whole batch returned");
        }
        Set<String> returned = new LinkedHashSet<>();
        for (JsonNode failure : failures) {
            JsonNode identifier = failure.get("itemIdentifier");
            String id = identifier == null || identifier.isNull() ? "" : identifier.asText();
            if (id.isEmpty() || !all.contains(id)) {
                return new BatchResponseVerdict(all, "itemIdentifier '" + id + "' is empty or not in the batch: whole batch returned");
            }
            returned.add(id);
        }
        return new BatchResponseVerdict(returned, returned.size() + " batch item failure(s) returned, the rest deleted");
    }

    private static String describe(InvocationResult result) {
        return switch (result) {
            case InvocationResult.FunctionError error -> error.errorType() + ": " + error.errorMessage();
            case InvocationResult.TimedOut timedOut -> "timed out after " + timedOut.timeout().toSeconds() + " s";
            case InvocationResult.Success success -> "success";
        };
    }
}
