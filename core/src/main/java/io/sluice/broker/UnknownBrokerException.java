package io.sluice.broker;

/** No adapter on the class path opens the URL's scheme; names the artifact that would. */
public final class UnknownBrokerException extends IllegalArgumentException {
  public UnknownBrokerException(String url, String scheme, String module) {
    super(
        module == null
            ? "no broker adapter for scheme '"
                + scheme
                + "' in '"
                + url
                + "'; known schemes: mem, embedded, nats, kafka, pulsar, amqp, redis"
            : "no broker adapter for '" + url + "' on the class path: add the artifact " + module);
  }
}
