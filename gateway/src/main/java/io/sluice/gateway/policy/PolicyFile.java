package io.sluice.gateway.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.gateway.identity.internal.ConfigSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and compiles a policy YAML file; problems name the file and the key. */
final class PolicyFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private PolicyFile() {}

  static Optional<CompiledPolicy> load(Path file, List<String> problems) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add("policy.file: cannot read '" + file + "': " + e.getClass().getSimpleName());
      return Optional.empty();
    }
    return compile(file, content, problems);
  }

  static Optional<CompiledPolicy> compile(Path file, byte[] content, List<String> problems) {
    String root = "policy[" + file.getFileName() + "]";
    Object document;
    try {
      document = YAML.readValue(content, Object.class);
    } catch (IOException e) {
      problems.add(root + ": is not valid YAML: " + firstLine(e.getMessage()));
      return Optional.empty();
    }
    if (document == null) {
      problems.add(root + ": is empty; it needs roles and bindings");
      return Optional.empty();
    }
    return ConfigSection.of(root, document, problems)
        .flatMap(s -> PolicyReader.read(s, PolicyVersion.of(content), problems));
  }

  static Optional<CompiledPolicy> compileInline(
      Map<String, Object> section, List<String> problems) {
    return ConfigSection.of("policy", section, problems)
        .flatMap(s -> PolicyReader.read(s, PolicyVersion.of(s.values()), problems));
  }

  private static String firstLine(String message) {
    String m = String.valueOf(message);
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
