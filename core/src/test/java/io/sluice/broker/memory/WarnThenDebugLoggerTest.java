package io.sluice.broker.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;

class WarnThenDebugLoggerTest {

  @Test
  void firstFailure_isAWarning_andLaterOnesAreDebug() {
    RecordingLogger recorded = new RecordingLogger();
    WarnThenDebugLogger failures = new WarnThenDebugLogger(recorded);

    failures.log("handler failed", new IllegalStateException("one"));
    failures.log("handler failed", new IllegalStateException("two"));
    failures.log("handler failed", new IllegalStateException("three"));

    assertThat(recorded.levels).containsExactly(Level.WARN, Level.DEBUG, Level.DEBUG);
    assertThat(recorded.messages.get(0)).contains("further failures are logged at DEBUG");
  }

  /** Keeps the level and message of each call. */
  private static final class RecordingLogger extends AbstractLogger {
    final List<Level> levels = new CopyOnWriteArrayList<>();
    final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String message, Object[] arguments, Throwable failure) {
      levels.add(level);
      messages.add(message);
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
      return true;
    }
  }
}
