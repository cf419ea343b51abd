package org.vigie.detect.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.detect.input.InputFormat;
import org.vigie.detect.input.InputReport;
import org.vigie.detect.synthetic.GroupScore;
import org.vigie.detect.synthetic.SyntheticPosts;
import org.vigie.detect.synthetic.SyntheticSettings;

class DetectionSmokeTest {
    @Test
    void runsOnSyntheticPosts() {
        SyntheticPosts posts = new SyntheticPosts(SyntheticSettings.defaults());
        DetectionResult result = new Detection(DetectionSettings.defaults()).run(posts.iterator(),
                () -> new InputReport(InputFormat.VIGIE_CSV, 0, 0, 0, List.of()));
        GroupScore score = GroupScore.score(result.groups().stream().map(CoordinatedGroup::members).toList(),
                posts.truth().memberSets());
        System.out.println(score + " groups=" + result.groups().size() + " edges=" + result.edges().size()
                + " timings=" + result.timings());
        assertThat(result.groups()).isNotEmpty();
    }
}
