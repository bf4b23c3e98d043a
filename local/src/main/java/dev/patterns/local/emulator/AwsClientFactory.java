package dev.patterns.local.emulator;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** SDK clients of the local mode and the tests, pointed at the emulator with dummy credentials. */
public record AwsClientFactory(URI endpoint) {

    public <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C create(B builder) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(Emulator.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
