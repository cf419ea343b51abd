package org.vigie.detect.coaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.detect.input.Post;

class CoActionExtractorTest {

    private static List<Trace> traces(CoActionExtractor extractor, Post post) {
        List<Trace> out = new ArrayList<>();
        extractor.extract(post, out::add);
        return out;
    }

    @Test
    void everyTypeGivesItsPrefixedObject() {
        Post post = new Post("p1", "a1", "Alice", "twitter", 100, "@x Vote for them now! https://t.co/1",
                List.of("https://WWW.Example.com/a?utm_source=x", "https://example.com/b"), List.of(),
                List.of("#Vote", "vote", "Now"), List.of("x"), "p0", "p9", List.of("ph1"), "en");

        assertThat(traces(CoActionExtractor.allTypes(), post))
                .extracting(Trace::type, Trace::objectId)
                .containsExactly(
                        tuple(CoActionType.CO_REPOST, "repost:p0"),
                        tuple(CoActionType.CO_LINK, "url:https://www.example.com/a"),
                        tuple(CoActionType.CO_LINK, "url:https://example.com/b"),
                        tuple(CoActionType.CO_DOMAIN, "domain:example.com"),
                        tuple(CoActionType.CO_HASHTAG, "hashtag:vote"),
                        tuple(CoActionType.CO_HASHTAG, "hashtag:now"),
                        tuple(CoActionType.CO_IMAGE, "image:ph1"),
                        tuple(CoActionType.CO_TEXT, "text:vote for them now!"),
                        tuple(CoActionType.CO_REPLY, "reply:p9"));
        assertThat(traces(CoActionExtractor.allTypes(), post))
                .allSatisfy(t -> {
                    assertThat(t.accountId()).isEqualTo("a1");
                    assertThat(t.contentId()).isEqualTo("p1");
                    assertThat(t.epochSecond()).isEqualTo(100);
                });
    }

    @Test
    void onlyTheChosenTypes() {
        Post post = Post.of("p1", "a1", 5).withRepostOf("p0").withHashtags(List.of("x"));

        assertThat(traces(new CoActionExtractor(EnumSet.of(CoActionType.CO_HASHTAG), 10), post))
                .containsExactly(new Trace("a1", "hashtag:x", 5, "p1", CoActionType.CO_HASHTAG));
    }

    @Test
    void givenDomainsWinOverDomainsOfTheUrls() {
        Post post = Post.of("p1", "a1", 5).withUrls(List.of("u1", "https://other.org/"));
        Post withDomains = new Post("p1", "a1", null, null, 5, null, List.of("u1"), List.of("D7"), null, null, null,
                null, null, null);
        CoActionExtractor domains = new CoActionExtractor(EnumSet.of(CoActionType.CO_DOMAIN), 10);

        assertThat(traces(domains, post)).extracting(Trace::objectId).containsExactly("domain:other.org");
        assertThat(traces(domains, withDomains)).extracting(Trace::objectId).containsExactly("domain:d7");
    }

    @Test
    void shortOrEmptyValuesGiveNoTrace() {
        Post post = Post.of("p1", "a1", 5).withText("@bob ok https://x.y/").withHashtags(List.of("#", " "));

        assertThat(traces(CoActionExtractor.allTypes(), post)).isEmpty();
    }

    @Test
    void tracesStreamAsPostsAreRead() {
        List<Post> posts = List.of(Post.of("p1", "a1", 1).withRepostOf("o"), Post.of("p2", "a2", 2),
                Post.of("p3", "a3", 3).withRepostOf("o").withReplyTo("p1"));
        List<Trace> out = new ArrayList<>();

        CoActionExtractor.allTypes().traces(posts.iterator()).forEachRemaining(out::add);

        assertThat(out).containsExactly(
                new Trace("a1", "repost:o", 1, "p1", CoActionType.CO_REPOST),
                new Trace("a3", "repost:o", 3, "p3", CoActionType.CO_REPOST),
                new Trace("a3", "reply:p1", 3, "p3", CoActionType.CO_REPLY));
    }

    @Test
    void nearDuplicateTextIsNotAPerPostType() {
        assertThatThrownBy(() -> new CoActionExtractor(EnumSet.of(CoActionType.CO_TEXT_NEAR), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MinHash");
    }

    @Test
    void hashtagKeys() {
        assertThat(CoActionExtractor.hashtag("##Wahl2021")).isEqualTo("wahl2021");
        assertThat(CoActionExtractor.hashtag("#")).isNull();
    }
}
