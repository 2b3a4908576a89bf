package org.fingerspell.dataset;

import org.fingerspell.model.Labels;

import java.util.Map;
import java.util.Objects;

/** How each of the 29 classes is signed, in words: the prompt a guided capture shows. */
public final class Handshapes {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("A", "Fist, thumb resting against the side of the index finger, palm facing out."),
            Map.entry("B", "Four fingers straight up and together, thumb folded across the palm."),
            Map.entry("C", "Fingers and thumb curved into a C shape, seen from the side."),
            Map.entry("D", "Index finger up; the other fingers curve to touch the thumb tip, making a circle."),
            Map.entry("E", "Fingers bent down over the thumb, fingertips resting on it, palm out."),
            Map.entry("F", "Thumb and index fingertips touch in a circle; the other three fingers up and spread."),
            Map.entry("G", "Index finger and thumb point sideways, parallel, the other fingers closed."),
            Map.entry("H", "Index and middle fingers together, pointing sideways; thumb tucked."),
            Map.entry("I", "Fist with the little finger straight up."),
            Map.entry("J", "Little finger up, then trace a J downwards and towards you (hold the end pose)."),
            Map.entry("K", "Index and middle fingers up in a V, thumb touching the middle finger between them."),
            Map.entry("L", "Thumb and index finger make an L; the other fingers closed."),
            Map.entry("M", "Thumb tucked under the first three fingers, which fold over it."),
            Map.entry("N", "Thumb tucked under the index and middle fingers, which fold over it."),
            Map.entry("O", "All fingertips curve to meet the thumb tip, making an O."),
            Map.entry("P", "Like K, but the hand turned so the fingers point down."),
            Map.entry("Q", "Like G, but pointing down: index finger and thumb aimed at the floor."),
            Map.entry("R", "Index and middle fingers crossed, pointing up."),
            Map.entry("S", "Fist with the thumb across the front of the fingers."),
            Map.entry("T", "Fist with the thumb tucked between the index and middle fingers."),
            Map.entry("U", "Index and middle fingers up and together, palm out."),
            Map.entry("V", "Index and middle fingers up and spread in a V, palm out."),
            Map.entry("W", "Index, middle and ring fingers up and spread; thumb holds the little finger."),
            Map.entry("X", "Fist with the index finger raised and bent into a hook."),
            Map.entry("Y", "Thumb and little finger out, the three middle fingers closed."),
            Map.entry("Z", "Index finger traces a Z in the air (hold a point of the stroke)."),
            Map.entry(Labels.DEL, "The dataset's 'delete' sign: hold it as your reference set shows it."),
            Map.entry(Labels.NOTHING, "No hand in view: the empty scene behind you."),
            Map.entry(Labels.SPACE, "The dataset's 'space' sign: hold it as your reference set shows it."));

    private Handshapes() {
    }

    public static String describe(String label) {
        return Objects.requireNonNull(DESCRIPTIONS.get(label), () -> "no description for " + label);
    }
}
