package dev.ferry.embedded;

/** How a deployed web application's start went; {@code cause} is the first failure seen, when known. */
public record WebAppStart(boolean available, Throwable cause) {

    public static WebAppStart started() {
        return new WebAppStart(true, null);
    }

    public static WebAppStart failed(Throwable cause) {
        return new WebAppStart(false, cause);
    }
}
