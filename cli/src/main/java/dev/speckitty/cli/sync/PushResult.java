package dev.speckitty.cli.sync;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The server's verdict on one pushed event.
 *
 * @param eventId the event
 * @param status {@code success}, {@code duplicate} (already stored) or {@code rejected}; any other
 *     word is no verdict, and the event stays queued
 * @param error why it was rejected
 */
public record PushResult(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("status") String status,
    @JsonProperty("error") String error) {

  /** Whether the server refused the event (it stays queued, with the reason). */
  public boolean rejected() {
    return "rejected".equals(status);
  }

  /** Whether the server now holds the event (it may leave the queue). */
  public boolean stored() {
    return "success".equals(status) || "duplicate".equals(status);
  }
}
