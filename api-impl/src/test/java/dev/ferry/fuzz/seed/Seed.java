package dev.ferry.fuzz.seed;

/** One seed file: its name (which Jazzer shows as the test invocation's name) and what it holds. */
record Seed(String name, FuzzInput input) {

    Seed {
        if (!name.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new IllegalArgumentException("Seed names are lower-case words joined by '-': " + name);
        }
    }
}
