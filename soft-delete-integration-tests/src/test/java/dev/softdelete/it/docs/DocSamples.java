package dev.softdelete.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the Java samples of the Markdown docs and the tagged regions of the test sources they must equal.
 * <p>
 * A sample is a {@code ```java} block whose fence is preceded by {@code <!-- sample: a, b -->}; its text is the
 * regions {@code a} and {@code b} joined line after line. A region is the lines between {@code // tag::a[]} and
 * {@code // end::a[]} in a test source, less their common indentation, so that the code a reader copies is the
 * code a test compiled and ran.
 */
final class DocSamples {

    private static final Pattern SAMPLE_MARKER = Pattern.compile("<!--\\s*sample:\\s*([\\w\\-, ]+?)\\s*-->");
    private static final Pattern TAG = Pattern.compile("//\\s*tag::([\\w\\-]+)\\[]");
    private static final Pattern END = Pattern.compile("//\\s*end::([\\w\\-]+)\\[]");

    record Sample(Path file, int line, List<String> regions, String text) {
        String where() {
            return file.getFileName() + ":" + line;
        }
    }

    record Region(Path file, int line, String text) {
    }

    private DocSamples() {
    }

    /** The Java blocks of a Markdown file; a block without a marker has no regions. */
    static List<Sample> samplesOf(Path markdown) {
        List<String> lines = read(markdown);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            List<String> regions = markerAbove(lines, i);
            int start = i;
            // a block inside a list item is indented like its fence; the reader copies it without that
            int fenceIndent = lines.get(i).length() - lines.get(i).stripLeading().length();
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                String line = lines.get(i).stripTrailing();
                int indent = Math.min(fenceIndent, line.length() - line.stripLeading().length());
                text.append(line.substring(indent)).append('\n');
            }
            samples.add(new Sample(markdown, start + 1, regions, text.toString()));
        }
        return samples;
    }

    private static List<String> markerAbove(List<String> lines, int fence) {
        for (int j = fence - 1; j >= 0; j--) {
            if (lines.get(j).isBlank()) {
                continue;
            }
            Matcher marker = SAMPLE_MARKER.matcher(lines.get(j).strip());
            if (!marker.matches()) {
                return List.of();
            }
            return Arrays.stream(marker.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return List.of();
    }

    /** Every tagged region under the given source roots, by name; a name tagged twice is an error. */
    static Map<String, Region> regionsUnder(List<Path> sourceRoots) {
        Map<String, Region> regions = new LinkedHashMap<>();
        for (Path root : sourceRoots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    regionsOf(file).forEach((name, region) -> {
                        Region earlier = regions.put(name, region);
                        if (earlier != null) {
                            throw new IllegalStateException("region '" + name + "' is tagged twice: " + earlier.file()
                                    + ":" + earlier.line() + " and " + file + ":" + region.line());
                        }
                    });
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return regions;
    }

    private static Map<String, Region> regionsOf(Path file) {
        List<String> lines = read(file);
        Map<String, Region> regions = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher tag = TAG.matcher(lines.get(i).strip());
            if (!tag.matches()) {
                continue;
            }
            String name = tag.group(1);
            List<String> body = new ArrayList<>();
            int j = i + 1;
            for (; j < lines.size(); j++) {
                Matcher end = END.matcher(lines.get(j).strip());
                if (end.matches() && end.group(1).equals(name)) {
                    break;
                }
                body.add(lines.get(j));
            }
            if (j == lines.size()) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": region '" + name + "' has no // end::" + name + "[]");
            }
            regions.put(name, new Region(file, i + 1, dedent(body)));
        }
        return regions;
    }

    private static String dedent(List<String> body) {
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : body) {
            text.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
