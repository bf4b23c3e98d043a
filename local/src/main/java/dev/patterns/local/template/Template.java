package dev.patterns.local.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed SAM template: its parameters, resources and function globals, read-only. */
public final class Template {

    private final Path file;
    private final Map<String, Object> document;

    private Template(Path file, Map<String, Object> document) {
        this.file = file;
        this.document = document;
    }

    public static Template load(Path file) {
        try {
            return new Template(file.toAbsolutePath().normalize(), CfnYaml.read(file));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read template " + file + ": " + e.getMessage(), e);
        }
    }

    /** The directory the template's CodeUri and ContentUri paths are relative to. */
    public Path baseDirectory() {
        return file.getParent();
    }

    public Path file() {
        return file;
    }

    public Map<String, Object> resources() {
        return section("Resources");
    }

    public Map<String, Object> resource(String logicalId) {
        Object resource = resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("No resource '" + logicalId + "' in " + file + "; it has " + resources().keySet());
        }
        return Maps.map(resource, logicalId);
    }

    public String type(String logicalId) {
        return (String) resource(logicalId).get("Type");
    }

    public Map<String, Object> properties(String logicalId) {
        Object properties = resource(logicalId).get("Properties");
        return properties == null ? Map.of() : Maps.map(properties, logicalId + ".Properties");
    }

    public List<String> logicalIdsOfType(String type) {
        return resources().entrySet().stream()
                .filter(entry -> type.equals(Maps.map(entry.getValue(), entry.getKey()).get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Parameter defaults, overridden by {@code overrides}; a parameter with neither is an error. */
    public Map<String, String> parameterValues(Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        section("Parameters").forEach((name, definition) -> {
            Object fallback = Maps.map(definition, name).get("Default");
            String value = overrides.containsKey(name) ? overrides.get(name) : fallback == null ? null : String.valueOf(fallback);
            if (value == null) {
                throw new IllegalArgumentException("Template parameter " + name + " has no Default; pass a value for it");
            }
            values.put(name, value);
        });
        overrides.keySet().stream().filter(name -> !values.containsKey(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("Unknown template parameter " + name);
        });
        return values;
    }

    /** Parameters whose Ref is a list (CommaDelimitedList, List&lt;...&gt;). */
    public java.util.Set<String> listParameters() {
        java.util.Set<String> names = new java.util.HashSet<>();
        section("Parameters").forEach((name, definition) -> {
            String type = String.valueOf(Maps.map(definition, name).get("Type"));
            if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
                names.add(name);
            }
        });
        return names;
    }

    public Map<String, Object> conditions() {
        return section("Conditions");
    }

    public Map<String, Object> functionGlobals() {
        Object function = section("Globals").get("Function");
        return function == null ? Map.of() : Maps.map(function, "Globals.Function");
    }

    /** The Outputs section: name -> {Description, Value, ...}. */
    public Map<String, Object> outputs() {
        return section("Outputs");
    }

    public Optional<Object> output(String name) {
        Object output = section("Outputs").get(name);
        return output == null ? Optional.empty() : Optional.ofNullable(Maps.map(output, name).get("Value"));
    }

    private Map<String, Object> section(String name) {
        Object section = document.get(name);
        return section == null ? Map.of() : Maps.map(section, name);
    }
}
