package org.vigie.detect.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each input format read from small hand-made inputs. */
class PostReaderFormatsTest {

    private static final String VIGIE_HEADER =
            "post_id,account_id,account_name,platform,timestamp,text,urls,hashtags,mentions,repost_of,reply_to,image_hash,lang\n";

    @Test
    void vigieCsvReadsEveryColumnWithSpaceSeparatedLists() {
        var read = Inputs.read(VIGIE_HEADER
                + "p1,a1,Alice,twitter,2021-09-01T10:00:00Z,Hello world,https://a.example/x https://b.example/y,"
                + "#Vote news,bob carol,,p0,abc123,en\n", null);

        assertThat(read.report().format()).isEqualTo(InputFormat.VIGIE_CSV);
        assertThat(read.posts()).containsExactly(new Post("p1", "a1", "Alice", "twitter", 1630490400L,
                "Hello world", List.of("https://a.example/x", "https://b.example/y"), List.of(),
                List.of("#Vote", "news"), List.of("bob", "carol"), null, "p0", List.of("abc123"), "en"));
    }

    @Test
    void quotedCsvFieldsHoldCommasLineBreaksAndDoubledQuotes() {
        var read = Inputs.read("post_id,account_id,timestamp,text\r\n"
                + "p1,a1,1630490400,\"Say \"\"no\"\", then\r\nvote, please\"\r\n"
                + "p2,a2,1630490401,plain\r\n", null);

        assertThat(read.posts()).extracting(Post::text)
                .containsExactly("Say \"no\", then\r\nvote, please", "plain");
        assertThat(read.report().rowsRead()).isEqualTo(2);
    }

    @Test
    void columnsMayComeInAnyOrderAndOptionalOnesMayBeMissing() {
        var read = Inputs.read("timestamp,text,account_id,post_id\n1630490400,hi,a1,p1\n", null);

        Post p = read.posts().get(0);
        assertThat(p.postId()).isEqualTo("p1");
        assertThat(p.accountId()).isEqualTo("a1");
        assertThat(p.urls()).isEmpty();
        assertThat(p.repostOf()).isNull();
    }

    @Test
    void jsonlTakesArraysOrSpaceSeparatedStringsAndNumericTimestamps() {
        var read = Inputs.read("""
                {"post_id":"p1","account_id":"a1","timestamp":1630490400,"text":"Hi","urls":["https://a.example/"],"hashtags":"x y"}

                {"post_id":"p2","account_id":"a2","timestamp":"2021-09-01T12:00:00+02:00","repost_of":"p1","mentions":[],"extra":{"nested":1}}
                """, null);

        assertThat(read.report().format()).isEqualTo(InputFormat.VIGIE_JSONL);
        assertThat(read.posts()).hasSize(2);
        assertThat(read.posts().get(0).urls()).containsExactly("https://a.example/");
        assertThat(read.posts().get(0).hashtags()).containsExactly("x", "y");
        assertThat(read.posts().get(1).epochSecond()).isEqualTo(1630490400L);
        assertThat(read.posts().get(1).repostOf()).isEqualTo("p1");
    }

    @Test
    void coortweetRowsArePostsThatRepostTheirObject() {
        var read = Inputs.read("\"object_id\",\"account_id\",\"content_id\",\"timestamp_share\"\n"
                + "\"o1\",\"a1\",\"c1\",1623881091\n\"o1\",\"a2\",\"c2\",1623881095\n", null);

        assertThat(read.report().format()).isEqualTo(InputFormat.COORTWEET);
        assertThat(read.posts()).containsExactly(
                Post.of("c1", "a1", 1623881091L).withRepostOf("o1"),
                Post.of("c2", "a2", 1623881095L).withRepostOf("o1"));
    }

    @Test
    void multiPlatformGroupsConsecutiveRowsOfOnePost() {
        var read = Inputs.read("\"account_id\",\"post_id\",\"url_id\",\"hashtag_id\",\"domain_id\",\"phash_id\",\"timestamp\"\n"
                + "\"fb_1\",10,u1,h1,d1,,1629589836\n"
                + "\"fb_1\",10,u1,h2,d1,,1629589836\n"
                + "\"fb_1\",10,u2,,d2,ph1,1629589836\n"
                + "\"tw_2\",10,u1,,,,1629589900\n"   // same post id, other account: another post
                + "\"fb_1\",10,u3,,,,1629589836\n", null); // not consecutive: a second post with the same id

        assertThat(read.report().format()).isEqualTo(InputFormat.MULTI_PLATFORM);
        assertThat(read.report().rowsRead()).isEqualTo(5);
        assertThat(read.posts()).hasSize(3);
        Post first = read.posts().get(0);
        assertThat(first.urls()).containsExactly("u1", "u2");
        assertThat(first.hashtags()).containsExactly("h1", "h2");
        assertThat(first.domains()).containsExactly("d1", "d2");
        assertThat(first.imageHashes()).containsExactly("ph1");
        assertThat(first.platform()).isEqualTo("facebook");
        assertThat(read.posts().get(1).accountId()).isEqualTo("tw_2");
        assertThat(read.posts().get(1).platform()).isEqualTo("twitter");
        assertThat(read.posts().get(2).urls()).containsExactly("u3");
    }

    @Test
    void networkToolkitCsvTakesHashtagsAndMentionsFromTheMessage() {
        var read = Inputs.read("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n"
                + "m1,u1,alice,,m0,\"Vote #Now with @bob, see x&#y\",1630490400.25,https://a.example/ https://b.example/\n"
                + "m2,u2,bob,m1,,,1630490401,\n", null);

        assertThat(read.report().format()).isEqualTo(InputFormat.NETWORK_TOOLKIT);
        Post m1 = read.posts().get(0);
        assertThat(m1.accountName()).isEqualTo("alice");
        assertThat(m1.replyTo()).isEqualTo("m0");
        assertThat(m1.hashtags()).containsExactly("Now");
        assertThat(m1.mentions()).containsExactly("bob");
        assertThat(m1.urls()).containsExactly("https://a.example/", "https://b.example/");
        assertThat(m1.epochSecond()).isEqualTo(1630490400L);
        assertThat(read.posts().get(1).repostOf()).isEqualTo("m1");
    }

    @Test
    void networkToolkitColumnsAreReadByPositionAsTheToolkitDoes() {
        var read = Inputs.read("id,author,name,rt,re,body,time,links\n"
                + "m1,u1,alice,m0,,hello,1630490400,youtu.be/1 www.example.com\n", InputFormat.NETWORK_TOOLKIT);

        Post m1 = read.posts().get(0);
        assertThat(m1.postId()).isEqualTo("m1");
        assertThat(m1.accountId()).isEqualTo("u1");
        assertThat(m1.repostOf()).isEqualTo("m0");
        assertThat(m1.text()).isEqualTo("hello");
        assertThat(m1.urls()).containsExactly("youtu.be/1", "www.example.com");
        assertThatThrownBy(() -> Inputs.read("a,b,c\n", InputFormat.NETWORK_TOOLKIT))
                .isInstanceOf(MissingColumnsException.class)
                .hasMessageContaining("reply_id, message, timestamp, urls");
    }

    @Test
    void gzipIsRecognisedByItsMagicBytes() {
        var read = Inputs.read(Inputs.gzip("object_id,account_id,content_id,timestamp_share\no,a,c,1\n"), null,
                ErrorBudget.DEFAULT);

        assertThat(read.posts()).containsExactly(Post.of("c", "a", 1).withRepostOf("o"));
    }

    @Test
    void gzippedJsonlIsDetectedToo() {
        var read = Inputs.read(Inputs.gzip("{\"post_id\":\"p\",\"account_id\":\"a\",\"timestamp\":\"1970-01-01T00:00:07Z\"}\n"),
                null, ErrorBudget.DEFAULT);

        assertThat(read.report().format()).isEqualTo(InputFormat.VIGIE_JSONL);
        assertThat(read.posts()).containsExactly(Post.of("p", "a", 7));
    }

    @Test
    void aGivenFormatOverridesDetection() {
        // a Vigie CSV that happens to have a url_id column would be detected as multi-platform
        var read = Inputs.read("post_id,account_id,timestamp,url_id\np1,a1,1,u\n", InputFormat.VIGIE_CSV);

        assertThat(read.report().format()).isEqualTo(InputFormat.VIGIE_CSV);
        assertThat(read.posts()).containsExactly(Post.of("p1", "a1", 1));
    }

    @Test
    void detectionFromTheHeader() {
        assertThat(InputFormat.detect(List.of("post_id", "account_id", "timestamp"))).isEqualTo(InputFormat.VIGIE_CSV);
        assertThat(InputFormat.detect(List.of("object_id", "account_id", "content_id", "timestamp_share")))
                .isEqualTo(InputFormat.COORTWEET);
        assertThat(InputFormat.detect(List.of("account_id", "post_id", "url_id", "timestamp")))
                .isEqualTo(InputFormat.MULTI_PLATFORM);
        assertThat(InputFormat.detect(List.of(" Message_ID ", "user_id", "timestamp")))
                .isEqualTo(InputFormat.NETWORK_TOOLKIT);
        assertThat(InputFormat.detect(List.of("id", "user", "when"))).isNull();
        assertThat(InputFormat.fromKey("multi-platform")).isEqualTo(InputFormat.MULTI_PLATFORM);
    }

    @Test
    void anUnrecognisedHeaderAsksForTheFormat() {
        assertThatThrownBy(() -> Inputs.read("id,user,when\n1,2,3\n", null))
                .isInstanceOf(PostInputException.class)
                .hasMessageContaining("id, user, when").hasMessageContaining("--format");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() {
        var read = Inputs.read("\uFEFFpost_id,account_id,timestamp\np1,a1,5\n", null);

        assertThat(read.posts()).containsExactly(Post.of("p1", "a1", 5));
    }

    @Test
    void emptyInputsGiveNoPosts() {
        for (String empty : new String[] {"", "\n\n", "post_id,account_id,timestamp\n"}) {
            var read = Inputs.read(empty, null);
            assertThat(read.posts()).as("'%s'", empty).isEmpty();
            assertThat(read.report().errors()).isZero();
        }
        assertThat(Inputs.read(Inputs.gzip(""), InputFormat.COORTWEET, ErrorBudget.DEFAULT).posts()).isEmpty();
        assertThat(Inputs.read("", InputFormat.VIGIE_JSONL).posts()).isEmpty();
    }

    @Test
    void accountsAreNumberedInOrderOfFirstGoodPostWhileReading() throws Exception {
        String csv = "post_id,account_id,timestamp\n"
                + "p1,tw_b,1630490400\n"
                + "p2,tw_skipped,not-a-time\n" // a bad row: its account gets no number
                + "p3, Müller ,1630490401\n" // not ASCII: numbered through its string
                + "p4,tw_b,1630490402\n"
                + "p5,tw_c,1630490403\n";
        org.vigie.detect.network.IdInterner ids = new org.vigie.detect.network.IdInterner();
        List<String> accounts = new java.util.ArrayList<>();
        List<Integer> numbers = new java.util.ArrayList<>();
        try (PostReader reader = PostReader.open(new java.io.ByteArrayInputStream(
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null, ErrorBudget.parse("10"))) {
            reader.numberAccounts(ids);
            while (reader.hasNext()) {
                accounts.add(reader.next().accountId());
                numbers.add(reader.accountNumber());
            }
        }

        assertThat(accounts).containsExactly("tw_b", "Müller", "tw_b", "tw_c");
        assertThat(numbers).containsExactly(0, 1, 0, 2);
        assertThat(ids.size()).isEqualTo(3);
    }
}
