package org.hafnia.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.hadoop.conf.Configuration;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.io.RunLease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lease on a store whose exclusive create is refused only at close(), as S3 with hadoop-aws
 * 3.5's conditional writes ({@link PutIfAbsentFileSystem}; no S3 is reachable here): the refusal is
 * read as "exists", so a held folder refuses the run naming its holder instead of failing with an
 * I/O error.
 */
class ConditionalCreateTest {

    @TempDir
    Path tmp;

    private HadoopRunStorage store() throws Exception {
        PutIfAbsentFileSystem fs = new PutIfAbsentFileSystem();
        fs.initialize(tmp.toUri(), new Configuration());
        return new HadoopRunStorage(fs, new org.apache.hadoop.fs.Path(tmp.toUri()), "s3a://bucket/run");
    }

    @Test
    void aCreateRefusedAtCloseReadsAsExistsAndLeavesTheFileAsItWas() throws Exception {
        HadoopRunStorage s = store();
        assertThat(s.localFolder()).as("not a local file system: the Hadoop create is used").isNull();
        assertThat(s.createNew("a", "first".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(s.createNew("a", "second".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(tmp.resolve("a")).hasContent("first");
    }

    @Test
    void aHeldFolderOnSuchAStoreRefusesTheRunNamingItsHolder() throws Exception {
        Files.writeString(tmp.resolve(RunLease.FILE), "run=other\nhost=another-host.example\npid=7\nstarted=\n");
        assertThatThrownBy(() -> RunLease.take(store())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("host another-host.example, pid 7;");
    }
}
