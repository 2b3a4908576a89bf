package org.fingerspell.model;

/** One class and the probability the model gives it. */
public record Score(String label, double probability) {
}
