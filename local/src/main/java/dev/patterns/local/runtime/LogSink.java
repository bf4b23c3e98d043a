package dev.patterns.local.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Where a function's log lines go: printed by the CLI, collected by tests. */
@FunctionalInterface
public interface LogSink {

    void line(String functionLogicalId, String line);

    static LogSink printing() {
        return (function, line) -> System.out.println(line);
    }

    /** Keeps every line, for assertions. */
    final class Collecting implements LogSink {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void line(String functionLogicalId, String line) {
            lines.add(line);
        }

        public List<String> lines() {
            return List.copyOf(lines);
        }

        public void clear() {
            lines.clear();
        }
    }
}
