package org.vigie.detect.input;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Test helpers: read a string as an input. */
final class Inputs {

    private Inputs() {
    }

    record Read(List<Post> posts, InputReport report) {
    }

    static Read read(String content, InputFormat format) {
        return read(content.getBytes(StandardCharsets.UTF_8), format, ErrorBudget.DEFAULT);
    }

    static Read read(String content, InputFormat format, ErrorBudget budget) {
        return read(content.getBytes(StandardCharsets.UTF_8), format, budget);
    }

    static Read read(byte[] content, InputFormat format, ErrorBudget budget) {
        try (PostReader reader = PostReader.open(new ByteArrayInputStream(content), format, budget)) {
            List<Post> posts = new ArrayList<>();
            reader.forEachRemaining(posts::add);
            return new Read(posts, reader.report());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
