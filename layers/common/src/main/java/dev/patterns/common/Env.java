package dev.patterns.common;

import java.util.Map;
import java.util.Optional;

/**
 * Function configuration, read once at start-up. A missing variable fails the init phase with a
 * message naming it, instead of a NullPointerException on the first invocation.
 */
public final class Env {

    private final Map<String, String> variables;

    public Env(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException(
                "Environment variable " + name + " is not set; the template's Environment section must define it"));
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    public long requiredLong(String name) {
        String value = required(name);
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Environment variable " + name + " must be a whole number, was '" + value + "'", e);
        }
    }

    public long optionalLong(String name, long fallback) {
        return optional(name).isPresent() ? requiredLong(name) : fallback;
    }
}
