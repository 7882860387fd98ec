package io.sluice.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.sluice.gateway.Gateway;
import io.sluice.gateway.GatewayAssembly;
import io.sluice.gateway.GatewayStartException;
import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.config.InvalidConfigException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice serve}: run the gateway until interrupted, then shut down gracefully. */
@Command(
    name = "serve",
    description = {
      "Run the HTTP gateway.",
      "Without an identity section it runs in development mode on loopback and prints a dev token."
    })
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML configuration (default: ./sluice.yaml when present, else built-in defaults)")
  Path config;

  @Option(names = "--port", description = "Listen on this port (overrides server.port)")
  Integer port;

  private final Map<String, String> env;

  ServeCommand() {
    this(System.getenv());
  }

  ServeCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    Running running;
    try {
      running = startServing();
    } catch (InvalidConfigException e) {
      spec.commandLine().getErr().println("sluice serve: " + e.getMessage());
      return 2;
    } catch (GatewayStartException e) {
      spec.commandLine().getErr().println("sluice serve: " + e.getMessage() + describeCause(e));
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  flushLogs();
                  stopped.countDown();
                },
                "sluice-shutdown"));
    stopped.await();
    return 0;
  }

  /** A started gateway and the policy it watches; closing stops both. */
  record Running(Gateway gateway, GatewayAssembly assembly) implements AutoCloseable {
    @Override
    public void close() {
      try {
        gateway.close();
      } finally {
        assembly.close();
      }
    }
  }

  /** Loads and checks the configuration, starts the gateway and prints how to reach it. */
  Running startServing() {
    GatewayConfig gatewayConfig = loadConfig();
    configureLogging(gatewayConfig.logging().format());
    GatewayAssembly assembly = GatewayAssembly.assemble(gatewayConfig, Clock.systemUTC());
    Gateway gateway;
    try {
      gateway = Gateway.start(gatewayConfig, assembly.access());
    } catch (RuntimeException e) {
      assembly.close();
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Sluice gateway listening on "
            + gateway.baseUrl()
            + " (broker "
            + gateway.broker().url()
            + ")");
    assembly.devToken().ifPresent(token -> DevBanner.print(out, gateway.baseUrl(), token));
    out.flush();
    return new Running(gateway, assembly);
  }

  private static String describeCause(Throwable e) {
    return e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
  }

  private GatewayConfig loadConfig() {
    Map<String, String> effective = new HashMap<>(env);
    if (port != null) {
      effective.put("SLUICE_SERVER_PORT", port.toString());
    }
    Path file = config != null ? config : Path.of("sluice.yaml");
    if (config == null && !Files.exists(file)) {
      return ConfigLoader.parse("", effective);
    }
    return ConfigLoader.load(file, effective);
  }

  /** Stops logging last, so the access lines still queued for the background writer are written. */
  private static void flushLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }

  private static void configureLogging(String format) {
    if (!format.equals("text")
        || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(ServeCommand.class.getResource("/logback-text.xml"));
    } catch (JoranException e) {
      throw new IllegalStateException("logback-text.xml is broken", e);
    }
  }
}
