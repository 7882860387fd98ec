package io.sluice.cli;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerException;
import io.sluice.library.DeadLetters;
import io.sluice.library.RedriveOptions;
import io.sluice.library.RedriveResult;
import io.sluice.subject.Subject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice dlq redrive}: send dead-lettered events back to the subject they failed on. */
@Command(
    name = "dlq",
    description = "Work with dead-letter subjects.",
    subcommands = {DlqCommand.Redrive.class})
final class DlqCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "redrive",
      description =
          "Republish dead letters to their original subject (or --to) and acknowledge them;"
              + " exit 1 when any republish failed.")
  static final class Redrive implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--broker",
        required = true,
        paramLabel = "URL",
        description = "Broker URL, e.g. nats://127.0.0.1:4222 or embedded:./sluice-data")
    String brokerUrl;

    @Option(
        names = "--from",
        required = true,
        paramLabel = "SUBJECT",
        description = "Dead-letter subject")
    String from;

    @Option(
        names = "--to",
        paramLabel = "SUBJECT",
        description = "Send every event here instead of its original subject")
    String to;

    @Option(names = "--max", defaultValue = "0", description = "Take at most N events (0: all)")
    int max;

    @Option(names = "--dry-run", description = "Count what would be redriven; change nothing")
    boolean dryRun;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      try {
        RedriveOptions options = options();
        Subject deadLetters = subject("--from", from);
        try (Broker broker = Broker.connect(brokerUrl)) {
          RedriveResult result = DeadLetters.redrive(broker, deadLetters, options);
          spec.commandLine().getOut().println(result);
          return result.anyFailed() ? 1 : 0;
        }
      } catch (IllegalArgumentException e) {
        err.println("sluice dlq redrive: " + e.getMessage());
        return 2;
      } catch (BrokerException e) {
        err.println("sluice dlq redrive: broker failed: " + e.getMessage());
        return 1;
      }
    }

    private RedriveOptions options() {
      RedriveOptions options = RedriveOptions.defaults().withMax(max).withDryRun(dryRun);
      return to == null ? options : options.withTarget(subject("--to", to));
    }

    private static Subject subject(String option, String value) {
      try {
        return Subject.of(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(option + " '" + value + "': " + e.getMessage(), e);
      }
    }
  }
}
