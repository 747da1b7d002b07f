package app.premia.platform.graphql;

import graphql.language.SourceLocation;

/**
 * Finds an over-long number literal in a document's text before the parser sees it. graphql-java's
 * lexer reads digits about a hundred times slower than other characters, and its parser converts a
 * number literal to a {@code BigInteger}/{@code BigDecimal} in quadratic time: a 250 000-digit
 * literal costs seconds. This scan is linear and skips strings, block strings, comments and names,
 * where digits are harmless.
 */
final class NumberLiterals {

  /** Where an over-long number literal starts, and how long it is. */
  record TooLong(SourceLocation location, int length) {}

  private NumberLiterals() {}

  /** The first number literal longer than {@code maxChars} characters, or null if none is. */
  static TooLong find(String document, int maxChars) {
    int n = document.length();
    int i = 0;
    while (i < n) {
      char c = document.charAt(i);
      if (c == '#') {
        while (i < n && document.charAt(i) != '\n' && document.charAt(i) != '\r') {
          i++;
        }
      } else if (c == '"') {
        i = skipString(document, i);
      } else if (isNameStart(c)) {
        while (i < n && isNamePart(document.charAt(i))) {
          i++;
        }
      } else if (isDigit(c) || c == '-' && i + 1 < n && isDigit(document.charAt(i + 1))) {
        int start = i;
        i = skipNumber(document, i);
        if (i - start > maxChars) {
          return new TooLong(location(document, start), i - start);
        }
      } else {
        i++;
      }
    }
    return null;
  }

  /** Past a string or block string starting at {@code i} (or past the line, if unterminated). */
  private static int skipString(String document, int i) {
    int n = document.length();
    if (document.startsWith("\"\"\"", i)) {
      i += 3;
      while (i < n && !document.startsWith("\"\"\"", i)) {
        i += document.startsWith("\\\"\"\"", i) ? 4 : 1;
      }
      return Math.min(n, i + 3);
    }
    i++;
    while (i < n) {
      char c = document.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"' || c == '\n' || c == '\r') {
        return i + 1;
      } else {
        i++;
      }
    }
    return n;
  }

  /** Past {@code -?digits(.digits)?([eE][+-]?digits)?} starting at {@code i}. */
  private static int skipNumber(String document, int i) {
    int n = document.length();
    if (document.charAt(i) == '-') {
      i++;
    }
    i = skipDigits(document, i);
    if (i < n && document.charAt(i) == '.') {
      i = skipDigits(document, i + 1);
    }
    if (i < n && (document.charAt(i) == 'e' || document.charAt(i) == 'E')) {
      i++;
      if (i < n && (document.charAt(i) == '+' || document.charAt(i) == '-')) {
        i++;
      }
      i = skipDigits(document, i);
    }
    return i;
  }

  private static int skipDigits(String document, int i) {
    while (i < document.length() && isDigit(document.charAt(i))) {
      i++;
    }
    return i;
  }

  private static SourceLocation location(String document, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; i++) {
      char c = document.charAt(i);
      if (c == '\n'
          || c == '\r' && (i + 1 >= document.length() || document.charAt(i + 1) != '\n')) {
        line++;
        column = 1;
      } else if (c != '\r') {
        column++;
      }
    }
    return new SourceLocation(line, column);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameStart(char c) {
    return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }
}
