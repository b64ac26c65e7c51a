package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponsesTest {

    @Test
    void uriPath_whenDecodedPathHasSpacesPercentOrUnicode_thenEncodedAgain() {
        assertThat(Responses.uriPath("/runs/ 1")).isEqualTo("/runs/%201");
        assertThat(Responses.uriPath("/runs/100%")).isEqualTo("/runs/100%25");
        assertThat(Responses.uriPath("/users/é/runs")).isEqualTo("/users/%C3%A9/runs");
        assertThat(Responses.uriPath("/users/me/runs")).isEqualTo("/users/me/runs");
    }
}
