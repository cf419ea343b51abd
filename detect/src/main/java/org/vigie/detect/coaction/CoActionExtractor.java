package org.vigie.detect.coaction;

import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import org.vigie.detect.input.Post;

/**
 * Turns posts into co-action traces, one post at a time (nothing is kept between posts). Each trace's
 * object id is prefixed by its kind so that objects of different types never collide:
 * <table>
 *   <caption>object ids</caption>
 *   <tr><td>{@link CoActionType#CO_REPOST}</td><td>{@code repost:} + {@code repostOf}</td></tr>
 *   <tr><td>{@link CoActionType#CO_LINK}</td><td>{@code url:} + {@link UrlNormalizer#normalize}</td></tr>
 *   <tr><td>{@link CoActionType#CO_DOMAIN}</td><td>{@code domain:} + the post's given domains (lower-case),
 *       else {@link UrlNormalizer#domain} of its URLs</td></tr>
 *   <tr><td>{@link CoActionType#CO_HASHTAG}</td><td>{@code hashtag:} + lower-case tag without {@code #}</td></tr>
 *   <tr><td>{@link CoActionType#CO_IMAGE}</td><td>{@code image:} + the image hash</td></tr>
 *   <tr><td>{@link CoActionType#CO_TEXT}</td><td>{@code text:} + {@link TextNormalizer#key}</td></tr>
 *   <tr><td>{@link CoActionType#CO_REPLY}</td><td>{@code reply:} + {@code replyTo}</td></tr>
 * </table>
 * Within one post an object gives one trace, however often it appears (a URL twice in a text, two
 * spellings of one link). {@link CoActionType#CO_TEXT_NEAR} is not produced here (it needs MinHash
 * over the whole input) and is refused.
 */
public final class CoActionExtractor {

    /** The prefix of co-text object ids. */
    public static final String TEXT_PREFIX = "text:";

    private final Set<CoActionType> types;
    private final int minTextLength;

    public CoActionExtractor(Set<CoActionType> types, int minTextLength) {
        if (types.contains(CoActionType.CO_TEXT_NEAR)) {
            throw new IllegalArgumentException("co-text-near is not extracted per post (it needs MinHash over the input)");
        }
        this.types = types.isEmpty() ? EnumSet.noneOf(CoActionType.class) : EnumSet.copyOf(types);
        this.minTextLength = minTextLength;
    }

    /** Every per-post type, with the default minimum text length. */
    public static CoActionExtractor allTypes() {
        return new CoActionExtractor(EnumSet.complementOf(EnumSet.of(CoActionType.CO_TEXT_NEAR)),
                TextNormalizer.DEFAULT_MIN_LENGTH);
    }

    public Set<CoActionType> types() {
        return EnumSet.copyOf(types);
    }

    /** Gives {@code sink} the traces of {@code post}, by type in enum order. */
    public void extract(Post post, Consumer<Trace> sink) {
        extract(post, types.contains(CoActionType.CO_TEXT) ? TextNormalizer.normalize(post.text()) : null, sink);
    }

    /**
     * The same, with the post's text already normalised by {@link TextNormalizer#normalize} (a caller that also
     * needs the normalised text, for near-duplicates, normalises once).
     */
    public void extract(Post post, String normalizedText, Consumer<Trace> sink) {
        // a post has a handful of objects: a short list beats a HashSet allocated per post
        List<String> seen = new ArrayList<>(4);
        for (CoActionType type : types) {
            switch (type) {
                case CO_REPOST -> emit(post, type, "repost:", post.repostOf(), seen, sink);
                case CO_REPLY -> emit(post, type, "reply:", post.replyTo(), seen, sink);
                case CO_LINK -> {
                    for (String u : post.urls()) {
                        emit(post, type, "url:", UrlNormalizer.normalize(u), seen, sink);
                    }
                }
                case CO_DOMAIN -> {
                    if (!post.domains().isEmpty()) {
                        for (String d : post.domains()) {
                            emit(post, type, "domain:", lower(d), seen, sink);
                        }
                    } else {
                        for (String u : post.urls()) {
                            emit(post, type, "domain:", UrlNormalizer.domain(u), seen, sink);
                        }
                    }
                }
                case CO_HASHTAG -> {
                    for (String h : post.hashtags()) {
                        emit(post, type, "hashtag:", hashtag(h), seen, sink);
                    }
                }
                case CO_IMAGE -> {
                    for (String h : post.imageHashes()) {
                        emit(post, type, "image:", h, seen, sink);
                    }
                }
                case CO_TEXT -> emit(post, type, TEXT_PREFIX,
                        normalizedText == null || normalizedText.length() < minTextLength ? null : normalizedText,
                        seen, sink);
                case CO_TEXT_NEAR -> { } // refused by the constructor
            }
        }
    }

    /** The traces of {@code posts}, lazily, as the posts are read. */
    public Iterator<Trace> traces(Iterator<Post> posts) {
        return new Iterator<>() {
            private final ArrayDeque<Trace> buffer = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (buffer.isEmpty() && posts.hasNext()) {
                    extract(posts.next(), buffer::add);
                }
                return !buffer.isEmpty();
            }

            @Override
            public Trace next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.poll();
            }
        };
    }

    /** A hashtag's key: without leading {@code #}, lower-case; {@code null} when nothing is left. */
    public static String hashtag(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.trim();
        int i = 0;
        while (i < t.length() && t.charAt(i) == '#') {
            i++;
        }
        t = t.substring(i).toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    private static void emit(Post post, CoActionType type, String prefix, String key, List<String> seen,
            Consumer<Trace> sink) {
        if (key == null || key.isEmpty()) {
            return;
        }
        String objectId = prefix + key;
        if (!seen.contains(objectId)) {
            seen.add(objectId);
            sink.accept(new Trace(post.accountId(), objectId, post.epochSecond(), post.postId(), type));
        }
    }
}
