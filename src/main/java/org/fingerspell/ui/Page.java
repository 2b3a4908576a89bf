package org.fingerspell.ui;

import javafx.scene.Node;
import javafx.scene.Scene;

/** One screen of the app shell: Live, Files, Capture, Evaluation, About. */
public interface Page {

    /** The name on its navigation button. */
    String title();

    /** Its view; built once and kept while the window lives, so its state survives switching pages. */
    Node view();

    /** Shown: install keyboard shortcuts on the scene. */
    default void shown(Scene scene) {
    }

    /** Hidden: remove them. */
    default void hidden(Scene scene) {
    }

    /** The window is closing. */
    default void close() {
    }
}
