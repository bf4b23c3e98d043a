package dev.patterns.local.provision;

import dev.patterns.local.emulator.AwsClientFactory;
import dev.patterns.local.emulator.Emulator;
import dev.patterns.local.template.Intrinsics;
import dev.patterns.local.template.Maps;
import dev.patterns.local.template.Template;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates the template's resources in the emulator, in dependency order, through the same AWS
 * APIs CloudFormation would call. moto's own CloudFormation runs no SAM transform and skips the
 * types it lacks, so the suite provisions the template itself: SAM functions and layers get
 * their physical names (the local runtime plays Lambda), everything with an emulator
 * counterpart is created, and the rest is listed as skipped with a reason.
 */
public final class Provisioner {

    private final ResourceCreators creators;

    public Provisioner(AwsClientFactory clients) {
        this.creators = new ResourceCreators(clients);
    }

    public ProvisionedStack provision(Template template, String stackName, Map<String, String> parameterOverrides) {
        ProvisionedStack stack = new ProvisionedStack(template, stackName, template.parameterValues(parameterOverrides));
        for (String logicalId : dependencyOrder(template)) {
            Map<String, Object> resource = template.resource(logicalId);
            if (resource.get("Condition") instanceof String condition && !stack.intrinsics().condition(condition)) {
                stack.skip(logicalId, "condition " + condition + " is false");
                continue;
            }
            creators.create(stack, logicalId, template.type(logicalId), template.properties(logicalId));
        }
        return stack;
    }

    /** Logical ids, each after everything it references or DependsOn. */
    static List<String> dependencyOrder(Template template) {
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        Set<String> ids = template.resources().keySet();
        for (String id : ids) {
            Map<String, Object> resource = template.resource(id);
            Set<String> needs = new LinkedHashSet<>(Intrinsics.references(resource.get("Properties")));
            Object dependsOn = resource.get("DependsOn");
            if (dependsOn instanceof String single) {
                needs.add(single);
            } else if (dependsOn instanceof List<?> many) {
                many.forEach(item -> needs.add(String.valueOf(item)));
            }
            needs.retainAll(ids);
            needs.remove(id);
            dependencies.put(id, needs);
        }
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String id : ids) {
            visit(id, dependencies, done, visiting, order);
        }
        return order;
    }

    private static void visit(String id, Map<String, Set<String>> dependencies, Set<String> done, Set<String> visiting, List<String> order) {
        if (done.contains(id)) {
            return;
        }
        if (!visiting.add(id)) {
            throw new IllegalArgumentException("Circular dependency in the template involving " + id);
        }
        for (String needed : dependencies.get(id)) {
            visit(needed, dependencies, done, visiting, order);
        }
        visiting.remove(id);
        done.add(id);
        order.add(id);
    }

    static String generatedName(ProvisionedStack stack, String logicalId, int maxLength) {
        String name = stack.stackName() + "-" + logicalId;
        return name.length() <= maxLength ? name : name.substring(0, maxLength);
    }

    static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + Emulator.REGION + ":" + Emulator.ACCOUNT_ID + ":" + resource;
    }

    static Map<String, Object> resolved(ProvisionedStack stack, Map<String, Object> properties, String where) {
        return Maps.map(stack.intrinsics().resolve(properties), where);
    }
}
