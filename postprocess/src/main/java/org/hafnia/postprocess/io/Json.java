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

    /**
     * {@code bytes} decoded as UTF-8 (RFC 8259 §8.1: JSON text is UTF-8), refusing malformed
     * bytes instead of replacing them silently with U+FFFD.
     *
     * @param source names the file in the message
     * @throws org.hafnia.meshes.InvalidInputException at the first byte that is not UTF-8, with its offset
     */
    public static String utf8(byte[] bytes, String source) {
        java.nio.charset.CharsetDecoder d = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        try {
            return d.decode(in).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            int at = in.position();
            int line = 1;
            for (int k = 0; k < at && k < bytes.length; k++) {
                if (bytes[k] == '\n') {
                    line++;
                }
            }
            throw new org.hafnia.meshes.InvalidInputException(String.format(java.util.Locale.ROOT,
                    "%s: line %d: byte %d (0x%02x) is not UTF-8; save the file as UTF-8", source, line, at,
                    at < bytes.length ? bytes[at] & 0xFF : 0));
        }
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
