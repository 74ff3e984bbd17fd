package org.hafnia.experiments.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** A progress bar on a terminal; silent when standard output is not a TTY. Thread-safe. */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    Progress(String task, long total) {
        this.bar = System.console() == null ? null
                : new ProgressBarBuilder().setTaskName(task).setInitialMax(total).continuousUpdate().build();
    }

    synchronized void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
