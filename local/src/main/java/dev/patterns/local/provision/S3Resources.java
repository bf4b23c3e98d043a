package dev.patterns.local.provision;

import dev.patterns.local.template.Maps;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/** AWS::S3::Bucket. */
final class S3Resources {

    private final S3Client s3;

    S3Resources(S3Client s3) {
        this.s3 = s3;
    }

    PhysicalResource bucket(ProvisionedStack stack, String logicalId, Map<String, Object> raw) {
        Map<String, Object> properties = Provisioner.resolved(stack, raw, logicalId);
        String name = properties.containsKey("BucketName")
                ? Maps.string(properties.get("BucketName"), logicalId + ".BucketName")
                : Provisioner.generatedName(stack, logicalId, 63).toLowerCase(Locale.ROOT);
        s3.createBucket(create -> create.bucket(name));
        return new PhysicalResource(logicalId, "AWS::S3::Bucket", name, Map.of(
                "Arn", "arn:aws:s3:::" + name,
                "DomainName", name + ".s3.amazonaws.com",
                "RegionalDomainName", name + ".s3.us-east-1.amazonaws.com"));
    }
}
