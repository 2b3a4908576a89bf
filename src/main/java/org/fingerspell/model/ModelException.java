package org.fingerspell.model;

/** A model or its descriptor cannot be used. The message names the file and the problem, for the user. */
public class ModelException extends Exception {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
