/**
 * What idle Server-Sent Events streams cost the gateway. {@link
 * io.sluice.benchmarks.streams.IdleSseConnections} starts a gateway in a child JVM with {@code
 * -Xmx512m} ({@link io.sluice.benchmarks.streams.IdleSseGateway}), measures its heap after a full
 * GC with no stream open (the baseline), opens 10,000 SSE streams from Vert.x clients in this JVM,
 * measures again, and reports the heap and RSS per stream and a class histogram of where the heap
 * went.
 */
package io.sluice.benchmarks.streams;
