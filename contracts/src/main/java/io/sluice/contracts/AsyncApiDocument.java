package io.sluice.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.contracts.internal.AsyncApiWriter;
import io.sluice.contracts.internal.Json;

/**
 * An AsyncAPI 3.0 document for the gateway: one channel per subject pattern, a receive operation
 * where clients publish and a send operation where they subscribe (the gateway's point of view),
 * one message per registered (type, version) with its schema inlined.
 */
public final class AsyncApiDocument {
  private final ObjectNode document;

  private AsyncApiDocument(ObjectNode document) {
    this.document = document;
  }

  /** Generates the document. */
  public static AsyncApiDocument generate(AsyncApiInputs inputs) {
    return new AsyncApiDocument(AsyncApiWriter.write(inputs));
  }

  /** A copy of the document tree. */
  public ObjectNode node() {
    return document.deepCopy();
  }

  /** The document as pretty JSON. */
  public String json() {
    return Json.write(document);
  }
}
