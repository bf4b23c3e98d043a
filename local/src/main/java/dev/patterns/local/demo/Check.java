package dev.patterns.local.demo;

/** One expected outcome of a scenario, and whether it held. */
public record Check(String expectation, boolean held, String observed) {

    public static Check that(String expectation, boolean held, Object observed) {
        return new Check(expectation, held, String.valueOf(observed));
    }
}
