package dev.patterns.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;

/**
 * A WireMock proxy in front of the emulator that records every request, so a test can assert on
 * exactly what a piece of code sent over the wire (which operations, to which service).
 */
public final class RecordingProxy implements AutoCloseable {

    private final WireMockServer server;

    public RecordingProxy(URI target) {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(target.toString())));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public List<LoggedRequest> requests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    }

    /** The AWS operation of a request, whichever protocol carried it (query Action=, JSON X-Amz-Target). */
    public static String operation(LoggedRequest request) {
        String target = request.getHeader("X-Amz-Target");
        if (target != null && !target.isBlank()) {
            return target.substring(target.lastIndexOf('.') + 1);
        }
        for (String pair : request.getBodyAsString().split("&")) {
            if (pair.startsWith("Action=")) {
                return pair.substring("Action=".length());
            }
        }
        return request.getMethod() + " " + request.getUrl();
    }

    /** The signing service of a request, from its SigV4 Authorization header. */
    public static String service(LoggedRequest request) {
        String authorization = request.getHeader("Authorization");
        String[] scope = authorization.substring(authorization.indexOf("Credential=") + "Credential=".length()).split(",")[0].split("/");
        return scope[3];
    }

    @Override
    public void close() {
        server.stop();
    }
}
