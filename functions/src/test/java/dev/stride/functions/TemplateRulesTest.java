package dev.stride.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.testkit.SamTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CloudFormation accepts only its rule functions inside {@code Rules} and refuses the whole template
 * at change-set creation otherwise; neither cfn-lint nor the SAM schema notices. Rule functions:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-rules.html
 */
class TemplateRulesTest {

    private static final Set<String> RULE_FUNCTIONS = Set.of("Fn::And", "Fn::Contains", "Fn::EachMemberEquals",
            "Fn::EachMemberIn", "Fn::Equals", "Fn::Not", "Fn::Or", "Fn::RefAll", "Fn::ValueOf", "Fn::ValueOfAll", "Ref");

    @ParameterizedTest
    @ValueSource(strings = {"template.yaml", "infra/database.yaml"})
    void rules_whenWalked_thenUseOnlyRuleFunctionsOnParameters(String file) {
        ObjectNode template = SamTemplate.load(SamTemplate.projectRoot().resolve(file));

        assertThat(violations(template)).as(file).isEmpty();
    }

    @Test
    void vpcRule_whenRead_thenSubnetsNeedSecurityGroupsWithoutJoin() {
        JsonNode rule = SamTemplate.load().at("/Rules/VpcNeedsSecurityGroups");

        // Subnets given (not every member empty) ⇒ no empty security group entry, the list [""] included.
        assertThat(rule.path("RuleCondition").toString())
                .isEqualTo("{\"Fn::Not\":[{\"Fn::EachMemberEquals\":[{\"Ref\":\"SubnetIds\"},\"\"]}]}");
        assertThat(rule.at("/Assertions/0/Assert").toString())
                .isEqualTo("{\"Fn::Not\":[{\"Fn::Contains\":[{\"Ref\":\"SecurityGroupIds\"},\"\"]}]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "!Not [!Equals [!Join ['', !Ref Subnets], '']]",
        "!Equals [!Sub '${Subnets}', '']",
        "!Equals [!Select [0, !Ref Subnets], '']",
        "!If [SomeCondition, !Equals [!Ref Subnets, ''], !Equals [!Ref Subnets, 'x']]",
        "!Not [!Condition SomeCondition]",
        "{'Fn::Not': [{'Fn::Equals': [{'Fn::Join': ['', {'Ref': 'Subnets'}]}, '']}]}",
        "!Equals [!Ref SomeResource, '']"})
    void walker_whenARuleUsesSomethingCloudFormationRefuses_thenReportsIt(String assertion) {
        ObjectNode template = SamTemplate.parse("""
                Parameters:
                  Subnets: {Type: CommaDelimitedList, Default: ""}
                Resources:
                  SomeResource: {Type: AWS::SNS::Topic}
                Rules:
                  Broken:
                    Assertions:
                      - Assert: %s
                        AssertDescription: refused
                """.formatted(assertion));

        assertThat(violations(template)).hasSize(1).first().asString().startsWith("Broken: ");
    }

    @Test
    void walker_whenRuleFunctionsInShortAndLongForm_thenReportsNothing() {
        ObjectNode template = SamTemplate.parse("""
                Parameters:
                  Subnets: {Type: CommaDelimitedList, Default: ""}
                  Groups: {Type: CommaDelimitedList, Default: ""}
                  Mode: {Type: String, Default: a}
                Rules:
                  Fine:
                    RuleCondition: !And [!Not [!EachMemberEquals [!Ref Subnets, ""]], !Contains [[a, b], !Ref Mode]]
                    Assertions:
                      - Assert: !Or [!Not [!Contains [!Ref Groups, ""]], !EachMemberIn [!Ref Groups, [sg-1]]]
                        AssertDescription: fine
                      - Assert: {"Fn::Not": [{"Fn::Equals": [{"Ref": "Mode"}, "c"]}]}
                """);

        assertThat(violations(template)).isEmpty();
    }

    /** Every function in a rule that CloudFormation refuses there, and every Ref to no parameter. */
    static List<String> violations(JsonNode template) {
        Set<String> parameters = new HashSet<>();
        template.path("Parameters").fieldNames().forEachRemaining(parameters::add);
        List<String> found = new ArrayList<>();
        template.path("Rules").properties().forEach(rule -> {
            String name = rule.getKey();
            walk(rule.getValue().path("RuleCondition"), name, parameters, found);
            for (JsonNode assertion : rule.getValue().path("Assertions")) {
                walk(assertion.path("Assert"), name, parameters, found);
                if (!assertion.path("AssertDescription").isMissingNode() && !assertion.path("AssertDescription").isTextual()) {
                    found.add(name + ": AssertDescription must be a plain string");
                }
            }
        });
        return found;
    }

    private static void walk(JsonNode node, String rule, Set<String> parameters, List<String> found) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                String key = entry.getKey();
                if ((key.startsWith("Fn::") || key.equals("Ref") || key.equals("Condition")) && !RULE_FUNCTIONS.contains(key)) {
                    found.add(rule + ": " + key + " is not a rule function");
                } else if (key.equals("Ref") && !parameters.contains(entry.getValue().asText())
                        && !entry.getValue().asText().startsWith("AWS::")) {
                    // In Rules, Ref names a parameter: rules run before any resource exists.
                    found.add(rule + ": Ref " + entry.getValue().asText() + " is not a parameter");
                }
            });
        }
        node.forEach(child -> walk(child, rule, parameters, found));
    }
}
