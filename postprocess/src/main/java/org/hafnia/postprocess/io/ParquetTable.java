package org.hafnia.postprocess.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * A column table written as one Apache Parquet file (required columns of INT32, INT64, DOUBLE or
 * UTF-8 strings, uncompressed) with parquet-hadoop's writer on a local file and a plain
 * configuration, so no Hadoop class is loaded at run time. Written atomically.
 */
public final class ParquetTable {

    private record Column(String name, PrimitiveTypeName type, Object values) {
    }

    private final String name;
    private final int rows;
    private final List<Column> columns = new ArrayList<>();

    /** A table named {@code name} (the Parquet message name) of {@code rows} rows. */
    public ParquetTable(String name, int rows) {
        this.name = name;
        this.rows = rows;
    }

    public ParquetTable ints(String column, int[] v) {
        return add(column, PrimitiveTypeName.INT32, v, v.length);
    }

    public ParquetTable longs(String column, long[] v) {
        return add(column, PrimitiveTypeName.INT64, v, v.length);
    }

    public ParquetTable doubles(String column, double[] v) {
        return add(column, PrimitiveTypeName.DOUBLE, v, v.length);
    }

    public ParquetTable strings(String column, String[] v) {
        return add(column, PrimitiveTypeName.BINARY, v, v.length);
    }

    private ParquetTable add(String column, PrimitiveTypeName type, Object v, int length) {
        if (length != rows) {
            throw new IllegalArgumentException("column " + column + " has " + length + " values, the table " + rows);
        }
        columns.add(new Column(column, type, v));
        return this;
    }

    private MessageType schema() {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column c : columns) {
            if (c.type == PrimitiveTypeName.BINARY) {
                b.required(c.type).as(LogicalTypeAnnotation.stringType()).named(c.name);
            } else {
                b.required(c.type).named(c.name);
            }
        }
        return b.named(name);
    }

    /** Writes the table to {@code target} (atomically). */
    public void write(Path target) {
        MessageType schema = schema();
        AtomicFiles.writePath(target, tmp -> {
            try (ParquetWriter<Integer> w = new Builder(new LocalOutputFile(tmp), new RowWrite(schema))
                    .withConf(new PlainParquetConfiguration()).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).build()) {
                for (int i = 0; i < rows; i++) {
                    w.write(i);
                }
            }
        });
    }

    /** Writes row i of the columns. */
    private final class RowWrite extends WriteSupport<Integer> {
        private final MessageType schema;
        private RecordConsumer out;

        RowWrite(MessageType schema) {
            this.schema = schema;
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        @SuppressWarnings("deprecation")
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(Integer row) {
            int i = row;
            out.startMessage();
            for (int k = 0; k < columns.size(); k++) {
                Column c = columns.get(k);
                out.startField(c.name, k);
                switch (c.type) {
                    case INT32 -> out.addInteger(((int[]) c.values)[i]);
                    case INT64 -> out.addLong(((long[]) c.values)[i]);
                    case DOUBLE -> out.addDouble(((double[]) c.values)[i]);
                    default -> out.addBinary(Binary.fromString(((String[]) c.values)[i]));
                }
                out.endField(c.name, k);
            }
            out.endMessage();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final WriteSupport<Integer> support;

        Builder(OutputFile file, WriteSupport<Integer> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }

        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<Integer> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return support;
        }
    }
}
