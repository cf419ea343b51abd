package org.vigie.detect.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    private static final String[] PIECES = {"a", "bc", "é", "日本", " ", ",", "\"", "\n", "\r\n", "\r", "x y", "😀"};

    @Test
    void recordsThatStraddleTheBufferAreParsedAsAWhole() {
        Random random = new Random(7);
        List<List<String>> records = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        String[] endings = {"\n", "\r\n", "\r"};
        for (int r = 0; r < 300; r++) {
            List<String> fields = new ArrayList<>();
            int width = 1 + random.nextInt(5);
            for (int f = 0; f < width; f++) {
                StringBuilder value = new StringBuilder();
                int pieces = random.nextInt(6);
                for (int p = 0; p < pieces; p++) {
                    value.append(PIECES[random.nextInt(PIECES.length)]);
                }
                fields.add(value.toString());
                if (f > 0) {
                    csv.append(',');
                }
                csv.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
            }
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                fields.set(0, "z"); // a lone empty field is a blank line, not a record with an empty field
                csv.append("z");
            }
            records.add(fields);
            csv.append(endings[random.nextInt(endings.length)]);
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        for (int size : new int[] {4, 5, 7, 64, 1024, 1 << 20}) {
            assertThat(parseAll(new ByteArrayInputStream(bytes), size)).as("buffer of %d bytes", size)
                    .isEqualTo(records);
        }
    }

    @Test
    void lineNumbersCountTheLineBreaksInsideQuotedFields() {
        CsvParser csv = parser("a,\"one\ntwo\r\nthree\rfour\"\r\nb,c\n", 5);
        assertThat(csv.next()).isTrue();
        assertThat(csv.recordLine()).isEqualTo(1);
        assertThat(csv.raw(1)).isEqualTo("one\ntwo\r\nthree\rfour");
        assertThat(csv.next()).isTrue();
        assertThat(csv.recordLine()).isEqualTo(5);
        assertThat(csv.next()).isFalse();
    }

    @Test
    void unquotedFieldsKeepTheirQuotesAndTextAfterAClosingQuoteIsKept() {
        CsvParser csv = parser("ab\"c,\"q\"rest,\"\"\n", 4);
        assertThat(csv.next()).isTrue();
        assertThat(csv.record()).containsExactly("ab\"c", "qrest", "");
    }

    @Test
    void fieldsAreTrimmedAndSplitLikeStrings() {
        CsvParser csv = parser(" x ,  ,a b\u2003c,\t u1  u2 \n", 3);
        assertThat(csv.next()).isTrue();
        assertThat(csv.string(0)).isEqualTo("x");
        assertThat(csv.string(1)).isNull();
        assertThat(csv.isEmpty(1)).isTrue();
        assertThat(csv.words(2)).containsExactly("a", "b", "c"); // an em space separates words too
        assertThat(csv.words(3)).containsExactly("u1", "u2");
        assertThat(csv.words(1)).isEmpty();
    }

    @Test
    void aQuotedFieldThatNeverClosesNamesTheLineItOpenedOn() {
        CsvParser csv = parser("a,b\nc,\"open\nstill\n", 4);
        assertThat(csv.next()).isTrue();
        assertThatThrownBy(csv::next).isInstanceOf(CsvParser.MalformedRecordException.class)
                .hasMessage("quoted field opened on line 2 is never closed");
    }

    @Test
    void theLastRecordNeedsNoLineBreakAndATrailingCommaIsAnEmptyField() {
        CsvParser csv = parser("a,b,", 2);
        assertThat(csv.next()).isTrue();
        assertThat(csv.record()).containsExactly("a", "b", "");
        assertThat(csv.next()).isFalse();
    }

    private static CsvParser parser(String text, int bufferSize) {
        return new CsvParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), bufferSize);
    }

    private static List<List<String>> parseAll(InputStream in, int bufferSize) {
        CsvParser csv = new CsvParser(in, bufferSize);
        List<List<String>> all = new ArrayList<>();
        while (csv.next()) {
            all.add(csv.record());
        }
        return all;
    }
}
