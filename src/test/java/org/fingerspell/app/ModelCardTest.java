package org.fingerspell.app;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCardTest {

    /** The shape training/make_model_card.py writes. */
    static final String CARD = String.join("\n",
            "# Fingerspell model card: `models/fingerspell.onnx`",
            "",
            "> **Quick whole-frame first model.** A ResNet-18 trained from scratch",
            "> for 3 epoch(s) on the *whole frame*.",
            "",
            "Created 2026-11-25T14:02:11Z · version 0.1.0",
            "",
            "## Split",
            "| pack | train | val | test (held out) |",
            "|---|---|---|---|",
            "| kaggle-train | 6960 | 870 | 870 |",
            "",
            "## Metrics",
            "Deterministic preprocessing.",
            "",
            "| test set | what | n | accuracy | macro-F1 | classes |",
            "|---|---|---|---|---|---|",
            "| kaggle-test | the 28 official Kaggle test images | 28 | 0.9643 | 0.9524 | 28 |",
            "| massey | Massey 2D static ASL, **26 letters only** | 1815 | 0.4121 | 0.3905 | 26 |",
            "",
            "### Confusion matrices",
            "| true \\ pred | A | B |",
            "|---|---|---|",
            "| **A** | 3 | · |");

    @Test
    void parse_readsTitleAndQuotedSummary() {
        ModelCard card = ModelCard.parse(CARD);

        assertEquals("Fingerspell model card: models/fingerspell.onnx", card.title());
        assertEquals("Quick whole-frame first model. A ResNet-18 trained from scratch for 3 epoch(s) on the "
                + "whole frame.", card.summary());
    }

    @Test
    void parse_readsOnlyTheMetricsTable_byHeaderNames() {
        List<ModelCard.Metric> metrics = ModelCard.parse(CARD).metrics();

        assertEquals(List.of(new ModelCard.Metric("kaggle-test", "28", "0.9643", "0.9524"),
                new ModelCard.Metric("massey", "1815", "0.4121", "0.3905")), metrics);
    }

    @Test
    void describe_givesOneLinePerSet() {
        assertEquals("massey: accuracy 0.4121, macro-F1 0.3905 (n 1815)",
                new ModelCard.Metric("massey", "1815", "0.4121", "0.3905").describe());
    }

    @Test
    void parse_toleratesACardWithoutMetrics() {
        ModelCard card = ModelCard.parse("# Card\n\nNo numbers yet.\n");

        assertTrue(card.metrics().isEmpty());
        assertEquals("", card.summary());
    }
}
