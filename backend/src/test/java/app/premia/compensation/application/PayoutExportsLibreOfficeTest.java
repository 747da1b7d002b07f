package app.premia.compensation.application;

import static app.premia.compensation.application.PayoutExportFixture.ANNA;
import static app.premia.compensation.application.PayoutExportFixture.COMPANY;
import static app.premia.compensation.application.PayoutExportFixture.LUTIK;
import static app.premia.compensation.application.PayoutExportFixture.RUN;
import static app.premia.compensation.application.PayoutExportFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7, acceptance 5: the 1C:ZUP file opens in LibreOffice (a headless conversion succeeds)
 * with numeric amounts. Each file is written to a temporary directory and converted by {@code
 * soffice --headless --convert-to csv} with a private profile; the conversion writes text cells
 * quoted and numbers bare, unformatted, so a bare amount proves a number cell and its value is
 * compared with the fixture's hand-computed sums.
 *
 * <p>Fails (never skips) when LibreOffice is missing: {@code bash infra/scripts/ensure-tools.sh
 * --browser} installs it (Debian's {@code libreoffice-calc-nogui}).
 */
class PayoutExportsLibreOfficeTest {

  static final long TIMEOUT_SECONDS = 180;

  /**
   * LibreOffice's CSV export filter: {@code ,} separator, {@code "} text delimiter, UTF-8 (76),
   * from line 1, no column formats, default language, <b>quote all text cells</b>, detect special
   * numbers, <b>not</b> as shown (raw numbers, no number format applied).
   */
  static final String CSV_OUT = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false";

  /**
   * LibreOffice's CSV import filter for the 1C:ZUP CSV: {@code ;} separator, {@code "}, UTF-8, from
   * line 1, columns 1 (personnel number) and 5 (month) as text, language Russian (1049: decimal
   * comma) — how an accountant opens the file in a Russian office suite.
   */
  static final String ZUP_CSV_IN = "Text - txt - csv (StarCalc):59,34,76,1,1/2/5/2,1049";

  @TempDir static Path dir;

  static String soffice;

  @BeforeAll
  static void findLibreOffice() {
    soffice = locate();
    if (soffice == null) {
      fail(
          "LibreOffice (soffice) is not installed, so the 1C:ZUP export cannot be checked: run"
              + " `bash infra/scripts/ensure-tools.sh --browser` (as root) to install Debian's"
              + " libreoffice-calc-nogui");
    }
  }

  @Test
  void zupXlsx_convertsInLibreOffice_withNumericAmounts() throws Exception {
    List<List<Cell>> rows =
        convert(PayoutExports.zupXlsx(run(), COMPANY), "zup-romashka.xlsx", null);

    assertEquals(5, rows.size(), "header + 4 rows: " + rows);
    assertEquals(text("Табельный номер"), rows.get(0).get(0));
    assertEquals(text("Сумма"), rows.get(0).get(5));
    assertRow(rows.get(1), "00012", ANNA, "ПРЕМ_МЕС", "13000.00");
    assertRow(rows.get(2), "00012", ANNA, "ПРЕМ_КВ", "30000.00");
    assertRow(rows.get(3), "00012", ANNA, "ПРЕМ_КОРР", "-1500.50");
    assertRow(rows.get(4), "00013", "Петров Борис", "ПРЕМ_МЕС", "5000.00");
  }

  @Test
  void zupXlsx_ofAnotherOrganisation_convertsInLibreOffice() throws Exception {
    List<List<Cell>> rows = convert(PayoutExports.zupXlsx(run(), LUTIK), "zup-lutik.xlsx", null);
    assertEquals(3, rows.size(), "header + 2 rows: " + rows);
    assertRow(rows.get(1), "", "Сидорова Вера", "ПРЕМ_МЕС", "20000.00");
    assertRow(rows.get(2), "", "Сидорова Вера", "ПРЕМ_ГОД", "100000.00");
  }

  @Test
  void zupCsv_opensInLibreOffice_asRussianCsv_withNumericAmounts() throws Exception {
    List<List<Cell>> rows =
        convert(PayoutExports.zupCsv(run(), COMPANY), "zup-romashka.csv", ZUP_CSV_IN);

    assertEquals(5, rows.size(), "header + 4 rows (the BOM is no character of a cell): " + rows);
    assertEquals(text("Табельный номер"), rows.get(0).get(0));
    assertRow(rows.get(1), "00012", ANNA, "ПРЕМ_МЕС", "13000.00");
    assertRow(rows.get(2), "00012", ANNA, "ПРЕМ_КВ", "30000.00");
    assertRow(rows.get(3), "00012", ANNA, "ПРЕМ_КОРР", "-1500.50");
    assertRow(rows.get(4), "00013", "Петров Борис", "ПРЕМ_МЕС", "5000.00");
  }

  @Test
  void runXlsx_convertsInLibreOffice_withNumericAmountsAndTotals() throws Exception {
    byte[] xlsx = PayoutExports.runXlsx(run(), "ru");
    Path summary = dir.resolve("run-Сводка.csv");
    Path lines = dir.resolve("run-Строки.csv");
    // the 12th token -1: every sheet into its own file, named after the sheet
    runSoffice(write("run.xlsx", xlsx), CSV_OUT + ",false,false,-1", null);
    assertTrue(Files.exists(summary) && Files.exists(lines), "one CSV per sheet");

    List<List<Cell>> rows = parse(Files.readString(summary, StandardCharsets.UTF_8));
    List<Cell> totals = rows.get(6);
    assertEquals(text("Итого"), totals.get(0));
    assertEquals(number("406499.50"), totals.get(8));
    assertEquals(number("-1500.50"), totals.get(7));
    assertEquals(number("31499.50"), totals.get(10));
    assertEquals(number("121499.50"), rows.get(3).get(8));

    List<List<Cell>> lineRows = parse(Files.readString(lines, StandardCharsets.UTF_8));
    assertEquals(3 + 14, lineRows.size());
    assertEquals(number("30000.00"), lineRows.get(3 + 4).get(7));
  }

  // ------------------------------------------------------------------ helpers

  static void assertRow(List<Cell> row, String number, String name, String code, String amount) {
    assertEquals(8, row.size(), row.toString());
    assertEquals(text(number), row.get(0), "personnel number stays text: " + row);
    assertEquals(text(name), row.get(1));
    assertEquals(text(code), row.get(3));
    assertEquals(text("01.10.2026"), row.get(4), "month: " + row);
    assertEquals(number(amount), row.get(5), "amount: " + row);
    assertEquals(text(RUN.toString()), row.get(7));
  }

  /** A converted cell: its text and whether it was quoted (a text cell; bare: a number cell). */
  record Cell(String value, boolean quoted) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Cell other) || quoted != other.quoted) {
        return false;
      }
      if (quoted) {
        return value.equals(other.value);
      }
      // a number cell: equal by numeric value (LibreOffice writes 1500.5 for 1500.50)
      try {
        return new BigDecimal(value).compareTo(new BigDecimal(other.value)) == 0;
      } catch (NumberFormatException e) {
        return value.equals(other.value);
      }
    }

    @Override
    public int hashCode() {
      return Boolean.hashCode(quoted);
    }
  }

  static Cell text(String value) {
    return new Cell(value, true);
  }

  static Cell number(String value) {
    return new Cell(value, false);
  }

  /**
   * Writes the file, converts it to CSV (import filter optional) and reads the result back. The
   * empty cell LibreOffice writes as nothing at all reads back as an empty text cell.
   */
  static List<List<Cell>> convert(byte[] content, String name, String importFilter)
      throws Exception {
    Path source = write(name, content);
    Path out = Files.createDirectories(dir.resolve("out-" + name));
    runSoffice(source, CSV_OUT, importFilter, out);
    String base = name.substring(0, name.lastIndexOf('.'));
    Path csv = out.resolve(base + ".csv");
    assertTrue(Files.exists(csv), "LibreOffice wrote " + csv);
    return parse(Files.readString(csv, StandardCharsets.UTF_8));
  }

  static Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  static void runSoffice(Path source, String exportFilter, String importFilter) throws Exception {
    runSoffice(source, exportFilter, importFilter, dir);
  }

  static void runSoffice(Path source, String exportFilter, String importFilter, Path outDir)
      throws Exception {
    Path profile = dir.resolve("lo-profile");
    List<String> command = new ArrayList<>();
    command.add(soffice);
    command.add("-env:UserInstallation=" + profile.toUri());
    command.add("--headless");
    command.add("--norestore");
    if (importFilter != null) {
      command.add("--infilter=" + importFilter);
    }
    command.add("--convert-to");
    command.add(exportFilter);
    command.add("--outdir");
    command.add(outDir.toString());
    command.add(source.toString());
    Path log = dir.resolve("soffice-" + source.getFileName() + ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      fail("soffice did not finish within " + TIMEOUT_SECONDS + " s: " + Files.readString(log));
    }
    assertEquals(
        0,
        process.exitValue(),
        "soffice --convert-to failed: " + String.join(" ", command) + "\n" + Files.readString(log));
  }

  /** RFC 4180 parsing that remembers which fields were quoted. */
  static List<List<Cell>> parse(String csv) {
    List<List<Cell>> rows = new ArrayList<>();
    List<Cell> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean inQuotes = false;
    boolean any = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      any = true;
      if (inQuotes) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          inQuotes = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        inQuotes = true;
        quoted = true;
      } else if (c == ',') {
        row.add(cell(field, quoted));
        field.setLength(0);
        quoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(cell(field, quoted));
        rows.add(row);
        row = new ArrayList<>();
        field.setLength(0);
        quoted = false;
        any = false;
      } else {
        field.append(c);
      }
    }
    if (any) {
      row.add(cell(field, quoted));
      rows.add(row);
    }
    return rows;
  }

  private static Cell cell(StringBuilder field, boolean quoted) {
    // an empty cell is written as nothing: treat it as empty text
    return new Cell(field.toString(), quoted || field.isEmpty());
  }

  /** {@code soffice} on the PATH, else Debian's location; null when there is none. */
  static String locate() {
    List<String> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          candidates.add(entry + File.separator + "soffice");
        }
      }
    }
    candidates.add("/usr/lib/libreoffice/program/soffice");
    for (String candidate : candidates) {
      File file = new File(candidate);
      if (file.isFile() && file.canExecute()) {
        return file.getAbsolutePath();
      }
    }
    return null;
  }
}
