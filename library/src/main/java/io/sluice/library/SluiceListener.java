package io.sluice.library;

/** Receives {@link SluiceEvent}s. Must not block; a listener that throws is logged and ignored. */
@FunctionalInterface
public interface SluiceListener {
  void on(SluiceEvent event);
}
