package org.hafnia.postprocess.maps.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.meshes.InvalidInputException;

/**
 * One serialized object of Gwyddion's native format (formats.md; Gwyddion user guide, "Format of
 * Gwyddion Files"): a type name, then a uint32 byte count, then named components, each a
 * NUL-terminated name, one type character and the value. Little-endian throughout; strings are
 * UTF-8 and NUL-terminated. Component values map to Java as {@code b} Boolean, {@code c} Byte,
 * {@code i} Integer, {@code q} Long, {@code d} Double, {@code s} String, {@code o} GwyObject, and
 * the arrays {@code C} byte[], {@code I} int[], {@code Q} long[], {@code D} double[],
 * {@code S} String[], {@code O} GwyObject[].
 *
 * @param type       the GObject type name, e.g. {@code GwyDataField}
 * @param components components by name, in file order
 */
record GwyObject(String type, Map<String, Object> components) {

    /** Deepest nesting accepted; Gwyddion's own files nest a few levels. */
    private static final int MAX_DEPTH = 64;

    /** Parses one object starting at {@code in}'s position; {@code source} names the file in messages. */
    static GwyObject parse(Cursor in) {
        return parse(in, 0);
    }

    private static GwyObject parse(Cursor in, int depth) {
        if (depth > MAX_DEPTH) {
            throw in.bad("objects nested more than " + MAX_DEPTH + " deep");
        }
        String type = in.string();
        long size = in.uint32();
        if (size > in.remaining()) {
            throw in.bad("object " + type + " claims " + size + " bytes but only " + in.remaining() + " remain (truncated)");
        }
        int end = in.position() + (int) size;
        Map<String, Object> components = new LinkedHashMap<>();
        while (in.position() < end) {
            String name = in.string();
            char t = (char) in.u8();
            Object value = switch (t) {
                case 'b' -> in.u8() != 0;
                case 'c' -> (byte) in.u8();
                case 'i' -> in.buffer(4).getInt();
                case 'q' -> in.buffer(8).getLong();
                case 'd' -> in.buffer(8).getDouble();
                case 's' -> in.string();
                case 'o' -> parse(in, depth + 1);
                case 'C' -> {
                    byte[] a = new byte[in.count(1)];
                    in.buffer(a.length).get(a);
                    yield a;
                }
                case 'I' -> {
                    int[] a = new int[in.count(4)];
                    in.buffer(4L * a.length).asIntBuffer().get(a);
                    yield a;
                }
                case 'Q' -> {
                    long[] a = new long[in.count(8)];
                    in.buffer(8L * a.length).asLongBuffer().get(a);
                    yield a;
                }
                case 'D' -> {
                    double[] a = new double[in.count(8)];
                    in.buffer(8L * a.length).asDoubleBuffer().get(a);
                    yield a;
                }
                case 'S' -> {
                    int n = in.count(1);
                    String[] a = new String[n];
                    for (int k = 0; k < n; k++) {
                        a[k] = in.string();
                    }
                    yield a;
                }
                case 'O' -> {
                    int n = in.count(1);
                    GwyObject[] a = new GwyObject[n];
                    for (int k = 0; k < n; k++) {
                        a[k] = parse(in, depth + 1);
                    }
                    yield a;
                }
                default -> throw in.bad("component '" + name + "' of " + type + " has unknown type character '"
                        + printable(t) + "'");
            };
            components.put(name, value);
        }
        if (in.position() != end) {
            throw in.bad("object " + type + " overruns its declared size of " + size + " bytes");
        }
        return new GwyObject(type, components);
    }

    private static String printable(char c) {
        return c >= 32 && c < 127 ? Character.toString(c) : String.format("\\x%02x", (int) c);
    }

    /** The serialized bytes of this object. */
    byte[] serialize() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, Object> e : components.entrySet()) {
            writeString(body, e.getKey());
            Object v = e.getValue();
            if (v instanceof Boolean b) {
                body.write('b');
                body.write(b ? 1 : 0);
            } else if (v instanceof Byte b) {
                body.write('c');
                body.write(b);
            } else if (v instanceof Integer i) {
                body.write('i');
                body.writeBytes(le(4).putInt(i).array());
            } else if (v instanceof Long q) {
                body.write('q');
                body.writeBytes(le(8).putLong(q).array());
            } else if (v instanceof Double d) {
                body.write('d');
                body.writeBytes(le(8).putDouble(d).array());
            } else if (v instanceof String s) {
                body.write('s');
                writeString(body, s);
            } else if (v instanceof GwyObject o) {
                body.write('o');
                body.writeBytes(o.serialize());
            } else if (v instanceof double[] a) {
                body.write('D');
                ByteBuffer b = le(4 + 8 * a.length).putInt(a.length);
                b.asDoubleBuffer().put(a);
                body.writeBytes(b.array());
            } else if (v instanceof int[] a) {
                body.write('I');
                ByteBuffer b = le(4 + 4 * a.length).putInt(a.length);
                b.asIntBuffer().put(a);
                body.writeBytes(b.array());
            } else if (v instanceof long[] a) {
                body.write('Q');
                ByteBuffer b = le(4 + 8 * a.length).putInt(a.length);
                b.asLongBuffer().put(a);
                body.writeBytes(b.array());
            } else if (v instanceof byte[] a) {
                body.write('C');
                body.writeBytes(le(4).putInt(a.length).array());
                body.writeBytes(a);
            } else if (v instanceof String[] a) {
                body.write('S');
                body.writeBytes(le(4).putInt(a.length).array());
                for (String x : a) {
                    writeString(body, x);
                }
            } else if (v instanceof GwyObject[] a) {
                body.write('O');
                body.writeBytes(le(4).putInt(a.length).array());
                for (GwyObject x : a) {
                    body.writeBytes(x.serialize());
                }
            } else {
                throw new IllegalArgumentException("cannot serialize " + v.getClass() + " in a Gwyddion file");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeString(out, type);
        out.writeBytes(le(4).putInt(body.size()).array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.replace('\0', ' ').getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    /** A bounds-checked little-endian reader over a file's bytes. */
    static final class Cursor {
        private final ByteBuffer buf;
        private final String source;

        Cursor(byte[] bytes, int start, String source) {
            this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            this.buf.position(start);
            this.source = source;
        }

        int position() {
            return buf.position();
        }

        int remaining() {
            return buf.remaining();
        }

        InvalidInputException bad(String what) {
            return new InvalidInputException(source + ": not a valid Gwyddion file at byte " + buf.position() + ": " + what);
        }

        int u8() {
            need(1);
            return buf.get() & 0xff;
        }

        long uint32() {
            return buffer(4).getInt() & 0xffffffffL;
        }

        /** A slice of the next {@code n} bytes (advancing past them). */
        ByteBuffer buffer(long n) {
            need(n);
            ByteBuffer s = buf.slice(buf.position(), (int) n).order(ByteOrder.LITTLE_ENDIAN);
            buf.position(buf.position() + (int) n);
            return s;
        }

        /** An array's element count, checked against the bytes left at {@code minBytes} each. */
        int count(int minBytes) {
            long n = uint32();
            if (n * minBytes > buf.remaining()) {
                throw bad("array of " + n + " elements does not fit in the " + buf.remaining() + " bytes left (truncated)");
            }
            return (int) n;
        }

        String string() {
            int start = buf.position();
            int end = start;
            while (end < buf.limit() && buf.get(end) != 0) {
                end++;
            }
            if (end == buf.limit()) {
                throw bad("string not ended by a NUL byte (truncated)");
            }
            byte[] b = new byte[end - start];
            buf.get(b);
            buf.get();
            return new String(b, StandardCharsets.UTF_8);
        }

        private void need(long n) {
            if (n > buf.remaining()) {
                throw bad("needs " + n + " more bytes, only " + buf.remaining() + " left (truncated)");
            }
        }
    }
}
