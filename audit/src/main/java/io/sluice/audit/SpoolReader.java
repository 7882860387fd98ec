package io.sluice.audit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a spool segment back in ticket order (accept order). Entries can land in a segment out of
 * order (an overflowing caller spools while the writer still holds an older batch), so the reader
 * first indexes every line by ticket (16 bytes per entry in memory), sorts the index, then reads
 * the entries in that order.
 */
final class SpoolReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolReader.class);

  private final Path segment;
  private final RandomAccessFile file;
  private long[] index = new long[1024];
  private int size;
  private int next;
  private long unreadable;

  SpoolReader(Path segment) throws IOException {
    this.segment = segment;
    buildIndex();
    this.file = new RandomAccessFile(segment.toFile(), "r");
  }

  /** The next entry in ticket order, or null at the end. */
  SpoolItem next() throws IOException {
    while (next < size) {
      long offset = index[2 * next + 1];
      next++;
      SpoolItem item = decode(readLineAt(offset), offset);
      if (item != null) {
        return item;
      }
    }
    return null;
  }

  private void buildIndex() throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(segment), 1 << 16)) {
      long offset = 0;
      ByteArrayOutputStream line = new ByteArrayOutputStream(512);
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b != '\n') {
          line.write(b);
          continue;
        }
        add(line.toString(StandardCharsets.UTF_8), offset);
        offset += line.size() + 1;
        line.reset();
      }
      add(line.toString(StandardCharsets.UTF_8), offset);
    }
    sortByTicket();
  }

  private void add(String line, long offset) {
    if (line.isBlank()) {
      return;
    }
    SpoolItem item = decode(line, offset);
    if (item == null) {
      return;
    }
    if (2 * size + 2 > index.length) {
      index = Arrays.copyOf(index, index.length * 2);
    }
    index[2 * size] = item.ticket();
    index[2 * size + 1] = offset;
    size++;
  }

  private void sortByTicket() {
    Long[] order = new Long[size];
    for (int i = 0; i < size; i++) {
      order[i] = (long) i;
    }
    long[] copy = Arrays.copyOf(index, 2 * size);
    Arrays.sort(order, (a, b) -> Long.compare(copy[(int) (2 * a)], copy[(int) (2 * b)]));
    for (int i = 0; i < size; i++) {
      int from = (int) (long) order[i];
      index[2 * i] = copy[2 * from];
      index[2 * i + 1] = copy[2 * from + 1];
    }
  }

  private String readLineAt(long offset) throws IOException {
    file.seek(offset);
    ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    for (int b = file.read(); b >= 0 && b != '\n'; b = file.read()) {
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  private SpoolItem decode(String line, long offset) {
    try {
      return SpoolCodec.decode(line);
    } catch (IOException | RuntimeException e) {
      if (next == 0) {
        unreadable++;
        LOG.error(
            "audit spool {} at byte {} is unreadable and cannot be replayed (torn write?): {}",
            segment.getFileName(),
            offset,
            e.getMessage());
      }
      return null;
    }
  }

  /** How many lines could not be decoded (each was logged at ERROR). */
  long unreadable() {
    return unreadable;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
