package io.sluice.embedded;

/** The outcome of an append: the event's sequence, or the original's when it was a duplicate. */
record Appended(long sequence, boolean duplicate) {}
