package dev.softdelete.it.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java sample in README.md and docs/*.md is the text of tagged regions in test sources that compile and
 * run (this module's {@code dev.softdelete.it.docs} tests, the starter's {@code dev.softdelete.spring.docs}
 * tests), so a sample cannot drift from the API: a renamed method breaks the build, a changed behaviour fails
 * the test around the region, and an edited sample that no longer equals its region fails here.
 */
class DocSamplesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyJavaSampleEqualsTheTestedRegionsItNames() throws IOException {
        Map<String, DocSamples.Region> regions = DocSamples.regionsUnder(sourceRoots());
        List<String> problems = new ArrayList<>();
        for (DocSamples.Sample sample : samples()) {
            if (sample.regions().isEmpty()) {
                problems.add(sample.where() + ": a ```java block without <!-- sample: region --> above it");
                continue;
            }
            List<String> missing = sample.regions().stream().filter(r -> !regions.containsKey(r)).toList();
            if (!missing.isEmpty()) {
                problems.add(sample.where() + ": no test source tags " + missing);
                continue;
            }
            String expected = sample.regions().stream().map(r -> regions.get(r).text()).collect(Collectors.joining());
            if (!expected.equals(sample.text())) {
                problems.add(sample.where() + ": differs from " + sample.regions() + firstDifference(expected, sample.text()));
            }
        }
        assertThat(problems).as("doc samples that are not tested code").isEmpty();
    }

    @Test
    void everyTaggedRegionIsShownInTheDocs() throws IOException {
        Set<String> shown = new HashSet<>();
        samples().forEach(sample -> shown.addAll(sample.regions()));
        List<String> unshown = DocSamples.regionsUnder(sourceRoots()).entrySet().stream()
                .filter(e -> !shown.contains(e.getKey()))
                .map(e -> e.getKey() + " (" + e.getValue().file().getFileName() + ":" + e.getValue().line() + ")")
                .toList();
        assertThat(unshown).as("tagged regions no doc shows (a sample removed from the docs: remove its tags)").isEmpty();
    }

    @Test
    void theCheckFindsTheSamples() throws IOException {
        // guards the two checks above against passing on nothing (a moved docs folder, a renamed fence)
        assertThat(samples()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(DocSamples.regionsUnder(sourceRoots())).hasSizeGreaterThanOrEqualTo(25);
    }

    private static List<DocSamples.Sample> samples() throws IOException {
        List<DocSamples.Sample> samples = new ArrayList<>(DocSamples.samplesOf(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(f -> samples.addAll(DocSamples.samplesOf(f)));
        }
        return samples;
    }

    private static List<Path> sourceRoots() {
        return List.of(ROOT.resolve("soft-delete-integration-tests/src/test/java/dev/softdelete/it/docs"),
                ROOT.resolve("soft-delete-spring-boot-starter/src/test/java/dev/softdelete/spring/docs"));
    }

    private static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] have = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, have.length); i++) {
            String w = i < want.length ? want[i] : "<end>";
            String h = i < have.length ? have[i] : "<end>";
            if (!w.equals(h)) {
                return "\n    at sample line " + (i + 1) + "\n    test has: " + w + "\n    doc has:  " + h;
            }
        }
        return "";
    }
}
