package dev.patterns.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.LocalSession;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.local.runtime.LogSink;
import dev.patterns.local.sources.AsyncOutcome;
import dev.patterns.local.template.Json;
import dev.patterns.testsupport.EmulatorExtension;
import dev.patterns.testsupport.Events;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Pattern 5 end to end: uploads to the template's bucket, the emulator's own S3 notification
 * and S3 -> EventBridge delivery, the built function in its own JVM, thumbnails read back.
 */
@ExtendWith(EmulatorExtension.class)
class ThumbnailIntegrationTest {

    private final LocalSession session;
    private final S3Client s3;
    private final String uploads;
    private final String thumbnails;

    ThumbnailIntegrationTest(LocalSession session) {
        this.session = session;
        this.s3 = session.clients().create(S3Client.builder().forcePathStyle(true));
        this.uploads = session.stack().ref("UploadsBucket");
        this.thumbnails = session.stack().ref("ThumbnailsBucket");
    }

    @BeforeEach
    void emptyThumbnailBucket() {
        // Events left by an earlier test's uploads first, then their output.
        deliverAll();
        thumbnailKeys().forEach(key -> s3.deleteObject(delete -> delete.bucket(thumbnails).key(key)));
    }

    @Test
    void uploadNotifiedByS3GetsEveryThumbnailUprightWithTheRightSizeAndHeaders() throws Exception {
        String key = "uploads/portrait photo+1 été.jpg";
        put(key, rotatedPortrait());

        List<AsyncOutcome> outcomes = deliver("UploadJpg");

        assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.succeeded()).isTrue());
        for (int size : List.of(256, 512)) {
            String thumbnail = size + "/uploads/portrait photo+1 été.jpg";
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(s3.getObjectAsBytes(get -> get.bucket(thumbnails).key(thumbnail)).asByteArray()));
            assertThat(image.getHeight()).as("height of %s", thumbnail).isEqualTo(size);
            assertThat(image.getWidth()).isEqualTo(Math.round(size * 2 / 3f));
            assertThat(new Color(image.getRGB(5, 5)).getRed()).as("red marker shown top-left").isGreaterThan(200);
            HeadObjectResponse head = s3.headObject(h -> h.bucket(thumbnails).key(thumbnail));
            assertThat(head.contentType()).isEqualTo("image/jpeg");
            assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        }
    }

    @Test
    void uploadRoutedThroughEventBridgeIsHandledTheSameWayAndKeepsTransparency() {
        put("incoming/logo.png", transparentPng());

        List<AsyncOutcome> outcomes = deliver("UploadViaEventBridge");

        assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.succeeded()).isTrue());
        assertThat(thumbnailKeys()).containsExactlyInAnyOrder("256/incoming/logo.png", "512/incoming/logo.png");
        assertThat(s3.headObject(h -> h.bucket(thumbnails).key("256/incoming/logo.png")).contentType()).isEqualTo("image/png");
        assertThat(deliver("UploadPng")).as("incoming/ is not the S3 notifications' prefix").isEmpty();
    }

    @Test
    void writingThumbnailsTriggersNothing() {
        put("uploads/once.jpg", photo(800, 600));
        deliver("UploadJpg");
        assertThat(thumbnailKeys()).hasSize(2);

        assertThat(deliverAll()).isEmpty();
    }

    @Test
    void onlyImageSuffixesUnderTheUploadPrefixAreNotified() {
        put("uploads/readme.txt", "not for thumbnails".getBytes());
        put("elsewhere/photo.jpg", photo(300, 200));
        put("uploads/photo.JPEG.bak", photo(300, 200));

        assertThat(deliverAll()).isEmpty();
        assertThat(thumbnailKeys()).isEmpty();
    }

    @Test
    void sameEventTwiceGivesTheSameThumbnailsAndNoError() {
        put("uploads/twice.jpg", photo(1000, 700));
        String event = s3Event("uploads/twice.jpg");

        InvocationResult first = session.lambda().invoke("ThumbnailFunction", event);
        Map<String, String> etags = etags();
        InvocationResult second = session.lambda().invoke("ThumbnailFunction", event);

        assertThat(first.succeeded()).as(first.payload()).isTrue();
        assertThat(second.succeeded()).as(second.payload()).isTrue();
        assertThat(etags).hasSize(2);
        assertThat(etags()).isEqualTo(etags);
    }

    @Test
    void badObjectsLeaveNoThumbnailAndAClearLogLineWithoutFailingTheGoodOne(LogSink.Collecting logs) throws Exception {
        byte[] jpeg = photo(900, 600);
        put("uploads/notes.jpg", "these are not pixels".getBytes());
        put("uploads/cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));
        put("uploads/empty.jpg", new byte[0]);
        put("uploads/bomb.png", pngDeclaring(30_000, 30_000));
        put("uploads/good.jpg", jpeg);

        InvocationResult result = session.lambda().invoke("ThumbnailFunction",
                s3Event("uploads/notes.jpg", "uploads/cut.jpg", "uploads/empty.jpg", "uploads/bomb.png", "uploads/good.jpg"));

        assertThat(result.succeeded()).as(result.payload()).isTrue();
        JsonNode objects = Json.MAPPER.readTree(result.payload()).path("objects");
        assertThat(objects).extracting(object -> object.path("key").asText() + "=" + object.path("outcome").asText())
                .containsExactly("uploads/notes.jpg=rejected", "uploads/cut.jpg=rejected", "uploads/empty.jpg=rejected",
                        "uploads/bomb.png=rejected", "uploads/good.jpg=written");
        assertThat(thumbnailKeys()).containsExactlyInAnyOrder("256/uploads/good.jpg", "512/uploads/good.jpg");
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("Rejected s3://" + uploads + "/uploads/notes.jpg: not an image"));
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("uploads/cut.jpg").contains("truncated"));
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("uploads/empty.jpg: zero-byte object"));
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("uploads/bomb.png: decompression bomb refused: 30000x30000"));
    }

    @Test
    void s3TestEventAndTheSampleEventsAreHandledCleanly() throws Exception {
        InvocationResult test = session.lambda().invoke("ThumbnailFunction", Events.json("thumbnail/s3-test-event.json"));
        InvocationResult missing = session.lambda().invoke("ThumbnailFunction", Events.json("thumbnail/s3-encoded-key.json"));

        assertThat(Json.MAPPER.readTree(test.payload()).path("testEvent").asText()).isEqualTo("patterns-uploads-123456789012-us-east-1");
        JsonNode object = Json.MAPPER.readTree(missing.payload()).path("objects").get(0);
        assertThat(object.path("key").asText()).isEqualTo("uploads/summer photo + friends été.jpg");
        assertThat(object.path("outcome").asText()).isEqualTo("skipped");
    }

    private List<AsyncOutcome> deliverAll() {
        List<AsyncOutcome> outcomes = new java.util.ArrayList<>();
        session.asyncEventSources("ThumbnailFunction").forEach(source -> outcomes.addAll(source.deliverPending()));
        return outcomes;
    }

    private List<AsyncOutcome> deliver(String event) {
        return session.asyncEventSource("ThumbnailFunction", event).deliverPending();
    }

    private void put(String key, byte[] bytes) {
        s3.putObject(put -> put.bucket(uploads).key(key), RequestBody.fromBytes(bytes));
    }

    private List<String> thumbnailKeys() {
        return s3.listObjectsV2(list -> list.bucket(thumbnails)).contents().stream().map(S3Object::key).toList();
    }

    private Map<String, String> etags() {
        return s3.listObjectsV2(list -> list.bucket(thumbnails)).contents().stream()
                .collect(java.util.stream.Collectors.toMap(S3Object::key, S3Object::eTag));
    }

    /** Lambda's S3 event for objects of the uploads bucket, keys form-encoded as S3 does. */
    private String s3Event(String... keys) {
        var event = Json.MAPPER.createObjectNode();
        var records = event.putArray("Records");
        for (String key : keys) {
            var record = records.addObject().put("eventSource", "aws:s3").put("eventName", "ObjectCreated:Put").put("awsRegion", "us-east-1");
            var s3Node = record.putObject("s3");
            s3Node.putObject("bucket").put("name", uploads);
            long size = s3.headObject(h -> h.bucket(uploads).key(key)).contentLength();
            s3Node.putObject("object").put("key", java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8).replace("%2F", "/"))
                    .put("size", size);
        }
        return event.toString();
    }

    /** Stored 600x400 with EXIF orientation 6: shown as a 400x600 portrait with the red marker top-left. */
    private static byte[] rotatedPortrait() throws Exception {
        BufferedImage stored = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = stored.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 600, 400);
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 300, 100, 100); // stored bottom-left = shown top-left for orientation 6
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(stored, "jpg", out);
        byte[] jpeg = out.toByteArray();
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0};
        byte[] payload = new byte[6 + tiff.length];
        System.arraycopy("Exif\0\0".getBytes(), 0, payload, 0, 6);
        System.arraycopy(tiff, 0, payload, 6, tiff.length);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        withExif.write(jpeg, 0, 2);
        withExif.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) ((payload.length + 2) >> 8), (byte) (payload.length + 2)});
        withExif.write(payload);
        withExif.write(jpeg, 2, jpeg.length - 2);
        return withExif.toByteArray();
    }

    private static byte[] photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | ((x ^ y) & 0xFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A valid PNG signature and IHDR declaring the size, a few dozen bytes: what a decompression bomb announces. */
    private static byte[] pngDeclaring(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("IHDR".getBytes());
        crc.update(ihdr.array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        out.writeBytes("IHDR".getBytes());
        out.writeBytes(ihdr.array());
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    private static byte[] transparentPng() {
        BufferedImage image = new BufferedImage(600, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(20, 160, 90, 255));
        graphics.fillOval(150, 0, 300, 300);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
