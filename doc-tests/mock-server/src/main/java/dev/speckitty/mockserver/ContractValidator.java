package dev.speckitty.mockserver;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks every request the server receives, and every answer it gives — fault scenarios included,
 * so the mock and a page cannot agree on an answer the real server never gives — against the
 * OpenAPI contract in {@code docs/reference/server-api.openapi.yaml}.
 */
public final class ContractValidator implements ServeEventListener {
  private final OpenApiInteractionValidator validator;
  private final List<String> violations = new ArrayList<>();
  private final java.util.Set<String> stubsSeen = new java.util.TreeSet<>();
  private int checked;

  public ContractValidator(Path openApiFile) {
    this(openApiFile.toUri().toString());
  }

  private ContractValidator(String specificationUrl) {
    this.validator =
        OpenApiInteractionValidator.createForSpecificationUrl(specificationUrl).build();
  }

  /** A validator for the contract packaged with the server (the one its stubs implement). */
  public static ContractValidator packaged() {
    java.net.URL contract = ContractValidator.class.getResource(Contract.RESOURCE);
    if (contract == null) {
      throw new IllegalStateException("the API contract " + Contract.RESOURCE + " is missing");
    }
    return new ContractValidator(contract.toString());
  }

  @Override
  public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
    try {
      check(serveEvent);
    } catch (RuntimeException e) {
      // A check that cannot run must not change the answer: it is reported instead.
      record(serveEvent.getRequest().getUrl() + ": the contract check failed: " + e);
    }
  }

  private void check(ServeEvent serveEvent) {
    var req = serveEvent.getRequest();
    if (!req.getUrl().startsWith("/api/")) {
      return; // the dashboard is a sandbox page, not part of the API
    }
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(req.getMethod().getName(), URI.create(req.getUrl()).getPath());
    for (String header : List.of("Content-Type", "Authorization", "Accept")) {
      if (req.containsHeader(header)) {
        request.withHeader(header, req.getHeader(header));
      }
    }
    for (Map.Entry<String, QueryParameter> q : req.getQueryParams().entrySet()) {
      request.withQueryParam(q.getKey(), q.getValue().values());
    }
    try {
      byte[] body = Gzip.bodyOf(req);
      if (body.length > 0) {
        request.withBody(new String(body, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      record(req.getMethod() + " " + req.getUrl() + ": body is not valid gzip");
      return;
    }
    Request built = request.build();
    String stubName =
        serveEvent.getStubMapping() == null
            ? ""
            : String.valueOf(serveEvent.getStubMapping().getName());
    ValidationReport report;
    LoggedResponse res = serveEvent.getResponse();
    boolean noAnswer =
        res == null
            || res.getStatus() == 0
            || (serveEvent.getResponseDefinition() != null
                && serveEvent.getResponseDefinition().getFault() != null);
    if (noAnswer) {
      // No HTTP answer at all (a dropped connection): only the request can be checked.
      report = validator.validateRequest(built);
    } else {
      SimpleResponse.Builder response = SimpleResponse.Builder.status(res.getStatus());
      String contentType = res.getHeaders().getContentTypeHeader().firstValue();
      if (contentType != null) {
        response.withContentType(contentType);
      }
      for (var header : res.getHeaders().all()) {
        if (!header.key().equalsIgnoreCase("Content-Type")) {
          response.withHeader(header.key(), header.values());
        }
      }
      response.withBody(res.getBodyAsString());
      report = validator.validate(built, response.build());
    }
    synchronized (this) {
      checked++;
      stubsSeen.add(stubName);
    }
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        record(req.getMethod() + " " + req.getUrl() + ": " + m.getKey() + ": " + m.getMessage());
      }
    }
  }

  private synchronized void record(String violation) {
    violations.add(violation);
  }

  /** Every contract violation seen so far. */
  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /** Returns the violations seen so far and forgets them. */
  public synchronized List<String> drain() {
    List<String> seen = List.copyOf(violations);
    violations.clear();
    return seen;
  }

  /** The names of the stub mappings that answered the checked exchanges. */
  public synchronized java.util.Set<String> stubsSeen() {
    return java.util.Set.copyOf(stubsSeen);
  }

  /** How many API exchanges were checked. */
  public synchronized int checked() {
    return checked;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public String getName() {
    return "spec-kitty-contract";
  }
}
