package dev.stride.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class AwsClientsTest {

    @Test
    void credentials_whenLambdaGivesKeysInEnvironment_thenThoseWithTheSessionToken() {
        var clients = new AwsClients(Map.of("AWS_ACCESS_KEY_ID", "AKIDSTRIDETEST",
                "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token"));

        var credentials = clients.credentials().resolveCredentials();

        assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
        assertThat(credentials.accessKeyId()).isEqualTo("AKIDSTRIDETEST");
        assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo("token");
    }

    @Test
    void credentials_whenSnapStartContainerEndpointSet_thenReadFromIt() {
        // Lambda gives a SnapStart function no key variables, only this endpoint.
        var clients = new AwsClients(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials"));

        assertThat(clients.credentials()).isInstanceOf(ContainerCredentialsProvider.class);
    }

    @Test
    void region_whenOnlyDefaultRegionSet_thenThatOneAndNoneIsAnError() {
        assertThat(new AwsClients(Map.of("AWS_DEFAULT_REGION", "eu-central-1")).region()).isEqualTo(Region.EU_CENTRAL_1);
        assertThatThrownBy(() -> new AwsClients(Map.of()).region()).hasMessageContaining("AWS_REGION");
    }
}
