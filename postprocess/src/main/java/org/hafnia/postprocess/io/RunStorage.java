package org.hafnia.postprocess.io;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * Where an output folder lives: this machine's file system ({@link LocalRunStorage}, java.nio; what
 * {@link OutputFolder} settles and {@link StagedOutput} commits into) or another store, such as the
 * Hadoop-compatible path of {@code hafnia array --engine spark --out hdfs://…} (module engine-spark;
 * this module loads no Hadoop class). The one model of a run folder over both: an array study's batch
 * store ({@code ArrayStudy}) and the commit protocol of an output set ({@link StoredOutput}). Names
 * are relative paths of plain names ({@code write-verify/array.json}) below this folder.
 */
public interface RunStorage {

    /** This folder as the user named it (a path or a URI), for messages. */
    String location();

    /** The storage of the subfolder {@code name} (nothing is created until something is written there). */
    RunStorage folder(String name);

    /** Whether this folder exists. */
    boolean exists();

    /** Whether {@code name} is a file of this folder. */
    boolean isFile(String name);

    /** The bytes of the file {@code name}. */
    byte[] read(String name);

    /**
     * Writes the file {@code name} atomically: the content goes to a temporary name beside it,
     * which is then renamed over {@code name} (on a store whose rename is not atomic, such as S3,
     * see docs/reliability.md). Creates the folders it needs; on failure the temporary file is
     * removed and {@code name} is untouched.
     *
     * @throws UncheckedIOException naming the file when the store fails
     */
    void write(String name, AtomicFiles.Content content);

    /**
     * Creates the file {@code name} holding {@code content} only when no entry of that name exists:
     * one exclusive create, so of two runs creating it at once exactly one succeeds (java.nio's
     * {@code CREATE_NEW} on this machine's file system, {@code file:} URIs included; Hadoop's
     * {@code create(path, false)} elsewhere, exclusive on HDFS and, with hadoop-aws 3.5's conditional
     * writes, on S3: docs/reliability.md). Creates the folders it needs.
     *
     * @return false when {@code name} already exists (nothing is written then)
     * @throws UncheckedIOException naming the file when the store fails
     */
    boolean createNew(String name, byte[] content);

    /** The names of the entries directly in this folder, sorted; empty when it does not exist. */
    List<String> list();

    /** Whether {@code name} is a folder of this folder. */
    boolean isFolder(String name);

    /**
     * Renames {@code from} to {@code to} (a file or a folder) in one step, replacing a file
     * {@code to}; the parent of {@code to} is created where absent.
     */
    void rename(String from, String to);

    /** Deletes {@code name} (a file, or a folder with everything in it); absent is not an error. */
    void delete(String name);

    /** Deletes this folder with everything in it; absent is not an error. */
    void deleteAll();

    /** Creates this folder (and its parents) where absent. */
    void create();

    /**
     * This folder as a path of this machine's file system when the store is that file system
     * ({@code file:} URIs included), else null: the command's inputs are refused there.
     */
    java.nio.file.Path localFolder();
}
