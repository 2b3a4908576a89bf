package org.fingerspell.cli;

import org.fingerspell.hand.SigningHand;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code --signing-hand}: the commands that read images of hands read a left hand's images mirrored. */
public final class HandOption {

    @Option(names = "--signing-hand", paramLabel = "right|left", defaultValue = "right",
            converter = HandConverter.class,
            description = "The hand that signs in the images (default: ${DEFAULT-VALUE}). The model learned right "
                    + "hands; a left hand's images are mirrored before they are read.")
    private SigningHand hand;

    public SigningHand hand() {
        return hand;
    }

    static final class HandConverter implements ITypeConverter<SigningHand> {
        @Override
        public SigningHand convert(String value) {
            return SigningHand.parse(value);
        }
    }
}
