package app.premia.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GraphQlScalarsTest {

  private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();

  @SuppressWarnings("unchecked")
  private static Coercing<Object, String> coercing(graphql.schema.GraphQLScalarType scalar) {
    return (Coercing<Object, String>) scalar.getCoercing();
  }

  @Test
  void decimal_serialisesAsPlainStringWithEveryDigit() {
    Coercing<Object, String> decimal = coercing(GraphQlScalars.DECIMAL_SCALAR);
    assertEquals(
        "12345678901234567890.05",
        decimal.serialize(new BigDecimal("12345678901234567890.05"), CONTEXT, Locale.ROOT));
    assertEquals("0.0000001", decimal.serialize(new BigDecimal("1E-7"), CONTEXT, Locale.ROOT));
    assertEquals("1000", decimal.serialize(new BigDecimal("1E+3"), CONTEXT, Locale.ROOT));
  }

  @Test
  void decimal_refusesToSerialiseBinaryFloatingPoint() {
    Coercing<Object, String> decimal = coercing(GraphQlScalars.DECIMAL_SCALAR);
    assertThrows(
        CoercingSerializeException.class, () -> decimal.serialize(0.1d, CONTEXT, Locale.ROOT));
  }

  @Test
  void decimal_parsesStringsExactly_andRejectsNumbersAndJunk() {
    Coercing<Object, String> decimal = coercing(GraphQlScalars.DECIMAL_SCALAR);
    assertEquals(
        new BigDecimal("1000000.10"), decimal.parseValue("1000000.10", CONTEXT, Locale.ROOT));
    assertEquals(new BigDecimal("-0.5"), decimal.parseValue("-0.5", CONTEXT, Locale.ROOT));
    for (Object bad : new Object[] {1.5d, 15, "1,5", "1e5", "", " 1", "01", "1.", "NaN"}) {
      assertThrows(
          CoercingParseValueException.class,
          () -> decimal.parseValue(bad, CONTEXT, Locale.ROOT),
          () -> "accepted " + bad);
    }
  }

  @Test
  void decimal_literalMustBeAString() {
    Coercing<Object, String> decimal = coercing(GraphQlScalars.DECIMAL_SCALAR);
    assertEquals(
        new BigDecimal("2.50"),
        decimal.parseLiteral(
            StringValue.of("2.50"), CoercedVariables.emptyVariables(), CONTEXT, Locale.ROOT));
    assertThrows(
        CoercingParseLiteralException.class,
        () ->
            decimal.parseLiteral(
                FloatValue.of(2.5), CoercedVariables.emptyVariables(), CONTEXT, Locale.ROOT));
  }

  @Test
  void date_roundTripsIso8601() {
    Coercing<Object, String> date = coercing(GraphQlScalars.DATE_SCALAR);
    assertEquals("2026-11-27", date.serialize(LocalDate.of(2026, 11, 27), CONTEXT, Locale.ROOT));
    assertEquals(LocalDate.of(2024, 2, 29), date.parseValue("2024-02-29", CONTEXT, Locale.ROOT));
    assertThrows(
        CoercingParseValueException.class,
        () -> date.parseValue("2025-02-29", CONTEXT, Locale.ROOT));
    assertThrows(
        CoercingParseValueException.class,
        () -> date.parseValue("27.11.2026", CONTEXT, Locale.ROOT));
  }

  @Test
  void dateTime_keepsTheOffset_andWritesInstantsInUtc() {
    Coercing<Object, String> dateTime = coercing(GraphQlScalars.DATE_TIME_SCALAR);
    OffsetDateTime moscow = OffsetDateTime.of(2026, 11, 27, 9, 30, 0, 0, ZoneOffset.ofHours(3));
    assertEquals("2026-11-27T09:30:00+03:00", dateTime.serialize(moscow, CONTEXT, Locale.ROOT));
    assertEquals(
        "2026-11-27T06:30:00Z",
        dateTime.serialize(Instant.parse("2026-11-27T06:30:00Z"), CONTEXT, Locale.ROOT));
    assertEquals(moscow, dateTime.parseValue("2026-11-27T09:30:00+03:00", CONTEXT, Locale.ROOT));
    assertThrows(
        CoercingParseValueException.class,
        () -> dateTime.parseValue("2026-11-27T09:30:00", CONTEXT, Locale.ROOT),
        "a date-time without offset is ambiguous and must be refused");
  }
}
