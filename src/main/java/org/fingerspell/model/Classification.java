package org.fingerspell.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The softmax over all classes for one image, ranked best first, plus the 512-d embedding when the model has one. */
public final class Classification {

    private final List<Score> ranked;
    private final double[] probabilities;
    private final float[] embedding;

    public Classification(List<String> labels, double[] probabilities, float[] embedding) {
        if (labels.size() != probabilities.length) {
            throw new IllegalArgumentException(labels.size() + " labels for " + probabilities.length + " scores");
        }
        this.probabilities = probabilities.clone();
        this.embedding = embedding == null ? null : embedding.clone();
        List<Score> scores = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            scores.add(new Score(labels.get(i), probabilities[i]));
        }
        scores.sort(Comparator.comparingDouble(Score::probability).reversed());
        this.ranked = List.copyOf(scores);
    }

    /** A softmax over raw logits, computed stably in double precision. */
    public static Classification fromLogits(List<String> labels, float[] logits, float[] embedding) {
        return new Classification(labels, Softmax.of(logits), embedding);
    }

    public Score best() {
        return ranked.get(0);
    }

    public String label() {
        return best().label();
    }

    public double confidence() {
        return best().probability();
    }

    public List<Score> top(int k) {
        return ranked.subList(0, Math.min(k, ranked.size()));
    }

    /** Probabilities in label order. */
    public double[] probabilities() {
        return probabilities.clone();
    }

    public double probabilityOf(String label) {
        return probabilities[Labels.indexOf(label)];
    }

    public boolean hasEmbedding() {
        return embedding != null;
    }

    public float[] embedding() {
        return embedding == null ? null : embedding.clone();
    }
}
