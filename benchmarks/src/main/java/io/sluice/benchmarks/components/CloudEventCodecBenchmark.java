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
 * CloudEvent encoding and decoding in core's two content modes, with 256 B and 4 KB of JSON data
 * ({@link EventFixture}). Structured mode writes and strictly reads the whole event as {@code
 * application/cloudevents+json}; binary mode turns the attributes into {@code ce-} headers
 * (percent-encoded) and back, the data travelling as the body. Baselines: Jackson writing the same
 * structured JSON from a plain {@code Map} and reading it back into one, with no CloudEvents rules
 * at all.
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
  private Map<String, Object> asMap;
  private Map<String, String> headers;
  private byte[] body;

  @Setup
  public void prepare() throws IOException {
    event = EventFixture.event(dataBytes);
    structured = JsonFormat.encode(event);
    asMap = jackson.readValue(structured, MAP);
    headers = BinaryMode.toHeaders(event, BinaryMode.HTTP_PREFIX);
    body = event.data().orElseThrow();
    if (!JsonFormat.decode(structured).equals(event)
        || !jackson.readValue(jackson.writeValueAsBytes(asMap), MAP).equals(asMap)) {
      throw new IllegalStateException("an encoding does not round-trip the benchmark event");
    }
  }

  @Benchmark
  public byte[] structuredEncode() {
    return JsonFormat.encode(event);
  }

  @Benchmark
  public CloudEvent structuredDecode() {
    return JsonFormat.decode(structured);
  }

  @Benchmark
  public void binaryEncode(Blackhole sink) {
    sink.consume(BinaryMode.toHeaders(event, BinaryMode.HTTP_PREFIX));
    sink.consume(event.data());
  }

  @Benchmark
  public CloudEvent binaryDecode() {
    return BinaryMode.fromHeaders(headers, BinaryMode.HTTP_PREFIX, body);
  }

  @Benchmark
  public byte[] baselineJacksonWrite() throws IOException {
    return jackson.writeValueAsBytes(asMap);
  }

  @Benchmark
  public Map<String, Object> baselineJacksonRead() throws IOException {
    return jackson.readValue(structured, MAP);
  }
}
