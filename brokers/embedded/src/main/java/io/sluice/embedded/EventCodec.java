package io.sluice.embedded;

import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A compact binary form of a stored event: a format byte, the subject and publish time (readable
 * without decoding the rest), then every CloudEvent attribute, the data and typed extensions.
 * MVStore keeps the bytes; this class is the only place that knows their layout.
 */
final class EventCodec {
  private static final byte FORMAT = 1;
  private static final byte STRING = 'S';
  private static final byte BOOLEAN = 'B';
  private static final byte INTEGER = 'I';

  private EventCodec() {}

  static byte[] encode(Subject subject, long publishedAtMillis, CloudEvent event) {
    var bytes = new ByteArrayOutputStream(128 + event.dataLength());
    try (var out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeUTF(subject.value());
      out.writeLong(publishedAtMillis);
      writeAttributes(out, event);
      writeData(out, event);
      writeExtensions(out, event.extensions());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static StoredEvent decode(long sequence, byte[] record) {
    try (var in = new DataInputStream(new ByteArrayInputStream(record))) {
      checkFormat(in.readByte(), sequence);
      Subject subject = Subject.of(in.readUTF());
      long publishedAt = in.readLong();
      CloudEvent.Builder b = readAttributes(in);
      b.data(readData(in));
      readExtensions(in, b);
      return new StoredEvent(sequence, subject, publishedAt, b.build());
    } catch (IOException e) {
      throw new UncheckedIOException("stored event " + sequence + " cannot be read", e);
    }
  }

  /** The subject alone, to filter without decoding the event. */
  static String subjectOf(byte[] record) {
    try (var in = new DataInputStream(new ByteArrayInputStream(record))) {
      in.readByte();
      return in.readUTF();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The publish time alone, for time-based start positions and age retention. */
  static long publishedAtOf(byte[] record) {
    try (var in = new DataInputStream(new ByteArrayInputStream(record))) {
      in.readByte();
      in.readUTF();
      return in.readLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void checkFormat(byte format, long sequence) {
    if (format != FORMAT) {
      throw new IllegalStateException(
          "stored event " + sequence + " has unknown format " + format + "; expected " + FORMAT);
    }
  }

  private static void writeAttributes(DataOutputStream out, CloudEvent e) throws IOException {
    writeLongString(out, e.id());
    writeLongString(out, e.source());
    writeLongString(out, e.type());
    writeOptional(out, e.dataContentType().orElse(null));
    writeOptional(out, e.dataSchema().map(URI::toString).orElse(null));
    writeOptional(out, e.subject().orElse(null));
    out.writeBoolean(e.time().isPresent());
    if (e.time().isPresent()) {
      out.writeLong(e.time().get().getEpochSecond());
      out.writeInt(e.time().get().getNano());
    }
  }

  private static CloudEvent.Builder readAttributes(DataInputStream in) throws IOException {
    CloudEvent.Builder b = CloudEvent.builder().id(readLongString(in)).source(readLongString(in));
    b.type(readLongString(in)).dataContentType(readOptional(in));
    String schema = readOptional(in);
    b.dataSchema(schema == null ? null : URI.create(schema)).subject(readOptional(in));
    if (in.readBoolean()) {
      b.time(Instant.ofEpochSecond(in.readLong(), in.readInt()));
    }
    return b;
  }

  private static void writeData(DataOutputStream out, CloudEvent e) throws IOException {
    byte[] data = e.data().orElse(null);
    out.writeInt(data == null ? -1 : data.length);
    if (data != null) {
      out.write(data);
    }
  }

  private static byte[] readData(DataInputStream in) throws IOException {
    int length = in.readInt();
    return length < 0 ? null : in.readNBytes(length);
  }

  private static void writeExtensions(DataOutputStream out, Map<String, Object> ext)
      throws IOException {
    out.writeShort(ext.size());
    for (Map.Entry<String, Object> e : ext.entrySet()) {
      out.writeUTF(e.getKey());
      switch (e.getValue()) {
        case Boolean v -> {
          out.writeByte(BOOLEAN);
          out.writeBoolean(v);
        }
        case Integer v -> {
          out.writeByte(INTEGER);
          out.writeInt(v);
        }
        default -> {
          out.writeByte(STRING);
          writeLongString(out, e.getValue().toString());
        }
      }
    }
  }

  private static void readExtensions(DataInputStream in, CloudEvent.Builder b) throws IOException {
    int count = in.readUnsignedShort();
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      byte tag = in.readByte();
      Object value =
          switch (tag) {
            case BOOLEAN -> in.readBoolean();
            case INTEGER -> in.readInt();
            default -> readLongString(in);
          };
      b.extension(name, value);
    }
  }

  private static void writeOptional(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      writeLongString(out, value);
    }
  }

  private static String readOptional(DataInputStream in) throws IOException {
    return in.readBoolean() ? readLongString(in) : null;
  }

  private static void writeLongString(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readLongString(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8);
  }
}
