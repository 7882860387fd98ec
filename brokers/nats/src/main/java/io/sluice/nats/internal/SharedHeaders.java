package io.sluice.nats.internal;

import io.nats.client.impl.Headers;
import io.sluice.envelope.BinaryMode;
import io.sluice.envelope.CloudEvent;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code ce-} headers that events of one kind share ({@link BinaryMode#writeSharedHeaders}),
 * encoded and checked by the client once per kind. Each publish starts from a copy of its kind's
 * headers and adds only the event's own ones. Remembers at most {@value #MAX_KINDS} kinds and
 * starts afresh past that.
 */
final class SharedHeaders {
  private static final int MAX_KINDS = 1_000;

  private final Map<Kind, Headers> byKind = new ConcurrentHashMap<>();

  /** A new, open header set holding the shared headers of the event's kind. */
  SealedHeaders startFor(CloudEvent event) {
    Kind kind = Kind.of(event);
    Headers shared = byKind.get(kind);
    if (shared == null) {
      shared = encode(event);
      if (byKind.size() >= MAX_KINDS) {
        byKind.clear();
      }
      byKind.put(kind, shared);
    }
    return new SealedHeaders(shared);
  }

  private static Headers encode(CloudEvent event) {
    Headers headers = new Headers();
    BinaryMode.writeSharedHeaders(event, BinaryMode.HTTP_PREFIX, headers::put);
    return headers;
  }

  /** The attributes the shared headers are made of. */
  private record Kind(String source, String type, URI dataSchema, String dataContentType) {
    static Kind of(CloudEvent event) {
      return new Kind(
          event.source(),
          event.type(),
          event.dataSchema().orElse(null),
          event.dataContentType().orElse(null));
    }
  }
}
