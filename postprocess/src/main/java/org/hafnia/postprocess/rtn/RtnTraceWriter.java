package org.hafnia.postprocess.rtn;

import java.nio.charset.StandardCharsets;

import org.hafnia.postprocess.io.AtomicFiles;

/** Writes a trace in the format {@link RtnTraceReader} reads: its header, then time, voltage, current. */
public final class RtnTraceWriter {

    private RtnTraceWriter() {
    }

    public static AtomicFiles.Content csv(RtnTrace trace) {
        return out -> {
            StringBuilder sb = new StringBuilder(RtnTraceReader.HEADER).append('\n');
            for (int k = 0; k < trace.samples(); k++) {
                sb.append(trace.time()[k]).append(',').append(trace.voltage()[k]).append(',')
                        .append(trace.current()[k]).append('\n');
            }
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        };
    }
}
