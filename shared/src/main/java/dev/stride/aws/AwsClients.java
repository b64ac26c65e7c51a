package dev.stride.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * AWS SDK clients built for a fast cold start: everything the SDK would otherwise discover by
 * probing (region, credentials, HTTP client) is given explicitly, read from the function's
 * environment ({@code dev.stride.Env}).
 *
 * <ul>
 *   <li>Region: {@code AWS_REGION} (Lambda sets it), else {@code AWS_DEFAULT_REGION}.</li>
 *   <li>Credentials: the execution role's, as Lambda hands them over. A SnapStart function gets
 *       them from the container credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}),
 *       an on-demand one from {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/
 *       {@code AWS_SESSION_TOKEN}. No provider chain: no profile files read, no IMDS probe.</li>
 *   <li>HTTP: the JDK's URLConnection client, the one with the least to load (no Netty, no Apache
 *       HttpClient, no native CRT library).</li>
 *   <li>Endpoint: {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} or {@code AWS_ENDPOINT_URL} when set
 *       (LocalStack, a test server), else the service's regional endpoint.</li>
 * </ul>
 */
public final class AwsClients {

    public static final String AWS_REGION = "AWS_REGION";
    public static final String AWS_DEFAULT_REGION = "AWS_DEFAULT_REGION";
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    public static final String AWS_ENDPOINT_URL_SECRETS_MANAGER = "AWS_ENDPOINT_URL_SECRETS_MANAGER";
    static final String CONTAINER_CREDENTIALS_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

    private final Map<String, String> env;

    public AwsClients(Map<String, String> env) {
        this.env = env;
    }

    public Region region() {
        String region = firstSet(AWS_REGION, AWS_DEFAULT_REGION);
        if (region == null) {
            throw new IllegalStateException("set " + AWS_REGION + " (Lambda sets it) to use AWS services");
        }
        return Region.of(region);
    }

    public AwsCredentialsProvider credentials() {
        if (firstSet(CONTAINER_CREDENTIALS_URI) != null) {
            // SnapStart: Lambda serves the role's credentials here, fresh after every restore,
            // instead of in environment variables.
            return ContainerCredentialsProvider.builder().build();
        }
        // Read on every use, not once: a test or the local server may change them.
        return () -> {
            String accessKey = firstSet("AWS_ACCESS_KEY_ID");
            String secretKey = firstSet("AWS_SECRET_ACCESS_KEY");
            if (accessKey == null || secretKey == null) {
                throw new IllegalStateException("no AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set");
            }
            String sessionToken = firstSet("AWS_SESSION_TOKEN");
            return sessionToken == null
                    ? AwsBasicCredentials.create(accessKey, secretKey)
                    : AwsSessionCredentials.create(accessKey, secretKey, sessionToken);
        };
    }

    public SecretsManagerClient secretsManager() {
        var builder = SecretsManagerClient.builder()
                .region(region())
                .credentialsProvider(credentials())
                .httpClient(httpClient());
        String endpoint = firstSet(AWS_ENDPOINT_URL_SECRETS_MANAGER, AWS_ENDPOINT_URL);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5))
                .build();
    }

    private String firstSet(String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
