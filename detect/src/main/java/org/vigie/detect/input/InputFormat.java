package org.vigie.detect.input;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The post formats Vigie reads ({@code --format}). */
public enum InputFormat {
    /** Vigie's documented post schema as CSV (header required). */
    VIGIE_CSV("vigie-csv", List.of("post_id", "account_id", "timestamp")),
    /** Vigie's documented post schema, one JSON object per line. */
    VIGIE_JSONL("vigie-jsonl", List.of("post_id", "account_id", "timestamp")),
    /** CooRTweet's long format: one row per share of an object. */
    COORTWEET("coortweet", List.of("object_id", "account_id", "content_id", "timestamp_share")),
    /** The multi-platform format of the German 2021 set: several rows per post, one per object. */
    MULTI_PLATFORM("multi-platform", List.of("account_id", "post_id", "timestamp")),
    /** The coordination-network-toolkit's CSV, read by position ({@link #NETWORK_TOOLKIT_COLUMNS}). */
    NETWORK_TOOLKIT("network-toolkit", List.of("message_id", "user_id", "timestamp"));

    /** The toolkit's columns, in the order it reads them (by position, whatever the header says). */
    public static final List<String> NETWORK_TOOLKIT_COLUMNS = List.of("message_id", "user_id", "username",
            "repost_id", "reply_id", "message", "timestamp", "urls");

    private final String key;
    private final List<String> required;

    InputFormat(String key, List<String> required) {
        this.key = key;
        this.required = required;
    }

    /** The name used on the command line. */
    public String key() {
        return key;
    }

    /** The columns (or JSON fields) a row must have. */
    public List<String> requiredColumns() {
        return required;
    }

    public static InputFormat fromKey(String key) {
        for (InputFormat f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown input format '" + key + "'; one of vigie-csv, vigie-jsonl, "
                + "coortweet, multi-platform, network-toolkit");
    }

    /**
     * The CSV format a header names, from columns only found in it (names compared trimmed and
     * lower-case), or {@code null} when none fits. Checked in order: the toolkit ({@code message_id}),
     * CooRTweet ({@code timestamp_share}), multi-platform ({@code url_id}, {@code hashtag_id},
     * {@code domain_id} or {@code phash_id}), then Vigie's schema ({@code post_id}).
     */
    public static InputFormat detect(List<String> header) {
        Set<String> names = Set.copyOf(header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList());
        if (names.contains("message_id")) {
            return NETWORK_TOOLKIT;
        }
        if (names.contains("timestamp_share") || names.contains("object_id") && names.contains("content_id")) {
            return COORTWEET;
        }
        if (names.contains("url_id") || names.contains("hashtag_id") || names.contains("domain_id")
                || names.contains("phash_id")) {
            return MULTI_PLATFORM;
        }
        if (names.contains("post_id")) {
            return VIGIE_CSV;
        }
        return null;
    }
}
