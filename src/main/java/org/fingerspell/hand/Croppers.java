package org.fingerspell.hand;

import org.fingerspell.model.ModelDescriptor;

/** Builds the cropper a model's crop policy asks for. */
public final class Croppers {

    private Croppers() {
    }

    public static Cropper forPolicy(ModelDescriptor.CropPolicy policy) {
        if (policy.isHandCrop()) {
            throw new UnsupportedOperationException("hand crop policy needs the palm detector");
        }
        return new CentredSquareCropper();
    }
}
