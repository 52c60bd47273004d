package dev.speckitty.cli.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every failure and warning the CLI can report, in one place: its exit code and the lines it
 * prints, as templates with named {@code {placeholders}}. Commands never write failure text
 * themselves; they raise a constant with its values ({@link #with}), so each message reads the same
 * everywhere and {@code docs/reference/errors.md} can be checked against {@link #values()}.
 *
 * <p>Constants with exit code {@link ExitCode#OK} are warnings: printed, and the command goes on.
 */
public enum Failure {
  // Usage and configuration (exit 2).
  BAD_USAGE(ExitCode.USAGE, "❌ {problem}", "   See '{command} --help'."),
  UNKNOWN_COMMAND(
      ExitCode.USAGE, "❌ '{word}' is not a {command} command.", "   See '{command} --help'."),
  UNKNOWN_COMMAND_LIKE(
      ExitCode.USAGE,
      "❌ '{word}' is not a {command} command. Did you mean '{suggestion}'?",
      "   See '{command} --help'."),
  UNKNOWN_OPTION(
      ExitCode.USAGE, "❌ {command} has no option '{word}'.", "   See '{command} --help'."),
  UNKNOWN_OPTION_LIKE(
      ExitCode.USAGE,
      "❌ {command} has no option '{word}'. Did you mean '{suggestion}'?",
      "   See '{command} --help'."),
  UNEXPECTED_ARGUMENT(
      ExitCode.USAGE,
      "❌ Unexpected argument '{word}': {command} takes no more.",
      "   See '{command} --help'."),
  NO_SERVER(
      ExitCode.USAGE,
      "❌ No server configured.",
      "   Add a [server] section with url = \"https://your-server.example.com\" to {config} (or"
          + " set SPEC_KITTY_SERVER_URL)."),
  CONFIG_UNREADABLE(ExitCode.USAGE, "❌ Cannot read {file}: {reason}"),
  CONFIG_NOT_UTF8(
      ExitCode.USAGE,
      "❌ {file}:{line} is not valid UTF-8 (byte {byte}).",
      "   Save the file with UTF-8 encoding."),
  CONFIG_MALFORMED(
      ExitCode.USAGE,
      "❌ Malformed config file {where}: {reason}",
      "   Expected TOML such as:  [server]  url = \"https://your-server.example.com\""),
  CONFIG_SYNTAX(
      ExitCode.USAGE,
      "❌ Malformed config file {file}: {problem} at line {line}.",
      "   Line {line}: {text}",
      "   Expected TOML such as:  [server]  url = \"https://your-server.example.com\""),
  CONFIG_URL_NOT_TEXT(
      ExitCode.USAGE,
      "❌ In {file}, [server] url must be a quoted string, e.g. url = \"https://…\"."),
  UNKNOWN_SETTING(ExitCode.OK, "⚠ Unknown setting '{key}' in {where}"),
  UNKNOWN_SETTING_LIKE(
      ExitCode.OK, "⚠ Unknown setting '{key}' in {where} (did you mean '{known}'?)"),
  INSECURE_URL(
      ExitCode.USAGE,
      "❌ Refusing insecure server URL {url} (from {origin}).",
      "   Use https:// — plain http:// is allowed only for localhost, 127.0.0.0/8 and [::1]."),
  INVALID_URL(ExitCode.USAGE, "❌ Invalid server URL '{url}' (from {origin}): {why}."),
  URL_WITHOUT_SCHEME(
      ExitCode.USAGE,
      "❌ The server URL '{url}' (from {origin}) does not start with https://.",
      "   Add https:// (or http:// for a local server): {example}"),
  BAD_TIMEOUT(
      ExitCode.USAGE,
      "❌ SPEC_KITTY_HTTP_TIMEOUT must be a number of seconds from 0.001 to 3600, not '{value}'."),
  PASSWORD_STDIN_NEEDS_USERNAME(
      ExitCode.USAGE,
      "❌ --password-stdin needs --username (standard input holds only the password)."),
  EMPTY_USERNAME(ExitCode.USAGE, "❌ The username cannot be empty."),
  EMPTY_PASSWORD(ExitCode.USAGE, "❌ The password cannot be empty."),
  NOTHING_ON_STDIN(ExitCode.USAGE, "❌ No {what} on standard input (it was empty or closed)."),
  BAD_PROJECT_NAME(
      ExitCode.USAGE, "❌ '{name}' is not a usable project name (use letters or digits)."),
  BAD_FEATURE_TITLE(ExitCode.USAGE, "❌ Give the feature a title with letters or digits."),

  // Login and session (exit 1).
  LOGIN_REFUSED(
      ExitCode.FAILURE,
      "❌ Invalid username or password",
      "   Please check your credentials and try again."),
  LOGIN_CANCELLED(ExitCode.FAILURE, "❌ Login cancelled."),
  NOT_AUTHENTICATED(ExitCode.FAILURE, "❌ Not authenticated. Run 'spec-kitty auth login' first."),
  NOT_LOGGED_IN(
      ExitCode.FAILURE, "❌ Not authenticated", "   Run 'spec-kitty auth login' to authenticate."),
  SESSION_FOR_OTHER_SERVER(
      ExitCode.FAILURE,
      "❌ Not authenticated with {server} (your session is for {session_server}).",
      "   Run 'spec-kitty auth login' first."),
  SESSION_EXPIRED(ExitCode.FAILURE, "❌ Session expired. Please log in again."),
  CREDENTIALS_UNREADABLE(ExitCode.FAILURE, "❌ Cannot read {file}: {reason}"),
  CREDENTIALS_DAMAGED(
      ExitCode.FAILURE,
      "❌ The credentials file {file} is damaged.",
      "   Run 'spec-kitty auth logout' and then 'spec-kitty auth login'."),
  CREDENTIALS_NOT_SAVED(ExitCode.FAILURE, "❌ Cannot save credentials to {file}: {reason}"),
  CREDENTIALS_NOT_REMOVED(ExitCode.FAILURE, "❌ Cannot remove {file}: {reason}"),

  // The server (exit 1).
  UNREACHABLE(
      ExitCode.FAILURE, "❌ Cannot reach server. Check your connection.", "   Server: {server}"),
  UNAVAILABLE(
      ExitCode.FAILURE,
      "❌ Server temporarily unavailable (HTTP {status})",
      "   Please try again in a few minutes."),
  INVALID_RESPONSE(ExitCode.FAILURE, "❌ Invalid server response (HTTP {status})"),
  REFUSED(ExitCode.FAILURE, "❌ Server refused the request (HTTP {status})"),
  REDIRECTED(
      ExitCode.FAILURE,
      "❌ The server redirected the request (HTTP {status} to {location}).",
      "   spec-kitty does not follow redirects: check the server URL (its scheme and path)."),
  PLAIN_HTTP(
      ExitCode.FAILURE,
      "❌ The server at {server} answered in plain HTTP, not HTTPS.",
      "   Use an http:// URL for a server on this machine, or turn on HTTPS at the server."),
  PLAIN_HTTP_LOCAL(
      ExitCode.FAILURE,
      "❌ The server at {server} answered in plain HTTP, not HTTPS.",
      "   Use http:// for a local server: {http_url}"),
  PULL_STUCK(
      ExitCode.FAILURE,
      "❌ The server said more events follow but did not move the pull cursor ({cursor}); the"
          + " pull stopped."),
  PULL_TOO_LONG(
      ExitCode.FAILURE,
      "❌ The pull stopped after {pages} pages; run 'spec-kitty sync now' again for the rest."),
  PULLED_EVENTS_SKIPPED(
      ExitCode.OK,
      "⚠ Pulled events that break the API contract were not stored: {count}.",
      "   First: {reason}."),
  QUEUED_EVENTS_SET_ASIDE(
      ExitCode.OK,
      "⚠ Queued events that cannot be read were set aside: {count} (see 'spec-kitty sync"
          + " status')."),
  RESPONSE_TOO_LARGE(
      ExitCode.FAILURE,
      "❌ The server's answer is larger than {limit} MB; spec-kitty stopped reading it."),
  UNANSWERED_EVENTS(
      ExitCode.FAILURE, "❌ The server answered for {answered} of the {sent} events sent."),
  SYNC_RUNNING(
      ExitCode.FAILURE,
      "❌ Another 'spec-kitty sync now' is running; try again when it has finished."),
  REFUSED_WITH_DETAIL(
      ExitCode.FAILURE, "❌ Server refused the request (HTTP {status})", "   {detail}"),

  // The event queue (exit 1).
  QUEUE_UNOPENABLE(ExitCode.FAILURE, "❌ Cannot open the event queue {file}: {reason}"),
  QUEUE_FAILED(ExitCode.FAILURE, "❌ Cannot {verb} the event queue {file}: {reason}"),
  QUEUE_EMPTY_FILE(
      ExitCode.FAILURE,
      "❌ The event queue {file} is empty (0 bytes): it was damaged, and the events in it are"
          + " lost.",
      "   Move it aside (e.g. to queue.db.damaged), then run the command again to start a new"
          + " queue."),
  QUEUE_DISK_FULL(
      ExitCode.FAILURE,
      "❌ The disk is full: cannot write the event queue {file}.",
      "   Free some space, then run the command again."),
  DISK_FULL(
      ExitCode.FAILURE,
      "❌ The disk is full: cannot write {file}.",
      "   Free some space, then run the command again."),
  SQLITE_MISSING(
      ExitCode.FAILURE,
      "❌ SQLite is not available for this platform ({platform}), so the event queue cannot be"
          + " opened.",
      "   spec-kitty ships SQLite for Linux and macOS on x86_64 and arm64."),
  QUEUED_RETRY(ExitCode.FAILURE, "   {queued} queued; run 'spec-kitty sync now' again."),
  QUEUED_AFTER_LOGIN(
      ExitCode.FAILURE,
      "   {queued} queued; run 'spec-kitty auth login', then 'spec-kitty sync now'."),
  QUEUED_NONE(ExitCode.FAILURE, "   No events are queued."),

  // Projects and the workflow (exit 1).
  NOT_IN_PROJECT(
      ExitCode.FAILURE,
      "❌ Not inside a spec-kitty project (no .kittify/ here or in any parent folder).",
      "   Run 'spec-kitty init <name>' first, then cd into the new folder."),
  PROJECT_UNREADABLE(ExitCode.FAILURE, "❌ Cannot read {file}: {reason}"),
  ALREADY_A_PROJECT(ExitCode.FAILURE, "❌ {name} is already a spec-kitty project."),
  FOLDER_NOT_EMPTY(
      ExitCode.FAILURE,
      "❌ The folder {name} already exists and is not empty.",
      "   Choose another name, or remove the folder first."),
  PROJECT_NOT_CREATED(ExitCode.FAILURE, "❌ Cannot create {folder}: {reason}"),
  FILE_FAILED(ExitCode.FAILURE, "❌ Cannot access {file}: {reason}"),
  NO_FEATURE_YET(
      ExitCode.FAILURE,
      "❌ This project has no feature yet.",
      "   Run 'spec-kitty specify \"<what you want to build>\"' first."),
  NO_SUCH_FEATURE(ExitCode.FAILURE, "❌ No feature '{feature}'. Features: {features}."),
  PLAN_EXISTS(
      ExitCode.FAILURE, "❌ {plan} already exists.", "   Edit it, then run 'spec-kitty tasks'."),
  NO_PLAN_YET(
      ExitCode.FAILURE, "❌ Feature {feature} has no plan yet.", "   Run 'spec-kitty plan' first."),
  TASKS_EXIST(
      ExitCode.FAILURE,
      "❌ Feature {feature} already has work packages.",
      "   Move them with 'spec-kitty move <WP> --to <lane>'."),
  PLAN_WITHOUT_WORK_PACKAGES(
      ExitCode.FAILURE,
      "❌ {plan} lists no work packages.",
      "   Add lines such as '- WP01: Foundation' under '## Work packages'."),
  NO_WORK_PACKAGES_YET(
      ExitCode.FAILURE,
      "❌ Feature {feature} has no work packages yet.",
      "   Run 'spec-kitty tasks' first."),
  NO_SUCH_WORK_PACKAGE(ExitCode.FAILURE, "❌ No work package {wp} in {feature} (it has {wps})."),
  MOVE_NOT_ALLOWED(
      ExitCode.FAILURE,
      "❌ {wp} is in {lane} and cannot move to {to} (it can move to {allowed}).",
      "   Lanes: planned → doing → for_review → done."),
  MOVE_FROM_DONE(
      ExitCode.FAILURE,
      "❌ {wp} is in {lane} and cannot move to {to}.",
      "   Lanes: planned → doing → for_review → done."),
  PROJECT_BUSY(
      ExitCode.FAILURE,
      "❌ Another spec-kitty command is changing this project ({project}); try again when it has"
          + " finished."),
  CANNOT_ACCEPT(
      ExitCode.FAILURE,
      "❌ Cannot accept {feature}: {open}.",
      "   Move every work package to done first."),

  // Bugs (exit 70).
  INTERNAL(
      ExitCode.INTERNAL,
      "❌ Unexpected error: {error}",
      "   Rerun with SPEC_KITTY_DEBUG=1 to see the details.");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  private final ExitCode exitCode;
  private final List<String> template;

  Failure(ExitCode exitCode, String... template) {
    this.exitCode = exitCode;
    this.template = List.of(template);
  }

  /** The exit code of a command that stops with this failure ({@code OK}: a warning). */
  public ExitCode exitCode() {
    return exitCode;
  }

  /** The lines as written here, placeholders and all — what the errors reference lists. */
  public List<String> template() {
    return template;
  }

  /** Whether the command goes on after printing this (a warning, not a failure). */
  public boolean isWarning() {
    return exitCode == ExitCode.OK;
  }

  /**
   * The lines with the placeholders filled from {@code namesAndValues} ({@code "server", url, …}).
   * Control characters are removed from every value, so no value can move the cursor or clear the
   * screen; text from a server must also go through {@link ServerText#sanitize} first.
   */
  public List<String> lines(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(name() + ": names and values must come in pairs");
    }
    List<String> lines = new ArrayList<>(template.size());
    for (String line : template) {
      Matcher m = PLACEHOLDER.matcher(line);
      StringBuilder filled = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(filled, Matcher.quoteReplacement(value(m.group(1), namesAndValues)));
      }
      m.appendTail(filled);
      lines.add(filled.toString());
    }
    return lines;
  }

  /** The exception that stops the command with this failure; {@code throw} it. */
  public CliException with(Object... namesAndValues) {
    if (isWarning()) {
      throw new IllegalStateException(name() + " is a warning: print its lines()");
    }
    return new CliException(this, lines(namesAndValues));
  }

  private String value(String name, Object[] namesAndValues) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (name.equals(namesAndValues[i])) {
        return ServerText.withoutControls(String.valueOf(namesAndValues[i + 1]));
      }
    }
    throw new IllegalArgumentException(name() + ": no value for {" + name + "}");
  }
}
