package io.sluice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sluice} command: an identity-aware event gateway and messaging toolkit. */
@Command(
    name = "sluice",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Sluice: identity-aware event gateway and messaging toolkit.",
    subcommands = {
      ServeCommand.class,
      PublishCommand.class,
      TokenCommand.class,
      PolicyCommand.class,
      AuditCommand.class,
      SchemaCommand.class,
      DlqCommand.class,
      ApiDocumentCommands.AsyncApi.class,
      ApiDocumentCommands.OpenApi.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Sluice implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with every subcommand, for tests and embedding. */
  public static CommandLine commandLine() {
    return new CommandLine(new Sluice());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
