package org.hafnia.postprocess.io;

import java.time.Instant;

/**
 * A process as a run folder records its writer: host name, process id and start instant. The start
 * instant tells a live writer from a later process that got the same id. Only a process of this
 * host can be judged gone ({@link #isGone()}); one of another host never is, since nothing here
 * can see its processes, nor one of a host without a name.
 *
 * @param host    the host name ({@link java.net.InetAddress#getLocalHost()}), "unknown" where it has none
 * @param pid     the process id
 * @param started when the process started, null where the platform does not say
 */
public record RunProcess(String host, long pid, Instant started) {

    /**
     * How far two readings of one process's start instant may differ: Linux derives it from the
     * boot time (whole seconds) and the start time in clock ticks (10 ms), so two JVMs agree to a tick;
     * one second keeps a live writer from ever being judged gone by a rounding.
     */
    private static final long START_TOLERANCE_MS = 1000;

    /** The host name of a machine that has none. */
    static final String UNKNOWN_HOST = "unknown";

    private static final RunProcess CURRENT = new RunProcess(localHost(), ProcessHandle.current().pid(),
            ProcessHandle.current().info().startInstant().orElse(null));

    /** This process. */
    public static RunProcess current() {
        return CURRENT;
    }

    /** Whether this is a process of this host that has ended: no process has its id, or the one that has began at another instant. */
    public boolean isGone() {
        if (!isOfThisHost()) {
            return false; // another host's, or one no host name tells from another host's
        }
        var handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        Instant now = handle.get().info().startInstant().orElse(null);
        return started != null && now != null && Math.abs(now.toEpochMilli() - started.toEpochMilli()) > START_TOLERANCE_MS;
    }

    /** Whether this is a process of this host (one of a host without a name never is: no name tells it from another host's). */
    public boolean isOfThisHost() {
        return host.equals(CURRENT.host) && !host.equals(UNKNOWN_HOST);
    }

    /** As a message shows it. */
    public String describe() {
        return "host " + host + ", pid " + pid + (started == null ? "" : ", started " + started);
    }

    private static String localHost() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return UNKNOWN_HOST;
        }
    }
}
