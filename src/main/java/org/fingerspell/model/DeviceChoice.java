package org.fingerspell.model;

import java.util.Locale;

/** Where the classifier should run: AUTO takes CUDA when the GPU build and a GPU are present, CPU otherwise. */
public enum DeviceChoice {
    AUTO, CPU, CUDA;

    public static DeviceChoice parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown device '" + value + "'; use auto, cpu or cuda");
        }
    }
}
