package org.vigie.server.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * How Vigie says "too large" (413): the detail names the limit in words and in bytes, and the problem
 * carries it as {@code limit} (bytes) and {@code limitText} (as people read it), so that a client can
 * tell its user what would be accepted.
 */
public final class PayloadTooLarge {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final long GIB = 1024 * MIB;

    private PayloadTooLarge() {
    }

    /** A 413 problem: "{subject} is larger than the limit of 50 MB (52428800 bytes)." */
    public static ProblemDetail problem(String subject, long limitBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, detail(subject, limitBytes));
        problem.setTitle("Payload too large");
        addLimit(problem, limitBytes);
        return problem;
    }

    public static String detail(String subject, long limitBytes) {
        return subject + " is larger than the limit of " + readable(limitBytes) + " (" + limitBytes + " bytes).";
    }

    public static void addLimit(ProblemDetail problem, long limitBytes) {
        problem.setProperty("limit", limitBytes);
        problem.setProperty("limitText", readable(limitBytes));
    }

    /** A size as people read it, in the binary units Spring's {@code DataSize} uses: 50 MB, 1.5 GB, 512 KB, 10 bytes. */
    public static String readable(long bytes) {
        if (bytes >= GIB) {
            return units(bytes, GIB) + " GB";
        }
        if (bytes >= MIB) {
            return units(bytes, MIB) + " MB";
        }
        if (bytes >= KIB) {
            return units(bytes, KIB) + " KB";
        }
        return bytes == 1 ? "1 byte" : bytes + " bytes";
    }

    private static String units(long bytes, long unit) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit), 1, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
    }
}
