package dev.patterns.local.provision;

import dev.patterns.local.emulator.Emulator;
import dev.patterns.local.template.Intrinsics;
import dev.patterns.local.template.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template's resources as they exist in the emulator. Tests and the local mode look names up
 * here (by logical id or Output), never by restating them.
 */
public final class ProvisionedStack implements Intrinsics.Resources {

    private final Template template;
    private final String stackName;
    private final Map<String, String> parameters;
    private final Map<String, PhysicalResource> resources = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final List<RuleFunctionTarget> ruleFunctionTargets = new java.util.ArrayList<>();
    private final List<Runnable> afterWiring = new java.util.ArrayList<>();
    private final Intrinsics intrinsics;

    ProvisionedStack(Template template, String stackName, Map<String, String> parameters) {
        this.template = template;
        this.stackName = stackName;
        this.parameters = Map.copyOf(parameters);
        this.intrinsics = new Intrinsics(parameters, template.listParameters(), template.conditions(), Emulator.REGION, Emulator.ACCOUNT_ID,
                stackName, this);
    }

    public Template template() {
        return template;
    }

    public String stackName() {
        return stackName;
    }

    public Intrinsics intrinsics() {
        return intrinsics;
    }

    public String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No template parameter " + name);
        }
        return value;
    }

    void add(PhysicalResource resource) {
        resources.put(resource.logicalId(), resource);
    }

    /** A function a plain AWS::Events::Rule targets; the local mode taps it. */
    public record RuleFunctionTarget(String ruleName, String eventBusName, String functionLogicalId, String targetId) {
    }

    void addRuleFunctionTarget(RuleFunctionTarget target) {
        ruleFunctionTargets.add(target);
    }

    public List<RuleFunctionTarget> ruleFunctionTargets() {
        return List.copyOf(ruleFunctionTargets);
    }

    /** Work that must wait until the local mode has wired the functions' event sources. */
    void afterWiring(Runnable step) {
        afterWiring.add(step);
    }

    /** Runs the deferred steps once; the local session calls it after creating its taps. */
    public void finishWiring() {
        afterWiring.forEach(Runnable::run);
        afterWiring.clear();
    }

    void skip(String logicalId, String reason) {
        skipped.put(logicalId, reason);
    }

    /** Resources the local mode has no emulator counterpart for, with the reason. */
    public Map<String, String> skipped() {
        return Map.copyOf(skipped);
    }

    public boolean isProvisioned(String logicalId) {
        return resources.containsKey(logicalId);
    }

    public PhysicalResource resource(String logicalId) {
        PhysicalResource resource = resources.get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("Resource " + logicalId + " was not provisioned"
                    + (skipped.containsKey(logicalId) ? " (" + skipped.get(logicalId) + ")" : ""));
        }
        return resource;
    }

    public List<PhysicalResource> resources() {
        return List.copyOf(resources.values());
    }

    /** The physical resource whose ARN is {@code arn}. */
    public Optional<PhysicalResource> byArn(String arn) {
        return resources.values().stream().filter(resource -> arn.equals(resource.attributes().get("Arn"))).findFirst();
    }

    @Override
    public String ref(String logicalId) {
        return resource(logicalId).ref();
    }

    @Override
    public Object attribute(String logicalId, String attribute) {
        Object value = resource(logicalId).attributes().get(attribute);
        if (value == null) {
            throw new IllegalArgumentException("Fn::GetAtt " + logicalId + "." + attribute + " is not known locally");
        }
        return value;
    }

    /** An Output's value, resolved against the emulator's resources. */
    public String output(String name) {
        Object value = template.output(name).orElseThrow(() -> new IllegalArgumentException("No Output " + name + " in the template"));
        return intrinsics.resolveString(value, "Outputs." + name);
    }
}
