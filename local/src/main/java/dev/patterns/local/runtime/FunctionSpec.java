package dev.patterns.local.runtime;

import dev.patterns.local.provision.ProvisionedStack;
import dev.patterns.local.template.Maps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One AWS::Serverless::Function as the local runtime needs it: the template's Globals merged in
 * the way SAM merges them (scalars overridden, Environment variables and Layers combined) and
 * every intrinsic resolved to an emulator resource.
 */
public record FunctionSpec(String logicalId, String functionName, String handler, String runtime, int timeoutSeconds,
        int memoryMb, String codeUri, List<String> layerIds, Map<String, String> environment, String logFormat,
        Map<String, EventSpec> events, Map<String, Object> properties) {

    /** One entry of the function's Events section, with resolved properties. */
    public record EventSpec(String name, String type, Map<String, Object> properties) {
    }

    public static List<FunctionSpec> all(ProvisionedStack stack) {
        return stack.template().logicalIdsOfType("AWS::Serverless::Function").stream()
                .filter(stack::isProvisioned)
                .map(id -> of(stack, id))
                .toList();
    }

    public static FunctionSpec of(ProvisionedStack stack, String logicalId) {
        Map<String, Object> globals = stack.template().functionGlobals();
        Map<String, Object> own = stack.template().properties(logicalId);
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        merged.putAll(own);

        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> source : List.of(globals, own)) {
            Object variables = source.get("Environment") instanceof Map<?, ?> env ? env.get("Variables") : null;
            if (variables != null) {
                Maps.map(stack.intrinsics().resolve(variables), logicalId + ".Environment.Variables")
                        .forEach((name, value) -> environment.put(name, Maps.string(value, name)));
            }
        }
        List<String> layers = new ArrayList<>();
        for (Map<String, Object> source : List.of(globals, own)) {
            if (source.get("Layers") instanceof List<?> list) {
                for (Object layer : list) {
                    if (layer instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id) {
                        layers.add(id);
                    }
                }
            }
        }
        Map<String, EventSpec> events = new LinkedHashMap<>();
        if (own.get("Events") instanceof Map<?, ?> declared) {
            Maps.map(declared, logicalId + ".Events").forEach((name, definition) -> {
                Map<String, Object> event = Maps.map(definition, name);
                Object properties = event.get("Properties");
                events.put(name, new EventSpec(name, (String) event.get("Type"),
                        properties == null ? Map.of() : Maps.map(stack.intrinsics().resolve(properties), name)));
            });
        }
        String logFormat = merged.get("LoggingConfig") instanceof Map<?, ?> logging && logging.get("LogFormat") != null
                ? String.valueOf(logging.get("LogFormat")) : "Text";
        return new FunctionSpec(logicalId,
                stack.ref(logicalId),
                stack.intrinsics().resolveString(merged.get("Handler"), logicalId + ".Handler"),
                stack.intrinsics().resolveString(merged.getOrDefault("Runtime", "java25"), logicalId + ".Runtime"),
                Integer.parseInt(stack.intrinsics().resolveString(merged.getOrDefault("Timeout", 3), logicalId + ".Timeout")),
                Integer.parseInt(stack.intrinsics().resolveString(merged.getOrDefault("MemorySize", 128), logicalId + ".MemorySize")),
                stack.intrinsics().resolveString(merged.get("CodeUri"), logicalId + ".CodeUri"),
                List.copyOf(layers), java.util.Collections.unmodifiableMap(environment), logFormat,
                java.util.Collections.unmodifiableMap(events), own);
    }

    public String functionArn(String region, String accountId) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }
}
