package org.fingerspell.video;

import java.util.function.Supplier;

/**
 * A loaded classifier ready for the live pipeline.
 *
 * @param name     the model's name and version (the status bar, capture manifests)
 * @param device   where it actually runs: "CPU" or "CUDA:0"
 * @param cropper  how hands are found ("palm detector", "guide box", "whole frame")
 * @param readers  makes one reader per inference thread
 * @param owner    closes the model
 */
public record LoadedModel(String name, String device, String cropper, Supplier<FrameReader> readers,
                          AutoCloseable owner) implements AutoCloseable {

    @Override
    public void close() {
        try {
            owner.close();
        } catch (Exception e) {
            // closing a model that failed to close has nothing left to do
        }
    }
}
