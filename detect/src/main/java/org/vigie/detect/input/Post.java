package org.vigie.detect.input;

import java.util.List;
import java.util.Objects;

/**
 * One social-media post, whatever the input format it came from. Optional scalars are {@code null}
 * when absent (never empty strings); lists are never {@code null} and are unmodifiable.
 *
 * <p>Two fields are lists where Vigie's documented schema has a single column, because real inputs
 * need them: {@code domains} (the multi-platform format gives an anonymised {@code domain_id} that
 * cannot be derived from its anonymised {@code url_id}; empty means "derive from the URLs") and
 * {@code imageHashes} (a post may carry several images; the German 2021 set has 215 such posts). In
 * the CSV/JSONL schema {@code image_hash} and {@code domains} are space-separated like {@code urls}.
 *
 * @param epochSecond when the post was made, in seconds since the epoch (UTC)
 * @param repostOf the id of the reposted post (a retweet's original; CooRTweet's {@code object_id})
 * @param replyTo the id of the post replied to
 */
public record Post(
        String postId,
        String accountId,
        String accountName,
        String platform,
        long epochSecond,
        String text,
        List<String> urls,
        List<String> domains,
        List<String> hashtags,
        List<String> mentions,
        String repostOf,
        String replyTo,
        List<String> imageHashes,
        String lang) {

    public Post {
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(accountId, "accountId");
        urls = urls == null ? List.of() : List.copyOf(urls);
        domains = domains == null ? List.of() : List.copyOf(domains);
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        imageHashes = imageHashes == null ? List.of() : List.copyOf(imageHashes);
    }

    /** A post with only the required fields, for tests and generators; use the {@code with…} methods to add. */
    public static Post of(String postId, String accountId, long epochSecond) {
        return new Post(postId, accountId, null, null, epochSecond, null, null, null, null, null, null, null,
                null, null);
    }

    public Post withText(String newText) {
        return new Post(postId, accountId, accountName, platform, epochSecond, newText, urls, domains, hashtags,
                mentions, repostOf, replyTo, imageHashes, lang);
    }

    public Post withUrls(List<String> newUrls) {
        return new Post(postId, accountId, accountName, platform, epochSecond, text, newUrls, domains, hashtags,
                mentions, repostOf, replyTo, imageHashes, lang);
    }

    public Post withHashtags(List<String> newHashtags) {
        return new Post(postId, accountId, accountName, platform, epochSecond, text, urls, domains, newHashtags,
                mentions, repostOf, replyTo, imageHashes, lang);
    }

    public Post withRepostOf(String newRepostOf) {
        return new Post(postId, accountId, accountName, platform, epochSecond, text, urls, domains, hashtags,
                mentions, newRepostOf, replyTo, imageHashes, lang);
    }

    public Post withReplyTo(String newReplyTo) {
        return new Post(postId, accountId, accountName, platform, epochSecond, text, urls, domains, hashtags,
                mentions, repostOf, newReplyTo, imageHashes, lang);
    }

    public Post withImageHashes(List<String> newImageHashes) {
        return new Post(postId, accountId, accountName, platform, epochSecond, text, urls, domains, hashtags,
                mentions, repostOf, replyTo, newImageHashes, lang);
    }
}
