package org.fingerspell.dataset;

import java.nio.file.Path;

/** An image file and its true class, taken from the class folder it sits in. */
public record LabeledImage(Path file, String label) {
}
