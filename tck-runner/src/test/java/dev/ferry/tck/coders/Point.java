package dev.ferry.tck.coders;

/** The value the coders of these tests turn into and out of messages. */
public record Point(int x, int y) {

    static Point parse(String text) {
        String[] parts = text.split(",");
        return new Point(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    }

    String format() {
        return x + "," + y;
    }
}
