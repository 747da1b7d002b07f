package app.premia.platform.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The scalars every context shares: {@code Decimal} (exact, as a string), {@code Date} and {@code
 * DateTime} (ISO-8601). Inputs must arrive as strings: a JSON number for money would already have
 * passed through a binary float on the client.
 */
public final class GraphQlScalars {

  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
  private static final int MAX_DECIMAL_LENGTH = 40;

  private GraphQlScalars() {}

  public static final GraphQLScalarType DECIMAL_SCALAR =
      GraphQLScalarType.newScalar()
          .name("Decimal")
          .description("An exact decimal number serialised as a string, e.g. \"1234567.89\".")
          .coercing(
              new StringScalar<BigDecimal>(
                  "Decimal", "a decimal string such as \"1234.56\"", GraphQlScalars::parseDecimal) {
                @Override
                String format(Object value) {
                  if (value instanceof BigDecimal decimal) {
                    return decimal.toPlainString();
                  }
                  if (value instanceof Integer || value instanceof Long) {
                    return value.toString();
                  }
                  if (value instanceof String text) {
                    return parseDecimal(text).toPlainString();
                  }
                  return null;
                }
              })
          .build();

  public static final GraphQLScalarType DATE_SCALAR =
      GraphQLScalarType.newScalar()
          .name("Date")
          .description("A calendar date, ISO-8601: 2026-11-27.")
          .coercing(
              new StringScalar<LocalDate>(
                  "Date", "an ISO-8601 date such as \"2026-11-27\"", LocalDate::parse) {
                @Override
                String format(Object value) {
                  return value instanceof LocalDate date ? date.toString() : null;
                }
              })
          .build();

  public static final GraphQLScalarType DATE_TIME_SCALAR =
      GraphQLScalarType.newScalar()
          .name("DateTime")
          .description("An instant with its UTC offset, ISO-8601: 2026-11-27T09:30:00+03:00.")
          .coercing(
              new StringScalar<OffsetDateTime>(
                  "DateTime",
                  "an ISO-8601 date-time with offset such as \"2026-11-27T09:30:00+03:00\"",
                  text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)) {
                @Override
                String format(Object value) {
                  OffsetDateTime time = null;
                  if (value instanceof OffsetDateTime offset) {
                    time = offset;
                  } else if (value instanceof ZonedDateTime zoned) {
                    time = zoned.toOffsetDateTime();
                  } else if (value instanceof Instant instant) {
                    time = instant.atOffset(ZoneOffset.UTC);
                  }
                  return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
                }
              })
          .build();

  static BigDecimal parseDecimal(String text) {
    if (text.length() > MAX_DECIMAL_LENGTH || !DECIMAL.matcher(text).matches()) {
      throw new IllegalArgumentException("not a decimal");
    }
    return new BigDecimal(text);
  }

  /** A scalar whose wire form is a string; subclasses say how values are written. */
  private abstract static class StringScalar<T> implements Coercing<T, String> {
    private final String name;
    private final String expected;
    private final Function<String, T> parser;

    StringScalar(String name, String expected, Function<String, T> parser) {
      this.name = name;
      this.expected = expected;
      this.parser = parser;
    }

    /** The wire form of a server-side value, or null when the value is not of a supported type. */
    abstract String format(Object value);

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
      String text;
      try {
        text = format(value);
      } catch (IllegalArgumentException e) {
        text = null;
      }
      if (text == null) {
        throw new CoercingSerializeException(
            name + " cannot represent a value of type " + value.getClass().getSimpleName());
      }
      return text;
    }

    @Override
    public T parseValue(Object input, GraphQLContext context, Locale locale) {
      if (input instanceof String text) {
        T parsed = parseOrNull(text);
        if (parsed != null) {
          return parsed;
        }
      }
      throw new CoercingParseValueException(name + " must be " + expected);
    }

    @Override
    public T parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      if (input instanceof StringValue text) {
        T parsed = parseOrNull(text.getValue());
        if (parsed != null) {
          return parsed;
        }
      }
      throw new CoercingParseLiteralException(name + " must be " + expected);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
      return StringValue.of(serialize(input, context, locale));
    }

    private T parseOrNull(String text) {
      try {
        return parser.apply(text);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        return null;
      }
    }
  }
}
