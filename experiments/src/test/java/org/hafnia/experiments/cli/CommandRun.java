package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/**
 * One in-process run of the {@code hafnia} command line, with what it printed. Shared with the
 * tests of engine-spark (the test jar of this module).
 */
public record CommandRun(int status, String out, String err) {

    public static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Hafnia.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new CommandRun(status, out.toString(), err.toString());
    }
}
