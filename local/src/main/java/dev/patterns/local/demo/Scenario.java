package dev.patterns.local.demo;

import dev.patterns.local.LocalSession;

/** One pattern's end-to-end run in the local mode, from its sample events. */
public interface Scenario {

    ScenarioReport run(LocalSession session) throws Exception;
}
