package org.fingerspell.video;

import java.util.function.Supplier;

/**
 * A loaded classifier ready for the live pipeline.
 *
 * @param name     the model's name and version (the status bar, capture manifests)
 * @param device   where it actually runs: "CPU" or "CUDA:0"
 * @param cropper  how hands are found ("palm detector", "guide box", "whole frame")
 * @param readers  makes one reader per inference thread, for video (the hand may be tracked between frames)
 * @param stillReaders makes one reader per thread for unrelated still images (nothing carried between them)
 * @param owner    closes the model
 */
public record LoadedModel(String name, String device, String cropper, Supplier<FrameReader> readers,
                          Supplier<FrameReader> stillReaders, AutoCloseable owner) implements AutoCloseable {

    /** A model whose readers carry nothing from one frame to the next, so they serve stills as they are. */
    public LoadedModel(String name, String device, String cropper, Supplier<FrameReader> readers,
                       AutoCloseable owner) {
        this(name, device, cropper, readers, readers, owner);
    }

    @Override
    public void close() {
        try {
            owner.close();
        } catch (Exception e) {
            // closing a model that failed to close has nothing left to do
        }
    }
}
