package dev.patterns.local.provision;

import dev.patterns.local.template.Maps;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;

/** The template's S3 key filter ({@code S3Key: {Rules: [{Name: prefix, Value: ...}]}}) as the S3 API takes it. */
public final class S3Notifications {

    private S3Notifications() {
    }

    public static NotificationConfigurationFilter filter(Object declared) {
        if (declared instanceof Map<?, ?> filter && filter.get("S3Key") instanceof Map<?, ?> key && key.get("Rules") instanceof List<?> rules) {
            return NotificationConfigurationFilter.builder().key(k -> k.filterRules(rules.stream().map(rule -> Maps.map(rule, "Rule"))
                    .map(rule -> FilterRule.builder().name(String.valueOf(rule.get("Name")).toLowerCase(Locale.ROOT))
                            .value(String.valueOf(rule.get("Value"))).build())
                    .toList())).build();
        }
        return null;
    }
}
