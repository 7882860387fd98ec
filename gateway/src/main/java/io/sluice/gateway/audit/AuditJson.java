package io.sluice.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.audit.AuditPage;
import io.sluice.audit.AuditRecord;
import io.sluice.audit.ChainBreak;
import io.sluice.audit.ChainReport;
import io.sluice.audit.VerifyReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of {@code GET /v1/audit} and {@code GET /v1/audit/verify}. */
public final class AuditJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditJson() {}

  /** {@code {"records":[…],"nextCursor":…}}; each record is its canonical JSON with its hash. */
  public static Map<String, Object> page(AuditPage page) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("records", page.records().stream().map(AuditJson::record).toList());
    json.put("nextCursor", page.nextCursor().orElse(null));
    return json;
  }

  /** {@code {"intact":…,"firstBreak":…,"chains":[…]}}. */
  public static Map<String, Object> report(VerifyReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("intact", report.intact());
    json.put("firstBreak", report.firstBreak().map(AuditJson::chainBreak).orElse(null));
    json.put("chains", report.chains().stream().map(AuditJson::chain).toList());
    return json;
  }

  static Object record(AuditRecord record) {
    try {
      return JSON.readValue(record.toJson(), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> chain(ChainReport c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("chain", c.chain());
    json.put("intact", c.intact());
    json.put("checked", c.checked());
    json.put("firstSeq", c.firstSeq());
    json.put("lastSeq", c.lastSeq());
    json.put("firstBreak", c.firstBreak().map(AuditJson::chainBreak).orElse(null));
    return json;
  }

  private static Map<String, Object> chainBreak(ChainBreak b) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("chain", b.chain());
    json.put("seq", b.seq());
    json.put("kind", b.kind().name());
    json.put("detail", b.detail());
    return json;
  }
}
