package org.vigie.server.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.vigie.core.observables.ObservableNormaliser;
import org.vigie.core.observables.ObservableType;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;

/**
 * The benchmark's reports, drawn from a seed: what each report says, and which of its observables
 * it shares with other reports. Observables are skewed as in real platforms (MISP's experience):
 * <ul>
 *   <li>most values are unique to their report;</li>
 *   <li>campaigns: clusters of 2 to 50 reports (size drawn from a power law: mostly small), and a few
 *       large ones of 51 to {@code cap}, sharing a few values: URLs and e-mail addresses on the
 *       campaign's own domain, the domain, IPv4 addresses, accounts, file hashes. Each member
 *       carries most, not all, of them, entered in different ways (defanged, with tracking
 *       parameters, upper case, a profile URL for an account): normalisation must make them one;</li>
 *   <li>a few very common values, each in more reports than the over-correlation cap (a domain in 5 %
 *       of reports, mostly cited through different URLs on it, an IP address, an account, a hash…):
 *       the cap must exclude them.</li>
 * </ul>
 * Types are mixed (URL 35 %, domain 20 %, account 15 %, IPv4 12 %, e-mail 10 %, file hash 8 %). A
 * report's content is generated from the seed and its index alone, so any thread can build any
 * report, and a seed replays the same data.
 */
final class ReportsBenchmarkData {

    static final ObservableType[] TYPES = {ObservableType.URL, ObservableType.DOMAIN, ObservableType.SOCIAL_ACCOUNT,
            ObservableType.IPV4, ObservableType.EMAIL, ObservableType.FILE_HASH};
    private static final int[] TYPE_PERCENT = {35, 20, 15, 12, 10, 8};

    /** DISARM techniques often seen in election reports: used across thousands of reports, they over-correlate at scale. */
    static final List<String> TECHNIQUES = List.of("T0085", "T0086", "T0087", "T0097", "T0049", "T0115", "T0118", "T0119", "T0124",
            "T0016", "T0045", "T0046", "T0022", "T0023", "T0139");

    /** Shares of reports carrying each very common value (5 % = 5,000 of 100,000 reports). */
    private static final double[] COMMON_SHARES = {0.05, 0.02, 0.01, 0.005, 0.003, 0.002, 0.0015, 0.0012};
    private static final ObservableType[] COMMON_TYPES = {ObservableType.DOMAIN, ObservableType.IPV4, ObservableType.SOCIAL_ACCOUNT,
            ObservableType.DOMAIN, ObservableType.FILE_HASH, ObservableType.URL, ObservableType.EMAIL, ObservableType.IPV4};
    private static final String[] COMMON_CANONICAL = {"valdoria-actu.com", "185.220.101.47", "x:valdoria_infos", "lettre-citoyenne.fr",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "https://www.petitions-valdoria.org/signer",
            "contact@alerte-vote.info", "91.219.236.18"};

    private static final String[] WORDS = ("vote scrutin urne bureau election electeurs liste candidat campagne resultats depouillement "
            + "procuration inscription mairie prefecture valdoria citoyen info actu alerte verite libre nation peuple debat "
            + "ballot poll voter count official secure update verify portal news truth leaks media").split(" ");
    private static final String[] TLDS = {"com", "net", "org", "info", "fr", "eu", "online", "site", "xyz", "news"};
    private static final String[] PLATFORMS = {"x", "telegram", "facebook", "tiktok", "instagram", "youtube"};
    /** First octets of ordinary hosting ranges (none private, reserved or on the warning list). */
    private static final int[] OCTETS = {23, 31, 37, 45, 46, 62, 77, 78, 80, 81, 85, 87, 91, 93, 94, 95, 104, 109, 141, 146, 151, 176,
            178, 185, 188, 193, 194, 195, 212, 213, 217};
    private static final String[] WEBMAIL = {"gmail.com", "outlook.com", "yahoo.com", "proton.me"};

    /** A value several reports carry. {@code campaign} is -1 for a very common value. */
    record PoolValue(int id, ObservableType type, String canonical, int campaign) {
        boolean common() {
            return campaign < 0;
        }
    }

    final int reports;
    final int perReport;
    final long seed;
    final int cap;
    final List<PoolValue> pool = new ArrayList<>();
    final List<int[]> campaignValues = new ArrayList<>();
    final List<Integer> campaignSizes = new ArrayList<>();
    final int[] commonValues;
    /** Per report, the pool values it carries (at most {@code perReport}), very common values first. */
    final int[][] poolValuesOf;
    /** Per report, its DISARM techniques (indexes into {@link #TECHNIQUES}). */
    final int[][] techniquesOf;

    ReportsBenchmarkData(int reports, int perReport, long seed, int cap) {
        if (reports < 1 || perReport < 1) {
            throw new IllegalArgumentException("the benchmark needs at least one report with one observable");
        }
        this.reports = reports;
        this.perReport = perReport;
        this.seed = seed;
        this.cap = cap;
        Random random = new Random(seed);
        List<List<Integer>> carried = new ArrayList<>(reports);
        for (int i = 0; i < reports; i++) {
            carried.add(new ArrayList<>(2));
        }
        drawCampaigns(random, carried);
        commonValues = drawCommonValues(random, carried);
        poolValuesOf = new int[reports][];
        techniquesOf = new int[reports][];
        for (int i = 0; i < reports; i++) {
            // a report lists at most perReport observables: very common values first (so that they stay over the cap), then
            // campaign values (a report in two large campaigns may lose some)
            poolValuesOf[i] = carried.get(i).stream().sorted(java.util.Comparator.comparing((Integer v) -> !pool.get(v).common()))
                    .limit(perReport).mapToInt(Integer::intValue).toArray();
            int techniques = random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(3); // 60 % of reports name 1 to 3
            techniquesOf[i] = random.ints(0, TECHNIQUES.size()).distinct().limit(techniques).toArray();
        }
    }

    /** Campaigns until there are as many memberships as 30 % of the reports (a few reports belong to two). */
    private void drawCampaigns(Random random, List<List<Integer>> carried) {
        long memberships = 0;
        int large = reports / 20_000; // five in 100,000 reports; none in small runs
        while (memberships < reports * 3L / 10 && reports >= 2) {
            int campaign = campaignValues.size();
            int size = campaign < large ? 51 + random.nextInt(Math.max(1, cap - 50)) : campaignSize(random);
            size = Math.min(size, reports);
            int[] members = random.ints(0, reports).distinct().limit(size).toArray();
            String domain = label(random) + "-c" + Integer.toString(campaign, 36) + "." + TLDS[random.nextInt(TLDS.length)];
            int valueCount = 1 + random.nextInt(5);
            int[] values = new int[valueCount];
            for (int v = 0; v < valueCount; v++) {
                ObservableType type = v == 0 && random.nextBoolean() ? ObservableType.DOMAIN : type(random);
                values[v] = pool.size();
                pool.add(new PoolValue(pool.size(), type, campaignValue(random, type, domain, campaign, v), campaign));
            }
            campaignValues.add(values);
            campaignSizes.add(size);
            for (int member : members) {
                boolean any = false;
                for (int v = 0; v < valueCount; v++) {
                    if (random.nextInt(4) > 0 || (!any && v == valueCount - 1)) {
                        carried.get(member).add(values[v]);
                        any = true;
                    }
                }
            }
            memberships += size;
        }
    }

    /** 2 to 50, mostly small: P(size ≥ s) ≈ 2/s. */
    private static int campaignSize(Random random) {
        return (int) Math.min(50, Math.floor(2 / (1 - random.nextDouble())));
    }

    private int[] drawCommonValues(Random random, List<List<Integer>> carried) {
        List<Integer> common = new ArrayList<>();
        for (int c = 0; c < COMMON_SHARES.length; c++) {
            int count = (int) Math.round(reports * COMMON_SHARES[c]);
            if (count <= cap) {
                if (c >= 2 || reports <= cap + c + 1) {
                    continue; // too few reports for this one to over-correlate: small runs keep two
                }
                count = cap + 1 + c;
            }
            PoolValue value = new PoolValue(pool.size(), COMMON_TYPES[c], COMMON_CANONICAL[c], -1);
            pool.add(value);
            common.add(value.id());
            random.ints(0, reports).distinct().limit(count).forEach(member -> carried.get(member).add(value.id()));
        }
        return common.stream().mapToInt(Integer::intValue).toArray();
    }

    private static ObservableType type(Random random) {
        int roll = random.nextInt(100);
        for (int t = 0; t < TYPES.length; t++) {
            roll -= TYPE_PERCENT[t];
            if (roll < 0) {
                return TYPES[t];
            }
        }
        return TYPES[0];
    }

    private static String campaignValue(Random random, ObservableType type, String domain, int campaign, int v) {
        String tag = Integer.toString(campaign, 36) + "c" + v;
        return switch (type) {
            case URL -> "https://" + (random.nextBoolean() ? "" : "www.") + domain + "/" + word(random) + "/" + word(random) + "-" + tag;
            case DOMAIN -> (v == 0 ? "" : word(random) + ".") + domain;
            case EMAIL -> word(random) + "." + word(random) + "@" + domain;
            case IPV4 -> ipv4(random, true);
            case SOCIAL_ACCOUNT -> PLATFORMS[random.nextInt(PLATFORMS.length)] + ":" + word(random) + "_" + word(random) + "_" + tag;
            case FILE_HASH -> sha256(random);
            default -> throw new IllegalStateException(type.toString());
        };
    }

    // ---- one report ----------------------------------------------------------------------------

    /** The i-th report's content; its observables are {@link #observablesOf}. */
    ReportDraft draft(int index, UUID election, List<UUID> targetOrganisations, Instant start) {
        Random random = random(index);
        List<ReportObservable> observables = observablesOf(index, random);
        Set<IncidentType> types = EnumSet.noneOf(IncidentType.class);
        IncidentType[] all = IncidentType.values();
        for (int t = 0; t < 1 + random.nextInt(2); t++) {
            types.add(all[random.nextInt(all.length)]);
        }
        Instant firstSeen = start.plus(Duration.ofMinutes(random.nextInt(180 * 24 * 60)));
        List<Target> targets = new ArrayList<>();
        TargetCategory[] categories = TargetCategory.values();
        for (int t = 0; t < 1 + random.nextInt(2); t++) {
            TargetCategory category = categories[random.nextInt(categories.length)];
            UUID organisation = random.nextInt(3) == 0 ? targetOrganisations.get(random.nextInt(targetOrganisations.size())) : null;
            targets.add(new Target(category, organisation, organisation == null ? words(random, 2) : null,
                    random.nextBoolean() ? firstSeen.plus(Duration.ofHours(1 + random.nextInt(48))) : null, null));
        }
        List<String> techniques = Arrays.stream(techniquesOf[index]).mapToObj(TECHNIQUES::get).toList();
        CyclePhase[] phases = CyclePhase.values();
        return new ReportDraft(capitalised(words(random, 4 + random.nextInt(4))), words(random, 30 + random.nextInt(40)), firstSeen,
                random.nextBoolean() ? firstSeen.plus(Duration.ofHours(random.nextInt(72))) : null,
                election, phases[random.nextInt(phases.length)], types, Outcome.values()[random.nextInt(Outcome.values().length)],
                targets, techniques, List.of(), List.of(), List.of(), null, 10 * random.nextInt(11), null, observables, List.of());
    }

    private List<ReportObservable> observablesOf(int index, Random random) {
        List<ReportObservable> observables = new ArrayList<>(perReport);
        Set<String> seen = new HashSet<>();
        for (int value : poolValuesOf[index]) {
            add(observables, seen, variant(random, pool.get(value), index));
        }
        long unique = (long) index * perReport;
        while (observables.size() < perReport) {
            add(observables, seen, unique(random, type(random), unique++));
        }
        return observables;
    }

    /** Keeps one of observables with the same type and normalised value, as the report form does. */
    private static void add(List<ReportObservable> observables, Set<String> seen, ReportObservable observable) {
        if (seen.add(observable.type() + "\u0000" + observable.normalised())) {
            observables.add(observable);
        }
    }

    /** Fresh values, never in a report: the {@code n}-th unique value of the run (reports use 0 … reports × perReport − 1). */
    ReportObservable unique(Random random, ObservableType type, long n) {
        String tag = Long.toString(n, 36);
        String domain = label(random) + "-u" + tag + "." + TLDS[random.nextInt(TLDS.length)];
        String raw = switch (type) {
            case URL -> "https://" + domain + "/" + word(random) + "?id=" + random.nextInt(100_000);
            case DOMAIN -> domain;
            case EMAIL -> word(random) + "." + word(random) + tag + "@" + (random.nextBoolean() ? WEBMAIL[random.nextInt(WEBMAIL.length)] : domain);
            case IPV4 -> uniqueIpv4(n);
            case SOCIAL_ACCOUNT -> PLATFORMS[random.nextInt(PLATFORMS.length)] + ":@" + word(random) + "_u" + tag;
            case FILE_HASH -> sha256(random);
            default -> throw new IllegalStateException(type.toString());
        };
        return observable(type, raw);
    }

    /** A pool value as one reporter entered it. Members of a very common domain mostly cite their own page on it. */
    ReportObservable variant(Random random, PoolValue value, long n) {
        String canonical = value.canonical();
        int roll = random.nextInt(10);
        String raw = switch (value.type()) {
            case URL -> roll < 2 ? defang(canonical) : roll < 4 ? canonical + "?utm_source=facebook&utm_medium=social"
                    : roll < 5 ? canonical.replace("https://", "HTTPS://").toUpperCase(Locale.ROOT).replace(path(canonical).toUpperCase(Locale.ROOT),
                    path(canonical)) : roll < 6 ? canonical + "#partager" : canonical;
            case DOMAIN -> value.common() && roll < 6
                    ? null // a page on it: the URL is unique, its domain key is the common one
                    : roll < 2 ? defang(canonical) : roll < 3 ? canonical.toUpperCase(Locale.ROOT) : canonical;
            case EMAIL -> roll < 2 ? canonical.replace("@", "[@]").replace(".", "[.]") : roll < 3 ? capitalised(canonical) : canonical;
            case IPV4 -> roll < 3 ? canonical.replace(".", "[.]") : canonical;
            case SOCIAL_ACCOUNT -> roll < 3 ? profileUrl(canonical) : roll < 5 ? canonical.replace(":", ": @").toUpperCase(Locale.ROOT)
                    : canonical.replace(":", ":@");
            case FILE_HASH -> roll < 3 ? canonical.toUpperCase(Locale.ROOT) : roll < 5 ? "SHA256: " + canonical : canonical;
            default -> throw new IllegalStateException(value.type().toString());
        };
        if (raw == null) {
            return observable(ObservableType.URL, "https://www." + canonical + "/" + word(random) + "/" + word(random) + "-" + Long.toString(n, 36)
                    + "-p" + random.nextInt(1000));
        }
        return observable(value.type(), raw);
    }

    static ReportObservable observable(ObservableType type, String raw) {
        return new ReportObservable(type.key(), raw, ObservableNormaliser.normalise(type, raw).normalised());
    }

    /** The draft of a new report, for a lookup: {@code clusterValues} from campaigns, {@code commonValues} over the cap, the rest unique. */
    ReportDraft lookupDraft(int lookup, int observables, UUID election) {
        Random random = new Random(seed * 31 + 7_919L * lookup + 1);
        List<ReportObservable> chosen = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int clusterTarget = Math.min(observables, 10);
        for (int attempt = 0; attempt < 100 && chosen.size() < clusterTarget && !campaignValues.isEmpty(); attempt++) {
            int[] values = campaignValues.get(random.nextInt(campaignValues.size()));
            for (int v = 0; v < Math.min(values.length, 1 + random.nextInt(3)) && chosen.size() < clusterTarget; v++) {
                add(chosen, seen, variant(random, pool.get(values[random.nextInt(values.length)]), -1 - lookup));
            }
        }
        for (int c = 0; c < Math.min(5, commonValues.length) && chosen.size() < observables; c++) {
            add(chosen, seen, variant(random, pool.get(commonValues[c]), -1 - lookup));
        }
        long unique = (long) reports * perReport + (long) lookup * observables;
        while (chosen.size() < observables) {
            add(chosen, seen, unique(random, type(random), unique++));
        }
        Collections.shuffle(chosen, random);
        return new ReportDraft("Lookup " + lookup, "", null, null, election, CyclePhase.CAMPAIGN, Set.of(IncidentType.PHISHING),
                Outcome.ATTEMPTED, List.of(), List.of(TECHNIQUES.get(random.nextInt(3))), List.of(), List.of(), List.of(), null, null, null,
                chosen, List.of());
    }

    Random random(int index) {
        return new Random(seed * 1_000_003L + index);
    }

    // ---- values --------------------------------------------------------------------------------

    private static String label(Random random) {
        return word(random) + "-" + word(random);
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(word(random));
        }
        return text.toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String defang(String value) {
        return value.replace("https://", "hxxps://").replace(".", "[.]");
    }

    private static String path(String url) {
        int slash = url.indexOf('/', "https://".length());
        return slash < 0 ? "" : url.substring(slash);
    }

    private static String profileUrl(String account) {
        int colon = account.indexOf(':');
        String platform = account.substring(0, colon);
        String handle = account.substring(colon + 1);
        return switch (platform) {
            case "x" -> "https://x.com/" + handle;
            case "telegram" -> "https://t.me/" + handle;
            case "facebook" -> "https://www.facebook.com/" + handle;
            case "tiktok" -> "https://www.tiktok.com/@" + handle;
            case "instagram" -> "https://www.instagram.com/" + handle + "/";
            case "youtube" -> "https://www.youtube.com/@" + handle;
            default -> account;
        };
    }

    /** Campaign addresses have a second octet of 128 or more, unique ones below: the two never meet. */
    private static String ipv4(Random random, boolean campaign) {
        return OCTETS[random.nextInt(OCTETS.length)] + "." + (campaign ? 128 + random.nextInt(128) : random.nextInt(128)) + "."
                + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static String uniqueIpv4(long n) {
        long rest = n / OCTETS.length;
        return OCTETS[(int) (n % OCTETS.length)] + "." + (rest >> 16 & 127) + "." + (rest >> 8 & 255) + "." + (rest & 255);
    }

    private static String sha256(Random random) {
        StringBuilder hex = new StringBuilder(64);
        for (int i = 0; i < 4; i++) {
            hex.append(String.format("%016x", random.nextLong()));
        }
        return hex.toString();
    }

    /** Sizes of campaigns, for the summary: count, median, largest. */
    String campaignSummary() {
        int[] sizes = campaignSizes.stream().mapToInt(Integer::intValue).sorted().toArray();
        if (sizes.length == 0) {
            return "none";
        }
        long overFifty = Arrays.stream(sizes).filter(s -> s > 50).count();
        return String.format("%,d campaigns of %d to %d reports (median %d, %d over 50), %,d shared values", sizes.length, sizes[0],
                sizes[sizes.length - 1], sizes[sizes.length / 2], overFifty, pool.size() - commonValues.length);
    }

    static Set<Integer> indexes(int[] values) {
        Set<Integer> set = new LinkedHashSet<>();
        Arrays.stream(values).forEach(set::add);
        return set;
    }
}
