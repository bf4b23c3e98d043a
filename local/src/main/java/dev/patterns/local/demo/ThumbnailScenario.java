package dev.patterns.local.demo;

import dev.patterns.local.LocalSession;
import dev.patterns.local.sources.AsyncOutcome;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Pattern 5: a photo and a bad file go to uploads/ (S3 notification), a transparent logo to
 * incoming/ (S3 -> EventBridge rule). Every thumbnail size must appear for the images, nothing
 * for the bad file, and the thumbnails bucket must trigger nothing.
 */
public final class ThumbnailScenario implements Scenario {

    @Override
    public ScenarioReport run(LocalSession session) throws Exception {
        ScenarioReport report = new ScenarioReport("Pattern 5  thumbnails: S3 upload (notification or EventBridge) -> ThumbnailFunction -> thumbnails bucket");
        S3Client s3 = session.clients().create(S3Client.builder().forcePathStyle(true));
        String uploads = session.stack().ref("UploadsBucket");
        String thumbnails = session.stack().ref("ThumbnailsBucket");
        Map<String, byte[]> files = Map.of(
                "uploads/holiday photo+1.jpg", image(1800, 1200, false, "jpg"),
                "uploads/not-an-image.jpg", "plain text, not pixels".getBytes(),
                "incoming/logo.png", image(800, 400, true, "png"));
        files.forEach((key, bytes) -> {
            s3.putObject(put -> put.bucket(uploads).key(key), RequestBody.fromBytes(bytes));
            report.in("s3://" + uploads + "/" + key + " (" + bytes.length + " bytes)");
        });

        List<AsyncOutcome> outcomes = new ArrayList<>();
        session.asyncEventSources("ThumbnailFunction").forEach(source -> outcomes.addAll(source.deliverPending()));
        report.out(outcomes.size() + " asynchronous invocation(s) of ThumbnailFunction, "
                + outcomes.stream().filter(AsyncOutcome::succeeded).count() + " succeeded");

        Map<String, String> written = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2(list -> list.bucket(thumbnails)).contents()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(s3.getObjectAsBytes(get -> get.bucket(thumbnails).key(object.key())).asByteArray()));
            String type = s3.headObject(head -> head.bucket(thumbnails).key(object.key())).contentType();
            written.put(object.key(), image.getWidth() + "x" + image.getHeight() + " " + type);
        }
        written.forEach((key, description) -> report.out("s3://" + thumbnails + "/" + key + ": " + description));

        List<AsyncOutcome> afterwards = new ArrayList<>();
        session.asyncEventSources("ThumbnailFunction").forEach(source -> afterwards.addAll(source.deliverPending()));

        Map<String, String> expected = new TreeMap<>(Map.of(
                "256/uploads/holiday photo+1.jpg", "256x171 image/jpeg",
                "512/uploads/holiday photo+1.jpg", "512x341 image/jpeg",
                "256/incoming/logo.png", "256x128 image/png",
                "512/incoming/logo.png", "512x256 image/png"));
        report.check("every configured size of each image, with the aspect ratio kept (PNG where there is transparency)",
                written.equals(expected), written);
        report.check("the non-image got no thumbnail and did not fail the invocation",
                outcomes.size() == 3 && outcomes.stream().allMatch(AsyncOutcome::succeeded), outcomes.size());
        report.check("writing thumbnails triggered nothing", afterwards.isEmpty(), afterwards.size());
        return report;
    }

    private static byte[] image(int width, int height, boolean transparent, String format) throws Exception {
        BufferedImage image = new BufferedImage(width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        if (!transparent) {
            graphics.setPaint(new java.awt.GradientPaint(0, 0, new Color(30, 90, 160), width, height, new Color(240, 200, 80)));
            graphics.fillRect(0, 0, width, height);
        }
        graphics.setColor(new Color(200, 40, 40));
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
