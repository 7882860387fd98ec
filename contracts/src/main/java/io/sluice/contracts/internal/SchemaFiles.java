package io.sluice.contracts.internal;

import io.sluice.contracts.RegisteredSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads {@code <dir>/<type>/<version>.json}; anything else in the directory is a problem. */
public final class SchemaFiles {
  private static final Pattern VERSION_FILE = Pattern.compile("([1-9][0-9]{0,8})\\.json");

  private SchemaFiles() {}

  /** Every schema file under the directory; problems name the offending path. */
  public static List<RegisteredSchema> read(Path dir, List<String> problems) {
    if (!Files.isDirectory(dir)) {
      problems.add("schemas.dir: '" + dir + "' is not a directory");
      return List.of();
    }
    List<RegisteredSchema> schemas = new ArrayList<>();
    for (Path typeDir : list(dir, problems)) {
      if (!Files.isDirectory(typeDir)) {
        problems.add(
            "schemas.dir: '" + typeDir + "' should be a directory named after an event type");
        continue;
      }
      for (Path file : list(typeDir, problems)) {
        readOne(typeDir.getFileName().toString(), file, problems, schemas);
      }
    }
    return schemas;
  }

  private static void readOne(
      String type, Path file, List<String> problems, List<RegisteredSchema> into) {
    Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
    if (!m.matches()) {
      problems.add("schemas.dir: '" + file + "' should be named <version>.json, e.g. 1.json");
      return;
    }
    try {
      into.add(
          new RegisteredSchema(
              type, Integer.parseInt(m.group(1)), Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      problems.add("schemas.dir: cannot read '" + file + "': " + e.getMessage());
    }
  }

  private static List<Path> list(Path dir, List<String> problems) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      problems.add("schemas.dir: cannot list '" + dir + "': " + e.getMessage());
      return List.of();
    }
  }
}
