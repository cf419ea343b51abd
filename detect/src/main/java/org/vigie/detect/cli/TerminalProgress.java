package org.vigie.detect.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.vigie.detect.pipeline.DetectionProgress;
import org.vigie.detect.pipeline.Stage;

/**
 * Shows a run's progress on a terminal: on a TTY one bar per stage redrawn in place (at most every 200 ms);
 * elsewhere (a pipe, a log file) one plain line when a stage starts and one when it ends, so logs stay readable.
 */
public final class TerminalProgress implements DetectionProgress {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintStream err;
    private final boolean tty;
    private long total;
    private long stageStart;
    private long lastDraw;

    public TerminalProgress(PrintStream err, boolean tty) {
        this.err = err;
        this.tty = tty;
    }

    /** A bar when the JVM has a console (stdin and stdout are a terminal), plain lines otherwise. */
    public static TerminalProgress forStderr(PrintStream err) {
        return new TerminalProgress(err, System.console() != null);
    }

    @Override
    public void started(Stage stage, long total) {
        this.total = total;
        this.stageStart = System.nanoTime();
        this.lastDraw = 0;
        if (tty) {
            draw(stage, 0);
        } else {
            err.println("[" + stage.label() + "] started" + (total >= 0 ? " (" + count(total) + " items)" : ""));
        }
    }

    @Override
    public void advanced(Stage stage, long done) {
        long now = System.nanoTime();
        if (tty && now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(stage, done);
        }
    }

    @Override
    public void finished(Stage stage, long items, long nanos) {
        String line = String.format(Locale.ROOT, "[%s] %s items in %.2f s", stage.label(), count(items), nanos / 1e9);
        if (tty) {
            err.print("\r\033[2K" + line + "\n");
        } else {
            err.println(line);
        }
        err.flush();
    }

    private void draw(Stage stage, long done) {
        double seconds = (System.nanoTime() - stageStart) / 1e9;
        StringBuilder b = new StringBuilder("\r\033[2K[").append(stage.label()).append("] ");
        if (total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
            b.append('[').append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", Math.min(100, done * 100 / total)));
        }
        b.append(count(done)).append(String.format(Locale.ROOT, "  %.1f s", seconds));
        err.print(b);
        err.flush();
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
