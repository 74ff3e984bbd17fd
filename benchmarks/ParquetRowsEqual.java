import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Whether two Parquet files hold the same schema and rows (each row printed in full, doubles as Java
 * prints them: shortest repr, so equal text is equal bits). Used by spark-vs-local.sh: two files written
 * in two JVMs may differ in footer bytes (parquet-mr lists a column's encodings from a HashSet of enum
 * constants, whose order follows identity hash codes) while their rows are the same. Exit 0 when equal.
 * Run: java -cp 'engine-spark/target/lib/*:engine-spark/target/spark-lib/*' benchmarks/ParquetRowsEqual.java A B
 */
public final class ParquetRowsEqual {

    public static void main(String[] args) throws Exception {
        List<String> a = rows(Path.of(args[0]));
        List<String> b = rows(Path.of(args[1]));
        System.out.println(a.equals(b) ? "rows equal (" + a.size() + ")" : "rows differ");
        System.exit(a.equals(b) ? 0 : 1);
    }

    static List<String> rows(Path file) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            rows.add(schema.toString());
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                RecordReader<Group> rr = new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages,
                        new GroupRecordConverter(schema));
                for (long k = 0; k < pages.getRowCount(); k++) {
                    rows.add(rr.read().toString());
                }
            }
        }
        return rows;
    }
}
