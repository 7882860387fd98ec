package io.sluice.cli;

import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads the configuration a command names, resolving {@code SLUICE_*} overrides and {@code
 * env:NAME} secret references against the same environment {@code sluice serve} would see.
 */
final class CommandConfig {
  private CommandConfig() {}

  /** The file's configuration, or the built-in defaults when {@code file} is null. */
  static GatewayConfig load(Path file, Map<String, String> env) {
    return file == null ? ConfigLoader.parse("", env) : ConfigLoader.load(file, env);
  }
}
