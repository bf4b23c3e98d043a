package dev.patterns.common.batch;

import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** Publishes a batch's outcome counts as CloudWatch EMF metrics (namespace from the environment). */
public final class BatchMetrics {

    private BatchMetrics() {
    }

    public static void publish(BatchResult result) {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.addMetric("RecordsSucceeded", result.count(RecordOutcome.Succeeded.class), MetricUnit.COUNT);
        metrics.addMetric("RecordsFailed", result.count(RecordOutcome.Failed.class), MetricUnit.COUNT);
        metrics.addMetric("RecordsDeadLettered", result.count(RecordOutcome.DeadLettered.class), MetricUnit.COUNT);
        metrics.addMetric("RecordsNotAttempted", result.count(RecordOutcome.NotAttempted.class), MetricUnit.COUNT);
        metrics.flush();
    }
}
