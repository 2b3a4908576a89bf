package org.fingerspell.eval;

import org.fingerspell.model.Labels;
import org.fingerspell.model.Score;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline CSS, no script) with the headline metrics, the heat map,
 * the worst confused pairs, the per-class table, the unreadable files and thumbnails of the misclassified images.
 * All text from outside (file names, model names, error messages) is HTML-escaped.
 */
final class HtmlReport {

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1180px;color:#222;padding:0 16px}
            h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
            .meta{color:#666;font-size:13px} .meta code{font-size:12px}
            .headline{display:flex;gap:16px;margin:16px 0;flex-wrap:wrap}
            .stat{border:1px solid #ddd;border-radius:6px;padding:10px 16px;min-width:130px}
            .stat b{display:block;font-size:26px} .stat span{color:#666;font-size:12px}
            .note{background:#fff8e1;border-left:4px solid #f0b400;padding:8px 12px;margin:8px 0}
            table{border-collapse:collapse;font-size:13px} th,td{padding:3px 10px;border-bottom:1px solid #eee;text-align:right}
            th{background:#f6f6f6;position:sticky;top:0} td.l,th.l{text-align:left}
            tr.absent td{color:#999} tr.never td{background:#fff3f0}
            .bar{display:inline-block;height:9px;background:#4292c6;vertical-align:middle}
            img.heat{max-width:100%;border:1px solid #eee}
            .grid{display:flex;flex-wrap:wrap;gap:10px}
            figure{margin:0;width:124px;font-size:12px;border:1px solid #eee;border-radius:4px;padding:5px;background:#fafafa}
            figure img{width:112px;height:112px;object-fit:contain;background:#000;display:block;margin:0 auto}
            figcaption{margin-top:3px;word-break:break-all} .wrong{color:#b00;font-weight:bold} .ok{color:#070;font-weight:bold}
            .file{color:#777;font-size:11px} .nb{white-space:nowrap} h3{font-size:14px;margin:16px 0 6px}
            """;

    private final EvaluationResult result;
    private final Metrics metrics;
    private final Map<ImageRecord, String> thumbnails;

    HtmlReport(EvaluationResult result, Metrics metrics, Map<ImageRecord, String> thumbnails) {
        this.result = result;
        this.metrics = metrics;
        this.thumbnails = thumbnails;
    }

    /** Misclassified images in report order: by true class, then the most confident mistakes first. */
    static List<ImageRecord> ordered(List<ImageRecord> misclassified) {
        return misclassified.stream()
                .sorted(Comparator.comparingInt((ImageRecord r) -> order(r.trueLabel()))
                        .thenComparing(Comparator.comparingDouble(ImageRecord::confidence).reversed())
                        .thenComparing(r -> r.file().toString()))
                .toList();
    }

    private static int order(String label) {
        int index = Labels.ALL.indexOf(label);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    String render() {
        StringBuilder h = new StringBuilder(32_768);
        String title = "Fingerspell evaluation: " + name();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>\n").append(CSS).append("</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<div class=\"meta\">Dataset <code>").append(esc(result.dataset().toAbsolutePath().normalize()
                .toString())).append("</code>");
        if (result.model() != null) {
            h.append(" &middot; model <b>").append(esc(result.model().name())).append(' ')
                    .append(esc(result.model().version())).append("</b>");
            if (!result.model().architecture().isEmpty()) {
                h.append(" (").append(esc(result.model().architecture())).append(')');
            }
            h.append(" &middot; descriptor sha256 <code>").append(esc(shortHash(result.model().descriptorSha256())))
                    .append("</code>");
        }
        h.append(" &middot; ").append(esc(DateTimeFormatter.ISO_INSTANT.format(result.date()))).append("</div>\n");

        headline(h);
        notes(h);

        h.append("<h2>Confusion matrix</h2>\n<img class=\"heat\" src=\"confusion.png\" alt=\"")
                .append(esc("Confusion matrix heat map, rows true class, columns predicted class"))
                .append("\">\n");

        confusions(h);
        perClass(h);
        errors(h);
        gallery(h);
        h.append("</body></html>\n");
        return h.toString();
    }

    private String name() {
        java.nio.file.Path file = result.dataset().toAbsolutePath().normalize().getFileName();
        return file == null ? result.dataset().toString() : file.toString();
    }

    private void headline(StringBuilder h) {
        h.append("<div class=\"headline\">");
        stat(h, Long.toString(metrics.n()), "images scored (n)");
        stat(h, Formats.percent(metrics.accuracy()), "accuracy (" + metrics.correct() + "/" + metrics.n() + ")");
        stat(h, Formats.fraction(metrics.macroF1()), "macro-F1 over " + metrics.classesPresent().size()
                + " classes present");
        stat(h, Integer.toString(result.misclassified().size()), "misclassified");
        stat(h, Integer.toString(result.errors().size()), "unreadable files");
        h.append("</div>\n");
    }

    private static void stat(StringBuilder h, String value, String caption) {
        h.append("<div class=\"stat\"><b>").append(esc(value)).append("</b><span>").append(esc(caption))
                .append("</span></div>");
    }

    private void notes(StringBuilder h) {
        h.append("<p>Macro-F1 averages F1 ").append(esc(TextSummary.scopeSentence(metrics))).append(".</p>\n");
        if (result.scoredClasses().size() < Labels.count()) {
            h.append("<p>Scored classes (<code>--classes</code>): ").append(esc(String.join(" ",
                    result.scoredClasses()))).append(". A prediction outside them counts as an error "
                    + "(column &ldquo;other&rdquo;): ").append(metrics.otherPredictions()).append(" such.</p>\n");
        }
        if (result.excludedImages() > 0) {
            h.append("<p class=\"note\">").append(result.excludedImages()).append(" images of ")
                    .append(esc(String.join(", ", result.excludedClasses())))
                    .append(" were not scored: their classes are outside <code>--classes</code>.</p>\n");
        }
        if (!result.unreadableClasses().isEmpty()) {
            h.append("<p class=\"note\">Not scored because none of their images could be read: ")
                    .append(esc(String.join(" ", result.unreadableClasses()))).append(".</p>\n");
        }
        if (!metrics.classesNeverPredicted().isEmpty()) {
            h.append("<p class=\"note\">Never predicted, so precision is 0 by convention: ")
                    .append(esc(String.join(" ", metrics.classesNeverPredicted()))).append(".</p>\n");
        }
        if (!result.ignoredFolders().isEmpty()) {
            h.append("<p class=\"note\">Folders that are not classes, ignored: ")
                    .append(esc(String.join(", ", result.ignoredFolders()))).append(".</p>\n");
        }
        if (result.cancelled()) {
            h.append("<p class=\"note\">The run was cancelled: these numbers cover only the images read before it "
                    + "stopped.</p>\n");
        }
    }

    private void confusions(StringBuilder h) {
        List<ConfusedPair> pairs = metrics.topConfusions(15);
        h.append("<h2>Most confused pairs</h2>\n");
        if (pairs.isEmpty()) {
            h.append("<p>No confusions: every scored image was classified correctly.</p>\n");
            return;
        }
        h.append("<table><tr><th class=\"l\">true</th><th class=\"l\">predicted as</th><th>images</th>"
                + "<th>share of true class</th></tr>\n");
        for (ConfusedPair pair : pairs) {
            h.append("<tr><td class=\"l\">").append(esc(pair.trueLabel())).append("</td><td class=\"l\">")
                    .append(esc(pair.predicted())).append("</td><td>").append(pair.count()).append("</td><td>")
                    .append(esc(Formats.percent(pair.fractionOfTrue()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private void perClass(StringBuilder h) {
        h.append("<h2>Per class</h2>\n<table><tr><th class=\"l\">class</th><th>precision</th><th>recall</th>"
                + "<th>F1</th><th class=\"l\"></th><th>support</th><th>predicted</th><th class=\"l\">note</th></tr>\n");
        for (ClassMetrics c : metrics.perClass()) {
            String rowClass = !c.present() ? " class=\"absent\"" : c.noPredictions() ? " class=\"never\"" : "";
            h.append("<tr").append(rowClass).append("><td class=\"l\">").append(esc(c.label())).append("</td><td>")
                    .append(esc(c.present() || c.predicted() > 0 ? Formats.fraction(c.precision()) : "-"))
                    .append("</td><td>").append(esc(c.present() ? Formats.fraction(c.recall()) : "-"))
                    .append("</td><td>").append(esc(c.present() ? Formats.fraction(c.f1()) : "-"))
                    .append("</td><td class=\"l\">");
            if (c.present()) {
                h.append(String.format(Locale.ROOT, "<span class=\"bar\" style=\"width:%dpx\"></span>",
                        Math.round(80 * c.f1())));
            }
            h.append("</td><td>").append(c.support()).append("</td><td>").append(c.predicted())
                    .append("</td><td class=\"l\">").append(esc(ReportWriter.note(c))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private void errors(StringBuilder h) {
        List<ImageRecord> errors = result.errors();
        if (errors.isEmpty()) {
            return;
        }
        h.append("<h2>Files that could not be read (").append(errors.size()).append(")</h2>\n")
                .append("<table><tr><th class=\"l\">file</th><th class=\"l\">class</th><th class=\"l\">problem</th></tr>\n");
        for (ImageRecord record : errors) {
            h.append("<tr><td class=\"l\">").append(esc(record.file().toString())).append("</td><td class=\"l\">")
                    .append(esc(record.trueLabel())).append("</td><td class=\"l\">").append(esc(record.error()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private void gallery(StringBuilder h) {
        List<ImageRecord> wrong = ordered(result.misclassified());
        h.append("<h2>Misclassified images (").append(wrong.size()).append(")</h2>\n");
        if (wrong.isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        long shown = wrong.stream().filter(thumbnails::containsKey).count();
        if (shown < wrong.size()) {
            h.append("<p class=\"note\">Showing ").append(shown).append(" of ").append(wrong.size())
                    .append(", shared out over the classes, most confident mistakes first; predictions.csv lists "
                            + "them all.</p>\n");
        }
        h.append("<p>Grouped by true class, most confident mistakes first. Thumbnails show the whole image.</p>\n");
        Map<String, List<ImageRecord>> byClass = new LinkedHashMap<>();
        for (ImageRecord record : wrong) {
            byClass.computeIfAbsent(record.trueLabel(), label -> new ArrayList<>()).add(record);
        }
        for (Map.Entry<String, List<ImageRecord>> entry : byClass.entrySet()) {
            List<ImageRecord> group = entry.getValue();
            long support = metrics.confusion().rowTotal(entry.getKey());
            long groupShown = group.stream().filter(thumbnails::containsKey).count();
            h.append("<h3>").append(esc(entry.getKey())).append(": ").append(group.size()).append(" of ")
                    .append(support).append(" misclassified");
            if (groupShown < group.size()) {
                h.append(" (").append(groupShown).append(" shown)");
            }
            h.append("</h3>\n<div class=\"grid\">\n");
            for (ImageRecord record : group) {
                if (thumbnails.containsKey(record)) {
                    figure(h, record, thumbnails.get(record));
                }
            }
            h.append("</div>\n");
        }
    }

    private void figure(StringBuilder h, ImageRecord record, String thumb) {
        String fileName = record.file().getFileName().toString();
        h.append("<figure title=\"").append(esc(record.file().toString())).append("\">");
        if (thumb != null) {
            h.append("<a href=\"").append(esc(thumb)).append("\"><img src=\"").append(esc(thumb))
                    .append("\" alt=\"").append(esc(fileName)).append("\" loading=\"lazy\"></a>");
        }
        h.append("<figcaption>true <span class=\"ok\">").append(esc(record.trueLabel()))
                .append("</span> &rarr; <span class=\"wrong\">").append(esc(record.predicted()))
                .append("</span> ").append(esc(Formats.percent(record.confidence())));
        if (!record.top().isEmpty()) {
            h.append("<br><span class=\"file\">");
            for (Score score : record.top()) {
                h.append("<span class=\"nb\">").append(esc(score.label())).append("&nbsp;")
                        .append(esc(Formats.percent(score.probability()))).append("</span> ");
            }
            h.append("</span>");
        }
        if (!record.handFound() && !record.handSource().isEmpty() && !"whole_frame".equals(record.handSource())) {
            h.append("<br><span class=\"file\">no hand found</span>");
        }
        h.append("<br><span class=\"file\">").append(esc(fileName)).append("</span></figcaption></figure>\n");
    }

    /**
     * Chooses at most {@code max} misclassified images for thumbnails, shared out over the true classes in rounds
     * (each class's most confident mistake first), so a class with many errors does not crowd out the others.
     */
    static List<ImageRecord> selectForThumbnails(List<ImageRecord> misclassified, int max) {
        Map<String, List<ImageRecord>> byClass = new LinkedHashMap<>();
        for (ImageRecord record : ordered(misclassified)) {
            byClass.computeIfAbsent(record.trueLabel(), label -> new ArrayList<>()).add(record);
        }
        List<ImageRecord> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < max; round++) {
            boolean any = false;
            for (List<ImageRecord> group : byClass.values()) {
                if (round < group.size() && chosen.size() < max) {
                    chosen.add(group.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return ordered(chosen);
    }

    private static String shortHash(String sha) {
        return sha == null || sha.length() < 12 ? String.valueOf(sha) : sha.substring(0, 12);
    }

    private static String esc(String text) {
        return Formats.html(text);
    }
}
