package io.sluice.gateway.idempotency;

import java.util.Map;
import java.util.Objects;

/** The response first sent for a key: status, headers worth replaying, and the body. */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {
  public StoredResponse {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
