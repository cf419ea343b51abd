package org.vigie.detect.coaction;

/** The kinds of co-action Vigie looks for: two accounts acting on the same object within a short window. */
public enum CoActionType {
    CO_REPOST("co-repost"),
    CO_LINK("co-link"),
    CO_DOMAIN("co-domain"),
    CO_HASHTAG("co-hashtag"),
    CO_IMAGE("co-image"),
    CO_TEXT("co-text"),
    CO_TEXT_NEAR("co-text-near"),
    CO_REPLY("co-reply");

    private final String key;

    CoActionType(String key) {
        this.key = key;
    }

    /** The name used on the command line ({@code --types co-link,co-text}) and in output files. */
    public String key() {
        return key;
    }

    public static CoActionType fromKey(String key) {
        for (CoActionType type : values()) {
            if (type.key.equals(key)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown co-action type '" + key + "'");
    }
}
