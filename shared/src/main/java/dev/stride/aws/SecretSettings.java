package dev.stride.aws;

import dev.stride.Env;
import java.util.Map;

/**
 * A setting that is a secret: given as its value for local use ({@code NAME}), or in the cloud as
 * the ARN of a Secrets Manager secret holding it ({@code NAME_SECRET_ARN}), read once through the
 * SDK. The template never puts a secret's value into an environment variable.
 */
public final class SecretSettings {

    public static final String ARN_SUFFIX = "_SECRET_ARN";

    private SecretSettings() {
    }

    /** {@code name}'s value, from the environment or from the secret it names; null if neither. */
    public static String get(String name) {
        return get(name, Env.all());
    }

    public static String get(String name, Map<String, String> env) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
            return value;
        }
        String arn = env.get(name + ARN_SUFFIX);
        if (arn == null || arn.isBlank()) {
            return null;
        }
        try (var client = new AwsClients(env).secretsManager()) {
            return client.getSecretValue(request -> request.secretId(arn.trim())).secretString();
        }
    }
}
