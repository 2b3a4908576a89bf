package org.fingerspell.bench;

/**
 * The live pipeline's health at one moment of a soak run.
 *
 * @param openFrames     captured frames not yet released (each owns one Mat)
 * @param openCrops      crops not yet released (each owns one Mat)
 * @param liveTensors    ONNX Runtime tensors still holding native memory
 * @param tensorsCreated ONNX Runtime tensors created so far
 */
public record SoakSample(double seconds, long captured, long inferred, long dropped, long errors,
                         double inferenceFps, ProcessMemory memory, int openFrames, int openCrops, int liveTensors,
                         long tensorsCreated) {

    /** The frame and crop Mats alive: the per-frame native images (long-lived buffers are fixed in size). */
    public int liveMats() {
        return openFrames + openCrops;
    }
}
