package dev.patterns.testsupport;

import dev.patterns.local.LocalSession;
import dev.patterns.local.emulator.Emulator;
import dev.patterns.local.emulator.ProjectPaths;
import dev.patterns.local.runtime.LogSink;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The test run's emulator: started once, on first use, by the test run itself, and stopped when
 * the run ends. Each test class gets a reset emulator with the template freshly provisioned
 * (honouring {@link TemplateParameters}), a local Lambda running the built artifacts, and the
 * functions' collected log lines.
 */
public final class EmulatorExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ProjectPaths paths = ProjectPaths.discover();
        Emulator emulator = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("emulator", key -> Emulator.start(paths), Emulator.class);
        Map<String, String> parameters = new LinkedHashMap<>();
        TemplateParameters overrides = context.getRequiredTestClass().getAnnotation(TemplateParameters.class);
        if (overrides != null) {
            for (String pair : overrides.value()) {
                parameters.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        LogSink.Collecting logs = new LogSink.Collecting();
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put("logs", logs);
        store.put("session", LocalSession.on(emulator, paths, parameters, logs));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalSession.class || type == LogSink.Collecting.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        return parameter.getParameter().getType() == LocalSession.class
                ? store.get("session", LocalSession.class)
                : store.get("logs", LogSink.Collecting.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
