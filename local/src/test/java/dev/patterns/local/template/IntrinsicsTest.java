package dev.patterns.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntrinsicsTest {

    private final Intrinsics.Resources resources = new Intrinsics.Resources() {
        @Override
        public Object ref(String logicalId) {
            return "ref-of-" + logicalId;
        }

        @Override
        public Object attribute(String logicalId, String attribute) {
            return logicalId + "." + attribute + "-value";
        }
    };

    @Test
    void shortFormTagsBecomeTheLongFormAndResolve(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.yaml"), """
                Parameters:
                  Prefix: {Type: String, Default: pre}
                  Stage: {Type: String, Default: dev}
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                Resources:
                  Thing:
                    Type: AWS::SQS::Queue
                    Properties:
                      Name: !Sub '${Prefix}-${AWS::Region}-${Other.Arn}-${!Literal}'
                      Joined: !Join [',', [a, !Ref Other, !GetAtt Other.Arn]]
                      Picked: !Select [1, !Split ['/', 'x/y/z']]
                      Chosen: !If [IsProd, big, small]
                      Dropped: !If [IsProd, keep, !Ref AWS::NoValue]
                      Vars: !Sub ['${A}-${B}', {A: !Ref Prefix, B: fixed}]
                """);
        Template template = Template.load(file);
        Intrinsics intrinsics = new Intrinsics(template.parameterValues(Map.of()), template.conditions(), "eu-west-1", "111", "stack", resources);

        Map<String, Object> resolved = Maps.map(intrinsics.resolve(template.properties("Thing")), "Thing");

        assertThat(resolved).containsEntry("Name", "pre-eu-west-1-Other.Arn-value-${Literal}")
                .containsEntry("Joined", "a,ref-of-Other,Other.Arn-value")
                .containsEntry("Picked", "y")
                .containsEntry("Chosen", "small")
                .containsEntry("Vars", "pre-fixed")
                .doesNotContainKey("Dropped");
        assertThat(Intrinsics.references(template.properties("Thing"))).containsExactlyInAnyOrder("Prefix", "Other");
    }

    @Test
    void parameterOverridesWinOverDefaults(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.yaml"), "Parameters:\n  Count: {Type: Number, Default: 5}\nResources: {}\n");

        assertThat(Template.load(file).parameterValues(Map.of("Count", "2"))).containsEntry("Count", "2");
        assertThat(Template.load(file).parameterValues(Map.of())).containsEntry("Count", "5");
    }

    @Test
    void theSuitesTemplateParsesWithEveryFunctionHandlerNamed() {
        Path template = Path.of("..", "template.yaml");
        Template parsed = Template.load(template);

        List<String> functions = parsed.logicalIdsOfType("AWS::Serverless::Function");
        assertThat(functions).isNotEmpty().allSatisfy(id -> assertThat(parsed.properties(id)).containsKey("Handler"));
    }
}
