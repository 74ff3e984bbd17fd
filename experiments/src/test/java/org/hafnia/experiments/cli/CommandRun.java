package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the {@code hafnia} command line in-process, capturing its output, for tests. */
record CommandRun(int status, String out, String err) {

    static CommandRun of(String... args) {
        CommandLine cl = Hafnia.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new CommandRun(status, out.toString(), err.toString());
    }
}
