package org.vigie.detect.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad rows are reported with their line and skipped, within the error budget; bad headers stop at once. */
class PostReaderErrorsTest {

    private static String goodRows(int from, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            s.append("p").append(i).append(",a").append(i).append(',').append(1_600_000_000 + i).append('\n');
        }
        return s.toString();
    }

    @Test
    void badRowsAreSkippedAndReportedWithTheirLineNumbers() {
        var read = Inputs.read("post_id,account_id,timestamp,text\n"
                + "p1,a1,1600000000,ok\n"                 // line 2
                + "p2,a2,yesterday,bad time\n"            // line 3
                + "p3,a3,1600000000,\"two\nlines\"\n"     // lines 4-5
                + "p4,,1600000000,no account\n"           // line 6
                + "p5,a5,1600000000\n"                    // line 7: a field short
                + "p6,a6,2020-09-13T12:26:40,no offset\n" // line 8
                + "p7,a7,1600000000,ok\n", null);         // line 9

        assertThat(read.posts()).extracting(Post::postId).containsExactly("p1", "p3", "p7");
        assertThat(read.report().rowsRead()).isEqualTo(7);
        assertThat(read.report().errors()).isEqualTo(4);
        assertThat(read.report().firstErrors()).extracting(RowError::line).containsExactly(3L, 6L, 7L, 8L);
        assertThat(read.report().firstErrors().get(0).reason()).contains("yesterday");
        assertThat(read.report().firstErrors().get(1).reason()).isEqualTo("empty account_id");
        assertThat(read.report().firstErrors().get(2).reason()).isEqualTo("expected 4 fields, found 3");
        assertThat(read.report().firstErrors().get(3).reason()).contains("no time-zone offset");
    }

    @Test
    void oneBadRowInTenIsWithinTheDefaultBudget() {
        var read = Inputs.read("post_id,account_id,timestamp\n" + goodRows(0, 9) + "p9,a9,never\n", null);

        assertThat(read.posts()).hasSize(9);
        assertThat(read.report().errors()).isEqualTo(1);
    }

    @Test
    void beyondTheBudgetReadingStopsNamingTheCountAndTheFirstErrors() {
        // default: 1 % of rows read, at least 10 — the 11th bad row among 11 + 50 stops the read
        String input = "post_id,account_id,timestamp\n" + goodRows(0, 50) + "x,y,bad\n".repeat(20) + goodRows(50, 50);

        assertThatThrownBy(() -> Inputs.read(input, null))
                .isInstanceOfSatisfying(TooManyRowErrorsException.class, e -> {
                    assertThat(e.errors()).isEqualTo(11);
                    assertThat(e.rowsRead()).isEqualTo(61);
                    assertThat(e.firstErrors()).first().extracting(RowError::line).isEqualTo(52L);
                })
                .hasMessageContaining("stopped after 11 bad rows out of 61 read")
                .hasMessageContaining("line 52: unreadable timestamp 'bad'");
    }

    @Test
    void theFractionCountsOnceTheMinimumIsUsed() {
        ErrorBudget budget = new ErrorBudget(0.01, 10);
        assertThat(budget.allows(10, 10)).isTrue();
        assertThat(budget.allows(11, 11)).isFalse();
        assertThat(budget.allows(10, 1000)).isTrue();
        assertThat(budget.allows(11, 1099)).isFalse();
        assertThat(budget.allows(11, 1100)).isTrue();
        assertThat(ErrorBudget.none().allows(1, 1_000_000)).isFalse();
        assertThat(ErrorBudget.unlimited().allows(1_000_000, 1_000_000)).isTrue();
    }

    @Test
    void maxErrorsIsAPercentageOrACount() {
        assertThat(ErrorBudget.parse("1%")).isEqualTo(ErrorBudget.DEFAULT);
        assertThat(ErrorBudget.parse(" 0.5 % ")).isEqualTo(new ErrorBudget(0.005, 10));
        assertThat(ErrorBudget.parse("250")).isEqualTo(new ErrorBudget(0, 250));
        assertThatThrownBy(() -> ErrorBudget.parse("lots")).hasMessageContaining("percentage (1%) or a count");
        assertThatThrownBy(() -> ErrorBudget.parse("150%")).hasMessageContaining("between 0 and 1");
    }

    @Test
    void aNoBudgetReadStopsAtTheFirstBadRow() {
        assertThatThrownBy(() -> Inputs.read("post_id,account_id,timestamp\np1,a1,1\np2,a2,x\n", null, ErrorBudget.none()))
                .isInstanceOf(TooManyRowErrorsException.class).hasMessageContaining("line 3");
    }

    @Test
    void missingRequiredColumnsAreNamed() {
        assertThatThrownBy(() -> Inputs.read("post_id,text\np1,hi\n", InputFormat.VIGIE_CSV))
                .isInstanceOfSatisfying(MissingColumnsException.class,
                        e -> assertThat(e.missing()).containsExactly("account_id", "timestamp"))
                .hasMessageContaining("missing required columns account_id, timestamp for format vigie-csv");
        assertThatThrownBy(() -> Inputs.read("object_id,account_id,timestamp_share\n", null))
                .isInstanceOf(MissingColumnsException.class)
                .hasMessageContaining("content_id").hasMessageContaining("coortweet");
    }

    @Test
    void anUnclosedQuoteIsOneErrorAtTheLineWhereItsRowStarts() {
        var read = Inputs.read("post_id,account_id,timestamp,text\np1,a1,1,ok\np2,a2,2,\"never closed\np3,a3,3,x\n",
                null);

        assertThat(read.posts()).extracting(Post::postId).containsExactly("p1");
        assertThat(read.report().firstErrors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("never closed");
        });
    }

    @Test
    void badJsonLinesAreRowErrors() {
        var read = Inputs.read("""
                {"post_id":"p1","account_id":"a1","timestamp":1}
                {"post_id":"p2","account_id":"a2","timestamp":
                ["not","an","object"]
                {"post_id":"p4","timestamp":4}
                {"post_id":"p5","account_id":"a5","timestamp":5} {"again":1}
                {"post_id":"p6","account_id":"a6","timestamp":6}
                {"post_id":"p7","account_id":null,"timestamp":7}
                """, InputFormat.VIGIE_JSONL);

        assertThat(read.posts()).extracting(Post::postId).containsExactly("p1", "p6");
        assertThat(read.report().firstErrors()).extracting(RowError::line).containsExactly(2L, 3L, 4L, 5L, 7L);
        assertThat(read.report().firstErrors()).extracting(RowError::reason)
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("invalid JSON"),
                        r -> assertThat(r).isEqualTo("not a JSON object"),
                        r -> assertThat(r).isEqualTo("missing field account_id"),
                        r -> assertThat(r).isEqualTo("text after the JSON object"),
                        r -> assertThat(r).isEqualTo("empty account_id"));
    }
}
