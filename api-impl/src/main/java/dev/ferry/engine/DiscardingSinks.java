package dev.ferry.engine;


/** Sinks that take messages in parts and drop them: what arrives after a session closed, or while no handler takes its kind. */
final class DiscardingSinks {

    static final TextSink TEXT = new TextSink() {
        @Override
        public boolean wantsWholeMessage() {
            return false;
        }

        @Override
        public void onText(String text, boolean last) {
        }
    };

    static final BinarySink BINARY = new BinarySink() {
        @Override
        public boolean wantsWholeMessage() {
            return false;
        }

        @Override
        public void onBinary(java.nio.ByteBuffer data, boolean last) {
        }
    };

    private DiscardingSinks() {
    }
}
