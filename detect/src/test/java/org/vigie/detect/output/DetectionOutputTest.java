package org.vigie.detect.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.input.InputFormat;
import org.vigie.detect.input.InputReport;
import org.vigie.detect.input.Post;
import org.vigie.detect.input.RowError;
import org.vigie.detect.pipeline.Detection;
import org.vigie.detect.pipeline.DetectionResult;
import org.vigie.detect.pipeline.DetectionSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DetectionOutputTest {
    static final String COMMA_QUOTE = "a,\"1\"";
    static final String MARKUP = "<b&c>";
    static final String CONTROL = "d\u0001e";
    static final String PAIR_X = "x";
    static final String PAIR_Y = "y";

    @TempDir
    Path dir;

    /** Three accounts with awkward ids share two links within seconds (a group); x and y share one (no group). */
    static DetectionResult result() {
        List<Post> posts = new ArrayList<>();
        long t = 1_700_000_000L;
        for (String link : List.of("https://example.org/a", "https://example.org/b")) {
            int i = 0;
            for (String account : List.of(COMMA_QUOTE, MARKUP, CONTROL)) {
                posts.add(post(account + link, account, t + i++, link));
            }
            t += 3600;
        }
        posts.add(post("px", PAIR_X, t, "https://example.net/c"));
        posts.add(post("py", PAIR_Y, t + 5, "https://example.net/c"));
        posts.add(post("solo", "solo", t, "https://example.net/d"));
        DetectionSettings settings = DetectionSettings.defaults()
                .withTypes(EnumSet.of(CoActionType.CO_LINK, CoActionType.CO_HASHTAG)).withWindow(60)
                .withMinParticipation(1).withMinWeight(0).withWeightQuantile(Double.NaN).withIdf(false)
                .withMinGroupSize(3).withMinObjects(1).withMinRarity(0);
        return new Detection(settings).run(posts.iterator(), () -> new InputReport(InputFormat.VIGIE_CSV, 9,
                posts.size(), 2, List.of(new RowError(4, "bad timestamp 'yesterday'"), new RowError(7, "no account_id"))));
    }

    static Post post(String id, String account, long time, String url) {
        return new Post(id, account, null, "twitter", time, "look", List.of(url), List.of(), List.of(), List.of(),
                null, null, List.of(), null);
    }

    @Test
    void nodesCsvHasOneRowPerAccountOfTheNetworkWithItsGroupOrNothing() throws IOException {
        DetectionOutput.write(result(), dir);

        assertThat(Rfc4180.rows(dir.resolve("nodes.csv")).get(0)).containsExactlyElementsOf(CsvOutputs.NODE_COLUMNS);
        Map<String, Map<String, String>> nodes = Rfc4180.records(dir.resolve("nodes.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("account_id"), r -> r));
        assertThat(nodes).containsOnlyKeys(COMMA_QUOTE, MARKUP, CONTROL, PAIR_X, PAIR_Y);
        assertThat(nodes.get(COMMA_QUOTE).get("group_id")).isEqualTo("0");
        assertThat(nodes.get(PAIR_X).get("group_id")).isEmpty();
        assertThat(nodes.get(MARKUP).get("platform")).isEqualTo("twitter");
        assertThat(nodes.get(MARKUP).get("posts")).isEqualTo("2");
    }

    @Test
    void edgesCsvStartsWithCooRTweetsColumnsThenPairsPerType() throws IOException {
        DetectionOutput.write(result(), dir);

        assertThat(Rfc4180.rows(dir.resolve("edges.csv")).get(0)).containsExactly("account_id", "account_id_y",
                "weight", "avg_time_delta", "n_content_id", "n_content_id_y", "edge_symmetry_score",
                "weight_threshold", "idf_weight", "objects", "co_link", "co_hashtag");
        List<Map<String, String>> edges = Rfc4180.records(dir.resolve("edges.csv"));
        assertThat(edges).hasSize(4);
        // byte-wise order: '<' before 'a'
        Map<String, String> trio = edges.stream().filter(e -> e.get("account_id").equals(MARKUP)
                && e.get("account_id_y").equals(COMMA_QUOTE)).findFirst().orElseThrow();
        assertThat(trio).containsEntry("weight", "2").containsEntry("objects", "2").containsEntry("co_link", "2")
                .containsEntry("co_hashtag", "0").containsEntry("avg_time_delta", "1")
                .containsEntry("weight_threshold", "1");
    }

    @Test
    void groupsCsvListsMembersAndTopObjects() throws IOException {
        DetectionOutput.write(result(), dir);

        List<Map<String, String>> groups = Rfc4180.records(dir.resolve("groups.csv"));
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0)).containsEntry("group_id", "0").containsEntry("size", "3")
                .containsEntry("platforms", "twitter").containsEntry("edges", "3");
        assertThat(groups.get(0).get("top_objects").split("\n"))
                .containsExactlyInAnyOrder("url:https://example.org/a", "url:https://example.org/b");
    }

    @Test
    void gexfIsGexf13WithEscapedIdsGroupsScoresAndWeights() throws Exception {
        DetectionOutput.write(result(), dir);

        Document gexf = parse(dir.resolve("network.gexf"));
        Element root = gexf.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://gexf.net/1.3");
        assertThat(root.getAttribute("version")).isEqualTo("1.3");
        NodeList nodes = gexf.getElementsByTagNameNS("http://gexf.net/1.3", "node");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            ids.add(((Element) nodes.item(i)).getAttribute("id"));
        }
        assertThat(ids).containsExactlyInAnyOrder(COMMA_QUOTE, MARKUP, "d\uFFFDe", PAIR_X, PAIR_Y);
        Element markup = (Element) nodes.item(ids.indexOf(MARKUP));
        assertThat(attvalues(markup)).containsEntry("group", "0").containsEntry("platform", "twitter")
                .containsKey("score");
        assertThat(attvalues((Element) nodes.item(ids.indexOf(PAIR_X)))).doesNotContainKey("group");
        NodeList edges = gexf.getElementsByTagNameNS("http://gexf.net/1.3", "edge");
        assertThat(edges.getLength()).isEqualTo(4);
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            assertThat(ids).contains(e.getAttribute("source"), e.getAttribute("target"));
            assertThat(Double.parseDouble(e.getAttribute("weight"))).isPositive();
        }
        assertThat(gexf.getElementsByTagNameNS("http://gexf.net/1.3", "graph").item(0).getAttributes()
                .getNamedItem("defaultedgetype").getNodeValue()).isEqualTo("undirected");
    }

    @Test
    void graphmlDeclaresItsKeysAndHoldsTheSameNetwork() throws Exception {
        DetectionOutput.write(result(), dir);

        Document graphml = parse(dir.resolve("network.graphml"));
        String ns = "http://graphml.graphdrawing.org/xmlns";
        assertThat(graphml.getDocumentElement().getNamespaceURI()).isEqualTo(ns);
        List<String> keys = new ArrayList<>();
        NodeList keyList = graphml.getElementsByTagNameNS(ns, "key");
        for (int i = 0; i < keyList.getLength(); i++) {
            keys.add(((Element) keyList.item(i)).getAttribute("id"));
        }
        assertThat(keys).contains("group", "score", "platform", "weight");
        assertThat(graphml.getElementsByTagNameNS(ns, "node").getLength()).isEqualTo(5);
        assertThat(graphml.getElementsByTagNameNS(ns, "edge").getLength()).isEqualTo(4);
        Element first = (Element) graphml.getElementsByTagNameNS(ns, "node").item(0);
        assertThat(first.getAttribute("id")).isEqualTo(MARKUP); // account order: byte-wise, '<' before 'a'
        assertThat(first.getElementsByTagNameNS(ns, "data").item(0).getTextContent()).isEqualTo("0"); // its group
    }

    @Test
    void summaryJsonHasSettingsInputErrorsCountsWindowStagesAndGroups() throws IOException {
        DetectionOutput.write(result(), dir);

        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(s.at("/settings/types").toString()).isEqualTo("[\"co-link\",\"co-hashtag\"]");
        assertThat(s.at("/settings/window").asLong()).isEqualTo(60);
        assertThat(s.at("/input/rows").asLong()).isEqualTo(9);
        assertThat(s.at("/input/row_errors").asLong()).isEqualTo(2);
        assertThat(s.at("/input/first_errors/0/line").asLong()).isEqualTo(4);
        assertThat(s.at("/input/first_errors/0/reason").asText()).isEqualTo("bad timestamp 'yesterday'");
        assertThat(s.at("/traces_by_type/co-link").asLong()).isEqualTo(9);
        assertThat(s.at("/window/estimated").asBoolean()).isFalse();
        assertThat(s.at("/edges").asLong()).isEqualTo(4);
        assertThat(s.at("/stages").size()).isGreaterThanOrEqualTo(3);
        assertThat(s.at("/groups/0/members").size()).isEqualTo(3);
        assertThat(s.at("/groups/0/evidence").size()).isEqualTo(6);
        assertThat(s.at("/files").toString()).contains("nodes.csv", "network.gexf");
    }

    @Test
    void anEmptyResultWritesEveryFileWithHeadersOnly() throws Exception {
        DetectionResult empty = new Detection(DetectionSettings.defaults()).run(List.<Post>of().iterator(),
                () -> new InputReport(null, 0, 0, 0, List.of()));

        List<Path> files = DetectionOutput.write(empty, dir);

        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("nodes.csv", "edges.csv",
                "groups.csv", "network.gexf", "network.graphml", "summary.json");
        assertThat(Rfc4180.rows(dir.resolve("nodes.csv"))).hasSize(1);
        assertThat(Rfc4180.rows(dir.resolve("edges.csv"))).hasSize(1);
        assertThat(parse(dir.resolve("network.gexf")).getElementsByTagNameNS("http://gexf.net/1.3", "node")
                .getLength()).isZero();
        assertThat(new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).at("/groups").size()).isZero();
    }

    @Test
    void aFailedWriteLeavesNoFileBehind() throws IOException {
        Files.createDirectories(dir.resolve(".groups.csv.part")); // cannot be opened as a file
        Files.writeString(dir.resolve(".groups.csv.part").resolve("keep"), "not ours");

        assertThatThrownBy(() -> DetectionOutput.write(result(), dir)).isInstanceOf(IOException.class);

        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly(".groups.csv.part");
        }
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(Csv.escape("plain")).isEqualTo("plain");
        assertThat(Csv.escape("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.escape("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.number(2.0)).isEqualTo("2");
        assertThat(Csv.number(0.125)).isEqualTo("0.125");
        assertThat(Csv.number(1.0 / 3)).isEqualTo("0.333333");
        assertThat(Csv.number(-2.5e-7)).isEqualTo("0");
        assertThat(Csv.number(-0.25)).isEqualTo("-0.25");
        assertThat(Csv.number(12.0000004)).isEqualTo("12");
        assertThat(Csv.number(1e-9)).isEqualTo("0");
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    static Map<String, String> attvalues(Element node) {
        Map<String, String> m = new java.util.HashMap<>();
        NodeList values = node.getElementsByTagNameNS("http://gexf.net/1.3", "attvalue");
        for (int i = 0; i < values.getLength(); i++) {
            Element v = (Element) values.item(i);
            m.put(v.getAttribute("for"), v.getAttribute("value"));
        }
        return m;
    }
}
