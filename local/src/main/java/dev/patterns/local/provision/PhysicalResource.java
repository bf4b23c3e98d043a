package dev.patterns.local.provision;

import java.util.Map;

/** A resource as created in the emulator: what Ref returns and what Fn::GetAtt can read. */
public record PhysicalResource(String logicalId, String type, String ref, Map<String, Object> attributes) {

    public PhysicalResource {
        attributes = Map.copyOf(attributes);
    }
}
