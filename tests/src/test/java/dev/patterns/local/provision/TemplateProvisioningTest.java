package dev.patterns.local.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patterns.local.LocalSession;
import dev.patterns.local.runtime.FunctionSpec;
import dev.patterns.local.template.Json;
import dev.patterns.local.template.Maps;
import dev.patterns.testsupport.EmulatorExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What the template declares is what exists in the emulator. */
@ExtendWith(EmulatorExtension.class)
class TemplateProvisioningTest {

    @Test
    void everyQueueExistsWithTheTemplatesRedrivePolicy(LocalSession session) throws Exception {
        SqsClient sqs = session.clients().create(SqsClient.builder());
        for (String queue : session.stack().template().logicalIdsOfType("AWS::SQS::Queue")) {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(get -> get.queueUrl(session.stack().ref(queue))
                    .attributeNames(QueueAttributeName.ALL)).attributes();
            Object declared = session.stack().template().properties(queue).get("RedrivePolicy");
            if (declared == null) {
                assertThat(attributes).doesNotContainKey(QueueAttributeName.REDRIVE_POLICY);
                continue;
            }
            Map<String, Object> expected = Maps.map(session.stack().intrinsics().resolve(declared), queue);
            var actual = Json.MAPPER.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
            assertThat(actual.path("deadLetterTargetArn").asText()).as(queue).isEqualTo(expected.get("deadLetterTargetArn"));
            assertThat(actual.path("maxReceiveCount").asText()).as(queue).isEqualTo(String.valueOf(expected.get("maxReceiveCount")));
        }
    }

    @Test
    void workQueueVisibilityTimeoutIsAtLeastSixTimesTheWorkersTimeout(LocalSession session) {
        SqsClient sqs = session.clients().create(SqsClient.builder());
        int visibility = Integer.parseInt(sqs.getQueueAttributes(get -> get.queueUrl(session.stack().ref("WorkQueue"))
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT));

        assertThat(visibility).isGreaterThanOrEqualTo(6 * FunctionSpec.of(session.stack(), "QueueWorkerFunction").timeoutSeconds());
    }

    @Test
    void everyTableExistsWithItsKeyAndTtl(LocalSession session) {
        DynamoDbClient dynamoDb = session.clients().create(DynamoDbClient.builder());
        for (String table : session.stack().template().logicalIdsOfType("AWS::DynamoDB::Table")) {
            var description = dynamoDb.describeTable(describe -> describe.tableName(session.stack().ref(table))).table();
            var declaredKey = Maps.map(Maps.list(session.stack().template().properties(table).get("KeySchema"), table).getFirst(), table);
            assertThat(description.keySchema().getFirst().attributeName()).as(table).isEqualTo(declaredKey.get("AttributeName"));
        }
        var ttl = dynamoDb.describeTimeToLive(describe -> describe.tableName(session.stack().ref("IdempotencyTable"))).timeToLiveDescription();
        assertThat(ttl.attributeName()).isEqualTo("expiration");
    }

    @Test
    void functionEnvironmentRefsResolveToTheEmulatorsResources(LocalSession session) {
        FunctionSpec worker = FunctionSpec.of(session.stack(), "QueueWorkerFunction");

        assertThat(worker.environment())
                .containsEntry("LEDGER_TABLE_NAME", session.stack().ref("LedgerTable"))
                .containsEntry("IDEMPOTENCY_TABLE_NAME", session.stack().ref("IdempotencyTable"))
                .containsEntry("POWERTOOLS_METRICS_NAMESPACE", session.stack().parameter("NamePrefix"))
                .containsEntry("POWERTOOLS_SERVICE_NAME", "queue-worker");
        assertThat(worker.layerIds()).containsExactly("CommonLayer");
        assertThat(worker.runtime()).isEqualTo("java25");
        assertThat(session.stack().output("WorkQueueUrl")).isEqualTo(session.stack().ref("WorkQueue"));
    }
}
