package io.sluice.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * What commands print, captured in memory: {@link #run} runs the {@code sluice} command line,
 * {@link #attach} captures any other.
 */
final class CapturedConsole {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs {@code sluice args…} and returns its exit code. */
  int run(String... args) {
    return attach(Sluice.commandLine()).execute(args);
  }

  /** Sends what {@code commandLine} prints to this console, and returns it. */
  CommandLine attach(CommandLine commandLine) {
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine;
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** Forgets what was printed to standard output so far. */
  void clearOut() {
    out.getBuffer().setLength(0);
  }
}
