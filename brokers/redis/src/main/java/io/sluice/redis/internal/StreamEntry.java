package io.sluice.redis.internal;

import java.util.Map;

/** An entry read from a stream, with how many times it has been delivered including this time. */
record StreamEntry(String key, String id, Map<String, byte[]> fields, int deliveryCount) {}
