package dev.patterns.local.runtime;

import dev.patterns.local.template.Template;
import java.util.Map;
import java.util.Optional;

/**
 * A function's or layer's size and cold-start budget, from its {@code Metadata: Budget} in the
 * template: {@code PackageKB} (the zipped artifact) and, for functions, {@code ColdStartMs} (the
 * benchmark's p50 from process launch to the first response).
 */
public record Budget(long packageKb, Optional<Long> coldStartMs) {

    public static Optional<Budget> of(Template template, String logicalId) {
        if (!(template.resource(logicalId).get("Metadata") instanceof Map<?, ?> metadata)
                || !(metadata.get("Budget") instanceof Map<?, ?> budget) || budget.get("PackageKB") == null) {
            return Optional.empty();
        }
        Object coldStart = budget.get("ColdStartMs");
        return Optional.of(new Budget(Long.parseLong(String.valueOf(budget.get("PackageKB"))),
                Optional.ofNullable(coldStart).map(value -> Long.parseLong(String.valueOf(value)))));
    }
}
