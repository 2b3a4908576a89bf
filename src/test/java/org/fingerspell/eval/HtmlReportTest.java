package org.fingerspell.eval;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {

    private static String render(List<ImageRecord> records, Map<ImageRecord, String> thumbs) {
        EvaluationResult result = EvalFixtures.result(Path.of("/data/<set>"), List.of("A", "B"), records);
        return new HtmlReport(result, result.metrics(), thumbs).render();
    }

    @Test
    void render_escapesFileNamesAndErrors_hostileText() {
        ImageRecord wrong = EvalFixtures.record("/data/A/<script>alert(1)</script>.png", "A", "B", 0.8);
        ImageRecord failed = ImageRecord.failed(Path.of("/data/B/x&y\".jpg"), "B", "not <an> image");
        Map<ImageRecord, String> thumbs = new LinkedHashMap<>();
        thumbs.put(wrong, "thumbs/0001_A_as_B.jpg");
        String html = render(List.of(wrong, failed, EvalFixtures.record("/data/B/ok.png", "B", "B", 0.9)), thumbs);
        assertFalse(html.contains("<script>"), "raw script tag in the report");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.png"));
        assertTrue(html.contains("x&amp;y&quot;.jpg"));
        assertTrue(html.contains("not &lt;an&gt; image"));
        assertTrue(html.contains("/data/&lt;set&gt;"));
    }

    @Test
    void render_linksHeatMapAndThumbnails_misclassifiedImage() {
        ImageRecord wrong = EvalFixtures.record("/data/A/1.png", "A", "B", 0.8);
        String html = render(List.of(wrong), Map.of(wrong, "thumbs/0001_A_as_B.jpg"));
        assertTrue(html.contains("src=\"confusion.png\""));
        assertTrue(html.contains("src=\"thumbs/0001_A_as_B.jpg\""));
        assertTrue(html.contains("80.0%"));
        assertTrue(html.contains("<style>"));
    }

    @Test
    void render_saysMacroScopeAndAbsentClasses_classMissingFromSet() {
        String html = render(List.of(EvalFixtures.record("/data/A/1.png", "A", "A", 0.8)), Map.of());
        assertTrue(html.contains("over 1 class present: A; absent from the set, not scored: B"), html);
    }

    @Test
    void ordered_byTrueClassThenConfidence_mostConfidentFirst() {
        ImageRecord b = EvalFixtures.record("/b.png", "B", "A", 0.99);
        ImageRecord aLow = EvalFixtures.record("/a1.png", "A", "B", 0.4);
        ImageRecord aHigh = EvalFixtures.record("/a2.png", "A", "B", 0.9);
        assertEquals(List.of(aHigh, aLow, b), HtmlReport.ordered(List.of(b, aLow, aHigh)));
    }

    @Test
    void selectForThumbnails_sharesOutOverClasses_capBelowErrors() {
        List<ImageRecord> wrong = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            wrong.add(EvalFixtures.record("/a" + i + ".png", "A", "B", 0.5 + i / 100.0));
        }
        wrong.add(EvalFixtures.record("/b.png", "B", "A", 0.3));
        wrong.add(EvalFixtures.record("/c.png", "C", "A", 0.3));
        List<ImageRecord> chosen = HtmlReport.selectForThumbnails(wrong, 4);
        assertEquals(4, chosen.size());
        assertEquals(List.of("A", "A", "B", "C"), chosen.stream().map(ImageRecord::trueLabel).toList());
        assertEquals(0.59, chosen.get(0).confidence(), 1e-9);
    }
}
