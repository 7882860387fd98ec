package io.sluice.cli;

import io.sluice.gateway.GatewayAssembly;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.config.InvalidConfigException;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Decision;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice policy explain}: which rule allows or denies an action, offline. */
@Command(
    name = "policy",
    description = "Inspect the access policy of a configuration.",
    subcommands = {PolicyCommand.Explain.class})
final class PolicyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "explain", description = "Say whether an identity may act on a subject, and why.")
  static final class Explain implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "YAML configuration (default: built-in development policy)")
    Path config;

    @Option(
        names = "--action",
        required = true,
        description = "publish, subscribe, request or admin")
    String action;

    @Option(
        names = "--subject",
        required = true,
        description = "Subject (or pattern for subscribe)")
    String subject;

    @Option(
        names = "--sub",
        defaultValue = GatewayAssembly.DEV_SUBJECT,
        description = "Identity id (default: ${DEFAULT-VALUE})")
    String sub;

    @Option(
        names = "--issuer",
        defaultValue = "sluice-dev",
        description = "Identity issuer (default: ${DEFAULT-VALUE})")
    String issuer;

    @Option(
        names = "--claims",
        paramLabel = "NAME=VALUE",
        split = ",",
        description = "Claims; repeatable or comma separated")
    Map<String, String> claims = new LinkedHashMap<>();

    @Option(names = "--groups", split = ",", description = "Group names")
    Set<String> groups = Set.of();

    private final Map<String, String> env;

    Explain() {
      this(System.getenv());
    }

    Explain(Map<String, String> env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Action parsed;
      try {
        parsed = Action.valueOf(action.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        spec.commandLine()
            .getErr()
            .println(
                "sluice policy explain: --action must be publish, subscribe, request or admin but was "
                    + action);
        return 2;
      }
      try {
        GatewayConfig gatewayConfig = CommandConfig.load(config, env);
        GatewayAssembly assembly = GatewayAssembly.assemble(gatewayConfig, Clock.systemUTC());
        Decision d = assembly.access().policy().decide(identity(), parsed, subject);
        out.println(
            (d.allowed() ? "ALLOWED" : "DENIED") + ": " + action + " on " + subject + " by " + sub);
        out.println("  rule:    " + d.rule());
        out.println("  reason:  " + d.reason());
        out.println("  policy:  " + d.policyVersion());
        return d.allowed() ? 0 : 1;
      } catch (InvalidConfigException e) {
        spec.commandLine().getErr().println("sluice policy explain: " + e.getMessage());
        return 2;
      }
    }

    /** The identity the options describe; its claims carry {@code sub} unless given. */
    private Identity identity() {
      Map<String, Object> claimMap = new LinkedHashMap<>(claims);
      claimMap.putIfAbsent("sub", sub);
      return new Identity("jwt", sub, issuer, claimMap, groups, Long.MAX_VALUE);
    }
  }
}
