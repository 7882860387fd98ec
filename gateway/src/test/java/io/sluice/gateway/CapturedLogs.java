package io.sluice.gateway;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of a test in memory; prints them only when the test fails, so a green
 * run stays quiet and a red one shows what the gateway said. A test that passes while the gateway
 * logged a WARN or ERROR fails.
 */
public final class CapturedLogs implements BeforeEachCallback, AfterEachCallback {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final java.util.Set<String> expectedWarnings = new java.util.HashSet<>();

  /** Warnings and errors from this logger are what the test provokes; they do not fail it. */
  public CapturedLogs allowWarningsFrom(Class<?> logger) {
    expectedWarnings.add(logger.getName());
    return this;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    appender.list.clear();
    appender.start();
    root().addAppender(appender);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    root().detachAppender(appender);
    Optional<Throwable> failure = context.getExecutionException();
    if (failure.isPresent()) {
      System.err.println("---- gateway logs of " + context.getDisplayName() + " ----");
      events().forEach(e -> System.err.println(line(e)));
      return;
    }
    List<ILoggingEvent> errors =
        atLeast(Level.WARN).stream()
            .filter(e -> !expectedWarnings.contains(e.getLoggerName()))
            .toList();
    if (!errors.isEmpty()) {
      throw new AssertionError(
          "the test passed but the gateway logged warnings or errors:\n"
              + String.join("\n", errors.stream().map(CapturedLogs::line).toList()));
    }
  }

  public List<ILoggingEvent> events() {
    synchronized (appender.list) {
      return List.copyOf(appender.list);
    }
  }

  /** Access-log lines (one per request). */
  public List<ILoggingEvent> accessLines() {
    return events().stream()
        .filter(e -> e.getLoggerName().equals("io.sluice.gateway.access"))
        .toList();
  }

  public List<ILoggingEvent> atLeast(Level level) {
    return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(level)).toList();
  }

  private static String line(ILoggingEvent e) {
    return e.getLevel()
        + " "
        + e.getLoggerName()
        + " "
        + e.getFormattedMessage()
        + " "
        + e.getKeyValuePairs();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  static {
    root().setLevel(Level.INFO);
  }
}
