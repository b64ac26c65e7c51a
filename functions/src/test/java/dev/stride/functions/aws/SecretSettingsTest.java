package dev.stride.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.aws.SecretSettings;
import dev.stride.functions.support.SecretsManagerServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretSettingsTest {

    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:stride-cursor-key-XyZ123";

    @Test
    void get_whenOnlyTheSecretsArnIsSet_thenReadsTheValueThroughSecretsManager() throws Exception {
        try (var secretsManager = new SecretsManagerServer()) {
            secretsManager.put(ARN, "generated-cursor-key-of-sixty-four-characters");

            String value = SecretSettings.get("STRIDE_CURSOR_KEY", Map.of(
                    "STRIDE_CURSOR_KEY_SECRET_ARN", ARN,
                    "AWS_REGION", "eu-west-1",
                    "AWS_ENDPOINT_URL", secretsManager.endpoint(),
                    "AWS_ACCESS_KEY_ID", "AKIDSTRIDETEST",
                    "AWS_SECRET_ACCESS_KEY", "not-a-real-key"));

            assertThat(value).isEqualTo("generated-cursor-key-of-sixty-four-characters");
            assertThat(secretsManager.requests()).singleElement()
                    .satisfies(request -> assertThat(request.secretId()).isEqualTo(ARN));
        }
    }

    @Test
    void get_whenValueGivenDirectly_thenUsedWithoutAnyCall() {
        assertThat(SecretSettings.get("STRIDE_CURSOR_KEY", Map.of("STRIDE_CURSOR_KEY", "local-key",
                "STRIDE_CURSOR_KEY_SECRET_ARN", ARN))).isEqualTo("local-key");
        assertThat(SecretSettings.get("STRIDE_CURSOR_KEY", Map.of())).isNull();
    }
}
