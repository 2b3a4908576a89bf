package org.fingerspell.model;

import ai.djl.ndarray.NDArray;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the ONNX Runtime tensors the classifier creates (its input and outputs) and how many still hold native
 * memory, so a soak run proves none leak. Tensors are checked for release when counted, whoever released them.
 */
public final class LiveTensors {

    private static final ConcurrentLinkedQueue<NDArray> TRACKED = new ConcurrentLinkedQueue<>();
    private static final AtomicLong CREATED = new AtomicLong();
    private static final int PRUNE_ABOVE = 64;

    private LiveTensors() {
    }

    static void track(NDArray tensor) {
        CREATED.incrementAndGet();
        TRACKED.add(tensor);
        if (TRACKED.size() > PRUNE_ABOVE) {
            live();
        }
    }

    /** Tensors created in this process. */
    public static long created() {
        return CREATED.get();
    }

    /** Tensors created and not yet released (an inference in progress holds up to three). */
    public static int live() {
        int live = 0;
        for (Iterator<NDArray> it = TRACKED.iterator(); it.hasNext(); ) {
            if (it.next().isReleased()) {
                it.remove();
            } else {
                live++;
            }
        }
        return live;
    }
}
