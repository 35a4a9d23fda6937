package org.orrery.cli;

/** Entry point of {@code orrery.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(0);
    }
}
