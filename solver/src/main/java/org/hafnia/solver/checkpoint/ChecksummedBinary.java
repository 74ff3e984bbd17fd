package org.hafnia.solver.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import org.hafnia.meshes.InvalidInputException;

/**
 * The frame shared by the checkpoint formats: magic number, version, body, then a CRC-32 of
 * everything before it (big-endian, {@link DataOutputStream}). A damaged, truncated, foreign or
 * other-version file is bad input naming the file.
 */
final class ChecksummedBinary {

    /** Writes a body. */
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a body. */
    interface Parser<T> {
        T read(DataInputStream in) throws IOException;
    }

    private ChecksummedBinary() {
    }

    static void write(OutputStream target, long magic, int version, int sizeHint, Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint + 4096);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(magic);
        out.writeInt(version);
        body.write(out);
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        bytes.writeTo(target);
    }

    static <T> T read(InputStream source, String name, long magic, int version, Parser<T> parser) {
        byte[] all;
        try {
            all = source.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + name + ": " + e.getMessage(), e);
        }
        if (all.length < 20) {
            throw new InvalidInputException(name + ": not a hafnia checkpoint (too short)");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = ByteBuffer.wrap(all, all.length - 8, 8).getLong();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 8))) {
            if (in.readLong() != magic) {
                throw new InvalidInputException(name + ": not a hafnia checkpoint");
            }
            if (stored != crc.getValue()) {
                throw new InvalidInputException(name + ": checkpoint is damaged (checksum mismatch)");
            }
            int v = in.readInt();
            if (v != version) {
                throw new InvalidInputException(name + ": checkpoint version " + v + ", this hafnia reads " + version);
            }
            return parser.read(in);
        } catch (EOFException e) {
            throw new InvalidInputException(name + ": checkpoint is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + name + ": " + e.getMessage(), e);
        }
    }

    static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    static double[] readArray(DataInputStream in) throws IOException {
        double[] a = new double[in.readInt()];
        for (int k = 0; k < a.length; k++) {
            a[k] = in.readDouble();
        }
        return a;
    }
}
