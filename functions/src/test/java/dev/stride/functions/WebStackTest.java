package dev.stride.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.testkit.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app in the cloud (docs/web.md): infra/web.yaml hosts it privately behind CloudFront with
 * strict headers and the right caching; template.yaml signs it in through Cognito (code + PKCE, no
 * secret) and lets exactly its origin through CORS.
 */
class WebStackTest {

    private static ObjectNode web;
    private static ObjectNode template;

    @BeforeAll
    static void load() {
        web = SamTemplate.load(SamTemplate.projectRoot().resolve("infra/web.yaml"));
        template = SamTemplate.load();
    }

    @Test
    void bucket_whenDeclared_thenPrivateAndReadOnlyByThisDistribution() {
        JsonNode bucket = resource(web, "SiteBucket").path("Properties");
        JsonNode block = bucket.path("PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertThat(block.path(setting).asBoolean()).as(setting).isTrue();
        }
        assertThat(bucket.at("/OwnershipControls/Rules/0/ObjectOwnership").asText()).isEqualTo("BucketOwnerEnforced");

        JsonNode read = statement(resource(web, "SiteBucketPolicy"), "ReadThroughThisDistribution");
        assertThat(read.at("/Principal/Service").asText()).isEqualTo("cloudfront.amazonaws.com");
        assertThat(read.at("/Condition/StringEquals/AWS:SourceArn/Fn::Sub").asText()).endsWith(":distribution/${Distribution}");
        assertThat(statement(resource(web, "SiteBucketPolicy"), "TlsOnly").path("Effect").asText()).isEqualTo("Deny");

        JsonNode origin = resource(web, "Distribution").at("/Properties/DistributionConfig/Origins/0");
        assertThat(origin.at("/OriginAccessControlId/Fn::GetAtt/0").asText()).isEqualTo("OriginAccessControl");
        assertThat(origin.at("/S3OriginConfig/OriginAccessIdentity").asText()).as("no legacy OAI").isEmpty();
        assertThat(resource(web, "OriginAccessControl").at("/Properties/OriginAccessControlConfig/SigningBehavior").asText())
                .isEqualTo("always");
    }

    @Test
    void distribution_whenServing_thenHttpsOnlyHashedAssetsCachedPagesNot() {
        JsonNode config = resource(web, "Distribution").at("/Properties/DistributionConfig");
        JsonNode pages = config.path("DefaultCacheBehavior");
        JsonNode assets = config.at("/CacheBehaviors/0");

        assertThat(pages.path("ViewerProtocolPolicy").asText()).isEqualTo("https-only");
        assertThat(assets.path("ViewerProtocolPolicy").asText()).isEqualTo("https-only");
        assertThat(assets.path("PathPattern").asText()).isEqualTo("assets/*");
        assertThat(pages.at("/CachePolicyId/Fn::FindInMap/2").asText()).isEqualTo("CachingDisabled");
        assertThat(assets.at("/CachePolicyId/Fn::FindInMap/2").asText()).isEqualTo("CachingOptimized");
        assertThat(web.at("/Mappings/ManagedCachePolicies/Ids/CachingDisabled").asText())
                .isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
        assertThat(web.at("/Mappings/ManagedCachePolicies/Ids/CachingOptimized").asText())
                .isEqualTo("658327ea-f89d-4fab-a63d-7e88639e58f6");
        assertThat(cacheControl(pages)).isEqualTo("no-cache");
        assertThat(cacheControl(assets)).isEqualTo("public, max-age=31536000, immutable");
    }

    @Test
    void headers_whenSent_thenStrictCspAndHstsOnPagesAndAssets() {
        for (String policy : List.of("PageHeaders", "AssetHeaders")) {
            JsonNode security = resource(web, policy).at("/Properties/ResponseHeadersPolicyConfig/SecurityHeadersConfig");
            String csp = security.at("/ContentSecurityPolicy/ContentSecurityPolicy/Fn::Sub/0").asText();
            assertThat(csp).as(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                    "object-src 'none'", "connect-src 'self' ${Api} ${SignIn}");
            assertThat(csp).as(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*;");
            assertThat(security.at("/StrictTransportSecurity/AccessControlMaxAgeSec").asInt()).as(policy)
                    .isGreaterThanOrEqualTo(31_536_000);
            assertThat(security.at("/ContentTypeOptions/Override").asBoolean()).as(policy).isTrue();
            assertThat(security.at("/FrameOptions/FrameOption").asText()).as(policy).isEqualTo("DENY");
        }
    }

    @Test
    void signIn_whenTemplateRead_thenPublicCodeFlowClientBackToTheAppOrigin() {
        JsonNode client = resource(template, "WebClient").path("Properties");
        assertThat(client.path("GenerateSecret").asBoolean(true)).as("no secret in a browser").isFalse();
        assertThat(texts(client.path("AllowedOAuthFlows"))).containsExactly("code");
        assertThat(client.path("AllowedOAuthFlowsUserPoolClient").asBoolean()).isTrue();
        assertThat(client.at("/CallbackURLs/0/Fn::Sub").asText()).isEqualTo("${AppOrigin}/");
        assertThat(client.at("/LogoutURLs/0/Fn::Sub").asText()).isEqualTo("${AppOrigin}/");
        assertThat(resource(template, "SignInDomain").path("Type").asText()).isEqualTo("AWS::Cognito::UserPoolDomain");

        JsonNode audiences = template.at("/Resources/StrideApi/Properties/Auth/Authorizers/StrideJwt/JwtConfiguration/audience/Fn::If/1");
        assertThat(audiences.findValuesAsText("Ref")).contains("WebClient");
        assertThat(template.at("/Outputs/WebConfig/Value/Fn::Sub").asText())
                .contains("\"auth\": \"cognito\"", "${WebClient}", "/oauth2/authorize", "/oauth2/token");
    }

    @Test
    void cors_whenDeployed_thenExactlyTheAppOriginNeverAnyOrigin() {
        JsonNode origins = template.at("/Resources/StrideApi/Properties/CorsConfiguration/AllowOrigins");
        assertThat(origins.isArray()).as("a list holding the Ref: SAM reads a bare intrinsic as the whole CORS setting").isTrue();
        assertThat(origins.size()).isEqualTo(1);
        assertThat(origins.at("/0/Ref").asText()).isEqualTo("AppOrigin");
        JsonNode assertion = template.at("/Rules/ExactAppOrigin/Assertions/0/Assert/Fn::Not/0/Fn::Equals");
        assertThat(assertion.at("/0/Ref").asText()).isEqualTo("AppOrigin");
        assertThat(assertion.at("/1").asText()).isEqualTo("*");
        assertThat(web.at("/Outputs/AppOrigin/Value/Fn::Sub").asText()).isEqualTo("https://${Distribution.DomainName}");
    }

    private static JsonNode resource(JsonNode stack, String logicalId) {
        JsonNode resource = stack.at("/Resources/" + logicalId);
        assertThat(resource.isMissingNode()).as(logicalId + " is declared").isFalse();
        return resource;
    }

    private static JsonNode statement(JsonNode policy, String sid) {
        for (JsonNode statement : policy.at("/Properties/PolicyDocument/Statement")) {
            if (statement.path("Sid").asText().equals(sid)) {
                return statement;
            }
        }
        throw new AssertionError("no statement " + sid);
    }

    private static String cacheControl(JsonNode behavior) {
        String policy = behavior.at("/ResponseHeadersPolicyId/Ref").asText();
        for (JsonNode header : resource(web, policy).at("/Properties/ResponseHeadersPolicyConfig/CustomHeadersConfig/Items")) {
            if (header.path("Header").asText().equals("Cache-Control")) {
                assertThat(header.path("Override").asBoolean()).isTrue();
                return header.path("Value").asText();
            }
        }
        throw new AssertionError(policy + " sets no Cache-Control");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
