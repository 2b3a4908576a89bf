package org.fingerspell.eval;

/**
 * Images of one true class predicted as one other class: {@code count} of them, {@code fractionOfTrue} of all
 * images of the true class. {@code predicted} is {@link ConfusionMatrix#OTHER} for a class outside the scored ones.
 */
public record ConfusedPair(String trueLabel, String predicted, long count, double fractionOfTrue) {
}
