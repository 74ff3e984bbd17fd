package org.hafnia.postprocess.io;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The project's JSON settings (Jackson): pretty-printed, keys in insertion order. Reports put
 * {@code null} where a value is undefined rather than NaN, which JSON cannot hold.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as pretty JSON text with a final newline. */
    public static String toText(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AtomicFiles.Content content(Object value) {
        return out -> out.write(toText(value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
