package dev.patterns.common;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Builds SDK clients the same way for every function: the URL-connection HTTP client (smallest
 * and quickest to start) and everything else from the environment. The endpoint is never set
 * here: the SDK reads AWS_ENDPOINT_URL itself, which is how the local mode points functions at
 * the emulator without a line of emulator code in them.
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C create(B builder) {
        return builder.httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
