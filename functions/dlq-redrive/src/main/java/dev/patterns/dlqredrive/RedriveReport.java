package dev.patterns.dlqredrive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a redrive moved (or, in a dry run, would move), and what is left. */
public record RedriveReport(String deadLetterQueueUrl, String sourceQueueUrl, boolean dryRun, List<Entry> entries, int remaining) {

    /**
     * One dead letter. {@code newMessageId} is its id in the source queue; {@code alreadyMoved}
     * marks one an interrupted earlier run had sent but not yet deleted from the DLQ.
     */
    public record Entry(String deadLetterMessageId, String messageGroupId, String bodyPreview, int receiveCount, String newMessageId,
            boolean alreadyMoved) {
    }

    public RedriveReport {
        entries = List.copyOf(entries);
    }

    public long moved() {
        return dryRun ? 0 : entries.stream().filter(entry -> !entry.alreadyMoved()).count();
    }

    public long alreadyMoved() {
        return entries.stream().filter(Entry::alreadyMoved).count();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("deadLetterQueueUrl", deadLetterQueueUrl);
        map.put("sourceQueueUrl", sourceQueueUrl);
        map.put("dryRun", dryRun);
        map.put(dryRun ? "wouldMove" : "moved", dryRun ? entries.size() : moved());
        map.put("alreadyMovedByAnEarlierRun", alreadyMoved());
        map.put("remainingInDeadLetterQueue", remaining);
        map.put("messages", entries.stream().map(entry -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("deadLetterMessageId", entry.deadLetterMessageId());
            if (entry.messageGroupId() != null) {
                item.put("messageGroupId", entry.messageGroupId());
            }
            item.put("receiveCount", entry.receiveCount());
            item.put("bodyPreview", entry.bodyPreview());
            if (entry.newMessageId() != null) {
                item.put("newMessageId", entry.newMessageId());
            }
            return item;
        }).toList());
        return map;
    }
}
