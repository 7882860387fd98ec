package io.sluice.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a spool segment back in ticket order. Entries land in a segment at most {@code window}
 * places from their ticket order (an overflowing caller can spool ahead of entries still queued or
 * in the writer's hands), so a heap of {@code window + 1} entries restores the exact order.
 */
final class SpoolReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolReader.class);

  private final BufferedReader lines;
  private final PriorityQueue<SpoolItem> heap =
      new PriorityQueue<>(Comparator.comparingLong(SpoolItem::ticket));
  private final int window;
  private final Path segment;
  private long lineNo;
  private long unreadable;
  private boolean eof;

  SpoolReader(Path segment, int window) throws IOException {
    this.segment = segment;
    this.window = window;
    this.lines = Files.newBufferedReader(segment, StandardCharsets.UTF_8);
  }

  /** The next entry in ticket order, or null at the end. */
  SpoolItem next() throws IOException {
    while (!eof && heap.size() <= window) {
      String line = lines.readLine();
      lineNo++;
      if (line == null) {
        eof = true;
      } else if (!line.isBlank()) {
        decode(line);
      }
    }
    return heap.poll();
  }

  private void decode(String line) {
    try {
      heap.add(SpoolCodec.decode(line));
    } catch (IOException | RuntimeException e) {
      unreadable++;
      LOG.error(
          "audit spool {} line {} is unreadable and cannot be replayed (torn write?): {}",
          segment.getFileName(),
          lineNo,
          e.getMessage());
    }
  }

  /** How many lines could not be decoded (each was logged at ERROR). */
  long unreadable() {
    return unreadable;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
