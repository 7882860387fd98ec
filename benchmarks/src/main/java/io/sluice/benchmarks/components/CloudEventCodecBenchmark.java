package io.sluice.benchmarks.components;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.envelope.BinaryMode;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.JsonFormat;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CloudEvent decoding and encoding in core's two content modes, with 256 B and 4 KB of JSON data
 * ({@link EventFixture}). One operation decodes an incoming event and encodes it again, as the
 * gateway decodes a publish and an adapter encodes it for the broker. Structured mode strictly
 * reads and writes the whole event as {@code application/cloudevents+json}; binary mode reads the
 * attributes from {@code ce-} headers (percent-encoded) and writes them back, the data travelling
 * as the body. Baseline: Jackson reading the same structured JSON into a plain {@code Map} and
 * writing it back, with no CloudEvents rules at all. Decode and encode are measured together to
 * keep the whole component run within three minutes.
 *
 * <p>Run from the repository root with the other component benchmarks: {@code bench/run
 * components}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CloudEventCodecBenchmark {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  @Param({"256", "4096"})
  public int dataBytes;

  private final ObjectMapper jackson = new ObjectMapper();
  private CloudEvent event;
  private byte[] structured;
  private Map<String, String> headers;
  private byte[] body;

  @Setup
  public void prepare() throws IOException {
    event = EventFixture.event(dataBytes);
    structured = JsonFormat.encode(event);
    headers = BinaryMode.toHeaders(event, BinaryMode.HTTP_PREFIX);
    body = event.data().orElseThrow();
    if (!JsonFormat.decode(structured).equals(event)
        || !jackson
            .readValue(baselineJacksonRoundTrip(), MAP)
            .equals(jackson.readValue(structured, MAP))) {
      throw new IllegalStateException("an encoding does not round-trip the benchmark event");
    }
  }

  @Benchmark
  public byte[] structuredRoundTrip() {
    return JsonFormat.encode(JsonFormat.decode(structured));
  }

  @Benchmark
  public void binaryRoundTrip(Blackhole sink) {
    CloudEvent decoded = BinaryMode.fromHeaders(headers, BinaryMode.HTTP_PREFIX, body);
    sink.consume(BinaryMode.toHeaders(decoded, BinaryMode.HTTP_PREFIX));
    sink.consume(decoded.data());
  }

  @Benchmark
  public byte[] baselineJacksonRoundTrip() throws IOException {
    return jackson.writeValueAsBytes(jackson.readValue(structured, MAP));
  }
}
