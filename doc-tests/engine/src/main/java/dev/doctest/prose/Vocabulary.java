package dev.doctest.prose;

import java.util.List;

/**
 * The names a product has — its commands, options, settings, variables, files, exit codes — as the
 * product knows them. The engine finds the prose; the vocabulary says which code spans are its own
 * and whether what they name exists. It should claim only spans that look like its names, so that
 * the check stays free of false alarms (an id, a JSON field and a URL path are nobody's).
 */
public interface Vocabulary {
  /**
   * Whether {@code span} names the product and, if so, which of its names do not exist. The
   * sentence around it (or the table row, the list item, the heading) tells what it is about: an
   * option in a sentence that names a command belongs to that command.
   */
  Verdict judge(CodeSpan span, Sentence sentence);

  /**
   * Problems in the words of a sentence besides its spans, such as an exit code stated in words;
   * none by default.
   */
  default List<Finding> judgeWords(Sentence sentence) {
    return List.of();
  }

  /** Problems in a file the page tells its reader to write; none by default. */
  default List<Finding> judgeFile(FileBlock file) {
    return List.of();
  }
}
