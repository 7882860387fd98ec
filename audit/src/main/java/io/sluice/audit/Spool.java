package io.sluice.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The local spool: an append-only, fsynced file of accepted entries ({@code active.jsonl}) that is
 * sealed into numbered segments for replay. Segments replay oldest first; within a segment {@link
 * SpoolReader} restores ticket order.
 */
final class Spool implements AutoCloseable {
  private static final String ACTIVE = "active.jsonl";

  private final Path dir;
  private final String runPrefix;
  private final AtomicLong pending = new AtomicLong();
  private FileChannel active;
  private long activeSize;
  private int segmentCounter;

  Spool(Path dir) {
    this.dir = dir;
    this.runPrefix = "segment-%015d-".formatted(System.currentTimeMillis());
    try {
      Files.createDirectories(dir);
      seal();
      pending.set(countPendingLines());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the audit spool in " + dir, e);
    }
  }

  /** Appends items and forces them to disk before returning. */
  synchronized void append(List<SpoolItem> items) throws IOException {
    if (items.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    items.forEach(i -> text.append(SpoolCodec.encode(i)).append('\n'));
    ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    FileChannel channel = activeChannel();
    while (bytes.hasRemaining()) {
      activeSize += channel.write(bytes);
    }
    channel.force(false);
    pending.addAndGet(items.size());
  }

  synchronized boolean hasData() {
    return activeSize > 0 || oldestSegment().isPresent();
  }

  /** The oldest sealed segment, sealing the active file first when no segment is left. */
  synchronized Optional<Path> nextSegment() throws IOException {
    Optional<Path> oldest = oldestSegment();
    if (oldest.isPresent()) {
      return oldest;
    }
    seal();
    return oldestSegment();
  }

  void replayed(int count) {
    pending.addAndGet(-count);
  }

  void delete(Path segment) throws IOException {
    Files.deleteIfExists(segment);
  }

  long pending() {
    return Math.max(0, pending.get());
  }

  synchronized void seal() throws IOException {
    closeActive();
    Path file = dir.resolve(ACTIVE);
    if (Files.exists(file) && Files.size(file) > 0) {
      String name = runPrefix + "%06d.jsonl".formatted(++segmentCounter);
      Files.move(file, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      forceDirectory();
    }
    activeSize = 0;
  }

  private Optional<Path> oldestSegment() {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("segment-"))
          .sorted()
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the audit spool " + dir, e);
    }
  }

  private FileChannel activeChannel() throws IOException {
    if (active == null) {
      Path file = dir.resolve(ACTIVE);
      active =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      activeSize = active.size();
      forceDirectory();
    }
    return active;
  }

  private void forceDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a directory; the file's own force still holds
    }
  }

  private long countPendingLines() throws IOException {
    long n = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
          n += r.lines().count();
        }
      }
    }
    return n;
  }

  private void closeActive() throws IOException {
    if (active != null) {
      active.close();
      active = null;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    closeActive();
  }
}
