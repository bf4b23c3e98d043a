package dev.patterns.local.template;

import java.util.List;
import java.util.Map;

/** Typed views of the untyped YAML tree, failing with the path of what was expected. */
public final class Maps {

    private Maps() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(where + " should be a mapping, was " + value);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value, String where) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException(where + " should be a list, was " + value);
    }

    public static String string(Object value, String where) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new IllegalArgumentException(where + " should be a string, was " + value);
    }
}
