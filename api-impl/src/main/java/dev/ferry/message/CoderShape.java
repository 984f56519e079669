package dev.ferry.message;

/** One way a decoder or encoder class converts: its form and the Java type on the application side. */
record CoderShape(Class<?> coderClass, CoderForm form, Class<?> target) {
}
