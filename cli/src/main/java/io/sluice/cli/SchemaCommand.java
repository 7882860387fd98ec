package io.sluice.cli;

import io.sluice.contracts.Compatibility;
import io.sluice.contracts.CompatibilityMode;
import io.sluice.contracts.CompatibilityReport;
import io.sluice.contracts.InvalidSchemaException;
import io.sluice.contracts.RecordSchemas;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice schema check}: a CI gate that compares two versions of an event schema; {@code
 * sluice schema export}: the JSON Schema of a Java record.
 */
@Command(
    name = "schema",
    description = "Check schema compatibility and export record schemas.",
    subcommands = {SchemaCommand.Check.class, SchemaCommand.Export.class})
final class SchemaCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "check",
      description =
          "Compare two schema versions; exit 1 with the report when the new one breaks readers.")
  static final class Check implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--old", required = true, paramLabel = "FILE", description = "Old schema")
    Path oldSchema;

    @Option(names = "--new", required = true, paramLabel = "FILE", description = "New schema")
    Path newSchema;

    @Option(
        names = "--mode",
        defaultValue = "backward",
        description = "backward, forward, full or none (default: ${DEFAULT-VALUE})")
    String mode;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      try {
        CompatibilityReport report =
            Compatibility.check(read(oldSchema), read(newSchema), CompatibilityMode.parse(mode));
        (report.isCompatible() ? spec.commandLine().getOut() : err).println(report.summary());
        return report.isCompatible() ? 0 : 1;
      } catch (IllegalArgumentException | InvalidSchemaException | CliInputException e) {
        err.println("sluice schema check: " + e.getMessage());
        return 2;
      }
    }
  }

  @Command(name = "export", description = "Print the JSON Schema of a Java record class.")
  static final class Export implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--class",
        required = true,
        paramLabel = "NAME",
        description = "Record class, e.g. com.example.UserCreated")
    String className;

    @Option(
        names = "--classpath",
        paramLabel = "PATH",
        split = "[:;]",
        description = "Directories and jars holding the class (':' or ';' separated)")
    List<Path> classpath = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      try (URLClassLoader loader =
          new URLClassLoader(urls(classpath), getClass().getClassLoader())) {
        Class<?> type = Class.forName(className, false, loader);
        if (!type.isRecord()) {
          err.println("sluice schema export: " + className + " is not a record");
          return 2;
        }
        spec.commandLine().getOut().println(RecordSchemas.json(type.asSubclass(Record.class)));
        return 0;
      } catch (ClassNotFoundException e) {
        err.println(
            "sluice schema export: class " + className + " not found on --classpath " + classpath);
        return 2;
      } catch (IllegalArgumentException | IOException e) {
        err.println("sluice schema export: " + e.getMessage());
        return 2;
      }
    }

    private static URL[] urls(List<Path> paths) throws MalformedURLException {
      URL[] urls = new URL[paths.size()];
      for (int i = 0; i < urls.length; i++) {
        urls[i] = paths.get(i).toUri().toURL();
      }
      return urls;
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new CliInputException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** A file or argument the command cannot use. */
  static final class CliInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliInputException(String message) {
      super(message);
    }
  }
}
