package io.sluice.gateway.push;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.identity.Identity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API-created subscriptions as a JSON array in one file. Each save writes a temporary file with
 * owner-only permissions (rw-------) beside it and moves it into place, so a crash leaves the old
 * or the new set, never half of one.
 */
final class FilePushStore implements PushStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;

  FilePushStore(Path path) {
    this.path = path.toAbsolutePath();
  }

  @Override
  public List<PushSubscription> load() {
    List<Map<String, Object>> nodes;
    try {
      nodes = JSON.readValue(Files.readAllBytes(path), new TypeReference<>() {});
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the push subscription store " + path, e);
    }
    List<String> problems = new ArrayList<>();
    List<PushSubscription> all = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      read(nodes.get(i), "store[" + i + "].", problems).ifPresent(all::add);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "the push subscription store " + path + " is invalid: " + String.join("; ", problems));
    }
    return all;
  }

  @Override
  public void save(List<PushSubscription> all) {
    List<Map<String, Object>> nodes = all.stream().map(FilePushStore::node).toList();
    try {
      Files.createDirectories(path.getParent());
      Path temp = Files.createTempFile(path.getParent(), ".push-", ".tmp", ownerOnly());
      Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(nodes));
      Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the push subscription store " + path, e);
    }
  }

  @Override
  public String kind() {
    return "file";
  }

  private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly() {
    try {
      return new java.nio.file.attribute.FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
      };
    } catch (UnsupportedOperationException e) {
      return new java.nio.file.attribute.FileAttribute<?>[0];
    }
  }

  private static Optional<PushSubscription> read(
      Map<String, Object> node, String prefix, List<String> problems) {
    Optional<Secret> secret = Optional.empty();
    try {
      secret = Optional.of(Secret.of(String.valueOf(node.get("secret"))));
    } catch (IllegalArgumentException e) {
      problems.add(prefix + "secret: " + e.getMessage());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> common = new LinkedHashMap<>(node);
    common.remove("secret");
    common.remove("owner");
    @SuppressWarnings("unchecked")
    Identity owner = owner((Map<String, Object>) node.getOrDefault("owner", Map.of()));
    return new PushSpecReader(problems)
        .read(prefix, common, secret, owner, PushSubscription.Origin.API);
  }

  private static Map<String, Object> node(PushSubscription s) {
    Map<String, Object> node = PushViews.describe(s);
    node.put("secret", s.secret().reveal());
    node.put("owner", owner(s.owner()));
    return node;
  }

  private static Map<String, Object> owner(Identity who) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("type", who.type());
    node.put("id", who.id());
    node.put("issuer", who.issuer());
    node.put("groups", List.copyOf(who.groups()));
    node.put("claims", who.claims());
    return node;
  }

  @SuppressWarnings("unchecked")
  private static Identity owner(Map<String, Object> node) {
    Object groups = node.getOrDefault("groups", List.of());
    Object claims = node.getOrDefault("claims", Map.of());
    return new Identity(
        String.valueOf(node.getOrDefault("type", "apikey")),
        String.valueOf(node.getOrDefault("id", "")),
        String.valueOf(node.getOrDefault("issuer", "sluice")),
        claims instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
        groups instanceof List<?> l ? new HashSet<>((List<String>) l) : new HashSet<>(),
        Long.MAX_VALUE);
  }
}
