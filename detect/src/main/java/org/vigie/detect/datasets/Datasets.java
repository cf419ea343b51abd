package org.vigie.detect.datasets;

import java.io.IOException;
import java.io.InputStream;

/**
 * The real datasets Vigie ships (see {@code README.md} and the MIT licence next to them): tests, the demo and
 * first-time users of {@code ./vigie detect} read them from the classpath, so no copy outside the repository
 * is needed.
 */
public enum Datasets {
    /** Facebook and Twitter posts of the 2021 German federal election, multi-platform format, 218,971 rows. */
    GERMAN_ELECTIONS_2021("german_elections_2021.csv.gz"),
    /** Pro-government Russian retweets, CooRTweet format, 35,125 rows. */
    RUSSIAN_COORD_TWEETS("russian_coord_tweets.csv.gz");

    private final String fileName;

    Datasets(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** The gzipped CSV as it is stored; the caller closes it. */
    public InputStream open() throws IOException {
        InputStream in = Datasets.class.getResourceAsStream(fileName);
        if (in == null) {
            throw new IOException("dataset " + fileName + " is missing from the classpath (org/vigie/detect/datasets)");
        }
        return in;
    }
}
