package dev.patterns.dlqredrive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a redrive moved (or, in a dry run, would move), and what is left. */
public record RedriveReport(String deadLetterQueueUrl, String sourceQueueUrl, boolean dryRun, List<Entry> entries, int remaining) {

    /**
     * One dead letter. {@code destination} is the queue URL or function ARN it goes (or, in a dry
     * run, would go) to; {@code newId} its message id in the source queue or the request id of
     * the new invocation; {@code alreadyMoved} marks one an interrupted earlier run had sent but
     * not yet deleted from the DLQ; {@code skipped} says why one was left in place (no
     * destination, or the destination refused it).
     */
    public record Entry(String deadLetterMessageId, String messageGroupId, String bodyPreview, int receiveCount, String destination,
            String newId, boolean alreadyMoved, String skipped) {
    }

    public RedriveReport {
        entries = List.copyOf(entries);
    }

    public long moved() {
        return dryRun ? 0 : entries.stream().filter(entry -> !entry.alreadyMoved() && entry.skipped() == null).count();
    }

    public long skipped() {
        return entries.stream().filter(entry -> entry.skipped() != null).count();
    }

    public long alreadyMoved() {
        return entries.stream().filter(Entry::alreadyMoved).count();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("deadLetterQueueUrl", deadLetterQueueUrl);
        if (sourceQueueUrl != null) {
            map.put("sourceQueueUrl", sourceQueueUrl);
        } else {
            map.put("reinvoked", "the function named in each Lambda destination record, asynchronously");
        }
        map.put("dryRun", dryRun);
        map.put(dryRun ? "wouldMove" : "moved", dryRun ? entries.size() - skipped() : moved());
        map.put("alreadyMovedByAnEarlierRun", alreadyMoved());
        map.put("skipped", skipped());
        map.put("remainingInDeadLetterQueue", remaining);
        map.put("messages", entries.stream().map(entry -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("deadLetterMessageId", entry.deadLetterMessageId());
            if (entry.messageGroupId() != null) {
                item.put("messageGroupId", entry.messageGroupId());
            }
            item.put("receiveCount", entry.receiveCount());
            item.put("bodyPreview", entry.bodyPreview());
            if (entry.destination() != null) {
                item.put("destination", entry.destination());
            }
            if (entry.newId() != null) {
                item.put(sourceQueueUrl != null ? "newMessageId" : "invocationRequestId", entry.newId());
            }
            if (entry.skipped() != null) {
                item.put("skipped", entry.skipped());
            }
            return item;
        }).toList());
        return map;
    }
}
