package org.orrery.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code orrery} command line in the test's JVM: its exit status and output. */
record CliRun(int status, String out, String err) {
    static CliRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int status = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
