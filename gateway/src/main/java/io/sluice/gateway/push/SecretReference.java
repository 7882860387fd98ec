package io.sluice.gateway.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a configured secret reference: {@code env:NAME} (an environment variable) or {@code
 * file:/path} (a file's content, trailing newline removed). A literal secret in the configuration
 * file is refused, so that the file can be shared and committed. Problems name the reference, never
 * the value.
 */
final class SecretReference {
  private SecretReference() {}

  static Optional<Secret> resolve(
      String key, Object reference, Map<String, String> env, List<String> problems) {
    if (reference == null) {
      problems.add(key + ": required (env:NAME or file:/path)");
      return Optional.empty();
    }
    String text = String.valueOf(reference).trim();
    Optional<String> value;
    if (text.startsWith("env:")) {
      value = fromEnv(key, text.substring(4), env, problems);
    } else if (text.startsWith("file:")) {
      value = fromFile(key, Path.of(text.substring(5)), problems);
    } else {
      problems.add(key + ": must be a reference, env:NAME or file:/path, not the secret itself");
      return Optional.empty();
    }
    return value.flatMap(v -> checked(key, v, problems));
  }

  private static Optional<String> fromEnv(
      String key, String name, Map<String, String> env, List<String> problems) {
    String value = env.get(name);
    if (value == null || value.isEmpty()) {
      problems.add(key + ": the environment variable " + name + " is not set");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static Optional<String> fromFile(String key, Path file, List<String> problems) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      problems.add(
          key
              + ": cannot read the secret file "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ")");
      return Optional.empty();
    }
  }

  private static Optional<Secret> checked(String key, String value, List<String> problems) {
    try {
      return Optional.of(Secret.of(value));
    } catch (IllegalArgumentException e) {
      problems.add(key + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
