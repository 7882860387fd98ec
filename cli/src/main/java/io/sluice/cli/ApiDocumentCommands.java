package io.sluice.cli;

import io.sluice.contracts.RegisteredSchema;
import io.sluice.contracts.SchemaRegistry;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.config.InvalidConfigException;
import io.sluice.gateway.contracts.ApiDocuments;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice asyncapi} and {@code sluice openapi}: the documents a gateway with this
 * configuration serves at {@code /asyncapi.json} and {@code /openapi.json}, generated offline by
 * the same code.
 */
final class ApiDocumentCommands {
  private ApiDocumentCommands() {}

  /** Options both commands share. */
  abstract static class Generate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "YAML configuration (default: the development defaults)")
    Path config;

    @Option(
        names = "--host",
        paramLabel = "HOST:PORT",
        description = "Public address of the gateway (default: server.host:server.port)")
    String host;

    private final Map<String, String> env;

    Generate(Map<String, String> env) {
      this.env = env;
    }

    abstract String document(GatewayConfig config, String host);

    abstract String name();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      try {
        GatewayConfig parsed = CommandConfig.load(config, env);
        String address = host != null ? host : ApiDocuments.configuredHost(parsed);
        spec.commandLine().getOut().println(document(parsed, address));
        return 0;
      } catch (InvalidConfigException e) {
        err.println("sluice " + name() + ": " + e.getMessage());
        return 2;
      } catch (RuntimeException e) {
        err.println("sluice " + name() + ": " + e.getMessage());
        return 1;
      }
    }
  }

  @Command(
      name = "asyncapi",
      description = "Print the AsyncAPI 3.0 document of a configuration (channels, messages).")
  static final class AsyncApi extends Generate {
    AsyncApi() {
      this(System.getenv());
    }

    AsyncApi(Map<String, String> env) {
      super(env);
    }

    @Override
    String document(GatewayConfig config, String host) {
      if (config.schemas().isEmpty()) {
        return ApiDocuments.asyncApi(config, host, List.of()).json();
      }
      try (SchemaRegistry registry = SchemaRegistry.open(config.schemas().get())) {
        List<RegisteredSchema> schemas = registry.all();
        return ApiDocuments.asyncApi(config, host, schemas).json();
      }
    }

    @Override
    String name() {
      return "asyncapi";
    }
  }

  @Command(name = "openapi", description = "Print the OpenAPI 3.1 document of the gateway's API.")
  static final class OpenApi extends Generate {
    OpenApi() {
      this(System.getenv());
    }

    OpenApi(Map<String, String> env) {
      super(env);
    }

    @Override
    String document(GatewayConfig config, String host) {
      return ApiDocuments.openApi(config, host).json();
    }

    @Override
    String name() {
      return "openapi";
    }
  }
}
