package dev.patterns.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Evaluates CloudFormation intrinsic functions against parameter values, pseudo parameters,
 * conditions and the physical resources the provisioner created.
 */
public final class Intrinsics {

    /** Physical identities of resources, as the provisioner knows them. */
    public interface Resources {
        Object ref(String logicalId);

        Object attribute(String logicalId, String attribute);
    }

    /** What {@code Ref AWS::NoValue} evaluates to: the enclosing key or list item is removed. */
    private static final Object NO_VALUE = new Object();

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]+)}");

    private final Map<String, String> parameters;
    private final java.util.Set<String> listParameters;
    private final Map<String, Object> conditions;
    private final Map<String, String> pseudo;
    private final Resources resources;

    public Intrinsics(Map<String, String> parameters, Map<String, Object> conditions, String region, String accountId,
            String stackName, Resources resources) {
        this(parameters, java.util.Set.of(), conditions, region, accountId, stackName, resources);
    }

    public Intrinsics(Map<String, String> parameters, java.util.Set<String> listParameters, Map<String, Object> conditions,
            String region, String accountId, String stackName, Resources resources) {
        this.parameters = parameters;
        this.listParameters = listParameters;
        this.conditions = conditions;
        this.resources = resources;
        this.pseudo = Map.of(
                "AWS::Region", region,
                "AWS::AccountId", accountId,
                "AWS::StackName", stackName,
                "AWS::StackId", "arn:aws:cloudformation:" + region + ":" + accountId + ":stack/" + stackName + "/local",
                "AWS::Partition", "aws",
                "AWS::URLSuffix", "amazonaws.com");
    }

    /** Resolves every intrinsic in {@code value}, recursively; {@code AWS::NoValue} entries vanish. */
    public Object resolve(Object value) {
        if (value instanceof Map<?, ?> raw) {
            Map<String, Object> map = Maps.map(raw, "value");
            if (map.size() == 1) {
                Map.Entry<String, Object> only = map.entrySet().iterator().next();
                if (only.getKey().equals("Ref") || only.getKey().startsWith("Fn::") || only.getKey().equals("Condition") && !(only.getValue() instanceof Map)) {
                    return function(only.getKey(), only.getValue());
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                Object resolvedItem = resolve(item);
                if (resolvedItem != NO_VALUE) {
                    resolved.put(key, resolvedItem);
                }
            });
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object item : list) {
                Object resolvedItem = resolve(item);
                if (resolvedItem != NO_VALUE) {
                    resolved.add(resolvedItem);
                }
            }
            return resolved;
        }
        return value;
    }

    public String resolveString(Object value, String where) {
        return Maps.string(resolve(value), where);
    }

    public boolean condition(String name) {
        Object definition = conditions.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("Unknown condition " + name);
        }
        return truth(resolve(definition));
    }

    /** The names (resources or parameters) a value refers to, for ordering the provisioning. */
    public static Set<String> references(Object value) {
        Set<String> found = new java.util.LinkedHashSet<>();
        collectReferences(value, found);
        return found;
    }

    private static void collectReferences(Object value, Set<String> found) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                if ("Ref".equals(key) && item instanceof String id && !id.startsWith("AWS::")) {
                    found.add(id);
                } else if ("Fn::GetAtt".equals(key) && item instanceof List<?> parts && !parts.isEmpty()) {
                    found.add(String.valueOf(parts.getFirst()));
                } else if ("Fn::Sub".equals(key)) {
                    String text = item instanceof List<?> parts ? String.valueOf(parts.getFirst()) : String.valueOf(item);
                    Set<?> local = item instanceof List<?> parts && parts.size() > 1 && parts.get(1) instanceof Map<?, ?> variables
                            ? variables.keySet() : Set.of();
                    Matcher matcher = SUB_VARIABLE.matcher(text);
                    while (matcher.find()) {
                        String name = matcher.group(2);
                        if (matcher.group(1).isEmpty() && !name.startsWith("AWS::") && !local.contains(name)) {
                            found.add(name.split("\\.")[0]);
                        }
                    }
                    if (item instanceof List<?> parts && parts.size() > 1) {
                        collectReferences(parts.get(1), found);
                    }
                } else {
                    collectReferences(item, found);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, found));
        }
    }

    private Object function(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref(Maps.string(argument, "Ref"));
            case "Condition" -> condition(Maps.string(argument, "Condition"));
            case "Fn::GetAtt" -> {
                List<Object> parts = Maps.list(resolve(argument), "Fn::GetAtt");
                yield resources.attribute(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
            }
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> {
                List<Object> parts = Maps.list(argument, "Fn::Join");
                String delimiter = Maps.string(parts.get(0), "Fn::Join delimiter");
                yield Maps.list(resolve(parts.get(1)), "Fn::Join values").stream()
                        .map(item -> Maps.string(item, "Fn::Join value")).collect(Collectors.joining(delimiter));
            }
            case "Fn::Select" -> {
                List<Object> parts = Maps.list(argument, "Fn::Select");
                int index = Integer.parseInt(Maps.string(resolve(parts.get(0)), "Fn::Select index"));
                yield Maps.list(resolve(parts.get(1)), "Fn::Select list").get(index);
            }
            case "Fn::Split" -> {
                List<Object> parts = Maps.list(argument, "Fn::Split");
                String delimiter = Maps.string(parts.get(0), "Fn::Split delimiter");
                yield List.of((Object[]) resolveString(parts.get(1), "Fn::Split source").split(Pattern.quote(delimiter), -1));
            }
            case "Fn::If" -> {
                List<Object> parts = Maps.list(argument, "Fn::If");
                yield resolve(condition(Maps.string(parts.get(0), "Fn::If condition")) ? parts.get(1) : parts.get(2));
            }
            case "Fn::Equals" -> {
                List<Object> parts = Maps.list(resolve(argument), "Fn::Equals");
                yield String.valueOf(parts.get(0)).equals(String.valueOf(parts.get(1)));
            }
            case "Fn::Not" -> !truth(Maps.list(resolve(argument), "Fn::Not").getFirst());
            case "Fn::And" -> Maps.list(resolve(argument), "Fn::And").stream().allMatch(Intrinsics::truth);
            case "Fn::Or" -> Maps.list(resolve(argument), "Fn::Or").stream().anyMatch(Intrinsics::truth);
            case "Fn::GetAZs" -> List.of(pseudo.get("AWS::Region") + "a", pseudo.get("AWS::Region") + "b", pseudo.get("AWS::Region") + "c");
            case "Fn::ToJsonString" -> Json.write(resolve(argument));
            case "Fn::Base64" -> java.util.Base64.getEncoder().encodeToString(resolveString(argument, "Fn::Base64").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            default -> throw new UnsupportedOperationException("The local mode does not evaluate " + name);
        };
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (pseudo.containsKey(name)) {
            return pseudo.get(name);
        }
        if (parameters.containsKey(name)) {
            return listParameters.contains(name) ? List.of((Object[]) parameters.get(name).split(",")) : parameters.get(name);
        }
        return resources.ref(name);
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> parts) {
            text = Maps.string(parts.get(0), "Fn::Sub template");
            variables = Maps.map(resolve(parts.get(1)), "Fn::Sub variables");
        } else {
            text = Maps.string(argument, "Fn::Sub");
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            String replacement;
            if (!matcher.group(1).isEmpty()) {
                replacement = "${" + name + "}";
            } else if (variables.containsKey(name)) {
                replacement = Maps.string(variables.get(name), "Fn::Sub variable " + name);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = Maps.string(resources.attribute(name.substring(0, dot), name.substring(dot + 1)), name);
            } else {
                replacement = Maps.string(ref(name), name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }
}
