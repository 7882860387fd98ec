package io.sluice.cli;

import io.sluice.audit.AuditStoreException;
import io.sluice.audit.AuditVerifier;
import io.sluice.audit.VerifyReport;
import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.config.InvalidConfigException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice audit verify}: checks the audit trail's hash chains straight from the store. */
@Command(
    name = "audit",
    description = "Inspect the audit trail.",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "verify",
      description = {
        "Verify the audit store's hash chains; exit 0 when intact, 1 when broken, 2 when the store"
            + " cannot be read.",
        "An H2 store is opened by one process at a time: while the gateway runs, call"
            + " GET /v1/audit/verify instead."
      })
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "Gateway YAML; its audit section names the store (default: ./sluice-data)")
    Path config;

    @Option(
        names = "--url",
        paramLabel = "JDBC_URL",
        description = "The store, instead of --config")
    String url;

    @Option(names = "--username", description = "Database user for --url")
    String username;

    @Option(
        names = "--password",
        description = "Database password for --url (or SLUICE_AUDIT_PASSWORD)")
    String password;

    @Option(names = "--chain", description = "Verify only this chain")
    String chain;

    private final Map<String, String> env;

    Verify() {
      this(System.getenv());
    }

    Verify(Map<String, String> env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      try {
        VerifyReport report = report();
        spec.commandLine().getOut().print(report.toText());
        spec.commandLine().getOut().flush();
        return report.intact() ? 0 : 1;
      } catch (InvalidConfigException | AuditStoreException e) {
        spec.commandLine().getErr().println("sluice audit verify: " + e.getMessage());
        return 2;
      }
    }

    private VerifyReport report() {
      Optional<String> only = Optional.ofNullable(chain);
      if (url != null) {
        String secret = password != null ? password : env.get("SLUICE_AUDIT_PASSWORD");
        return AuditVerifier.verify(
            url, username == null ? "" : username, secret == null ? "" : secret, only);
      }
      GatewayConfig gateway =
          config == null ? ConfigLoader.parse("", env) : ConfigLoader.load(config, env);
      return AuditVerifier.verify(gateway.audit().log(), only);
    }
  }
}
