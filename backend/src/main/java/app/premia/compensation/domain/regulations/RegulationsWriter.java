package app.premia.compensation.domain.regulations;

import static app.premia.compensation.domain.regulations.Words.t;

import app.premia.compensation.domain.Adaptation;
import app.premia.compensation.domain.Component;
import app.premia.compensation.domain.Formula;
import app.premia.compensation.domain.FormulaRule;
import app.premia.compensation.domain.Frequency;
import app.premia.compensation.domain.Gate;
import app.premia.compensation.domain.Measure;
import app.premia.compensation.domain.Text;
import app.premia.kpi.api.KpiDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the regulations from the schemes in force (RU, legal register, and EN): general
 * provisions, terms and definitions (each KPI as measured), one section per sales role (every
 * component in words, its formula, gates and tiers with explicit boundaries, caps and floors,
 * worked examples the engine computes now), payout timing and frequency, adaptation of new hires,
 * adjustments and clawbacks, the inquiry procedure, the tenant's own sections, final provisions.
 *
 * <p>Section keys are stable across versions: {@code general}, {@code terms}, {@code role:<scheme
 * id>}, {@code payout}, {@code adaptation}, {@code adjustments}, {@code inquiries}, {@code
 * own:<section id>}, {@code final}. The body names neither the scheme versions nor anything else
 * that changes with every publication, apart from the version's own number and effective date in
 * the final provisions (which {@link RegulationsDiff} does not count as changes), so the diff of
 * two versions shows what changed in the rules.
 */
public final class RegulationsWriter {

  /** «Положение о премировании работников отдела продаж». */
  public static final Text TITLE =
      t(
          "Положение о премировании работников отдела продаж",
          "Regulations on the bonuses of the sales staff");

  private RegulationsWriter() {}

  public static RegulationsDocument write(RegulationsInput input) {
    Words words = new Words(input.currencySymbol(), input.catalogue());
    Examples examples = new Examples(input.catalogue(), words, input.effectiveFrom().getYear());
    RoleSection roles = new RoleSection(words, examples, input.catalogue());
    List<SchemeInForce> schemes = input.schemes();
    List<DocSection> sections = new ArrayList<>();
    List<WorkedExample> made = new ArrayList<>();
    add(sections, "general", t("Общие положения", "General provisions"), general(input), false);
    add(
        sections,
        "terms",
        t("Термины и определения", "Terms and definitions"),
        terms(input, words),
        false);
    for (SchemeInForce s : schemes) {
      add(sections, RoleSection.key(s), RoleSection.title(s), roles.blocks(s, made), false);
    }
    add(
        sections,
        "payout",
        t("Сроки и периодичность выплаты премий", "Payout timing and frequency"),
        payout(input),
        false);
    add(
        sections,
        "adaptation",
        t("Адаптационный период", "Adaptation period for new hires"),
        adaptation(schemes, words, examples, made),
        false);
    add(
        sections,
        "adjustments",
        t("Корректировки и удержания", "Adjustments and clawbacks"),
        adjustments(),
        false);
    add(
        sections,
        "inquiries",
        t("Порядок обращения по вопросам начисления премий", "Inquiry procedure"),
        inquiries(),
        false);
    List<TenantSection> own = new ArrayList<>(input.tenantSections());
    own.sort(Comparator.comparingInt(TenantSection::position));
    for (TenantSection s : own) {
      add(
          sections,
          "own:" + s.id(),
          t(s.titleRu(), s.titleEn() == null || s.titleEn().isBlank() ? s.titleRu() : s.titleEn()),
          List.of(new DocBlock.Markdown(s.bodyRu(), s.bodyEn())),
          true);
    }
    add(
        sections,
        "final",
        t("Заключительные положения", "Final provisions"),
        closing(input),
        false);
    return new RegulationsDocument(
        TITLE, input.company(), input.number(), input.effectiveFrom(), sections, made);
  }

  private static void add(
      List<DocSection> sections, String key, Text title, List<DocBlock> blocks, boolean own) {
    sections.add(new DocSection(key, sections.size() + 1, title, blocks, own));
  }

  private static DocBlock.Clause clause(String ru, String en) {
    return new DocBlock.Clause(t(ru, en));
  }

  private static List<DocBlock> general(RegulationsInput in) {
    String company = in.company().name();
    List<DocBlock> out = new ArrayList<>();
    out.add(
        clause(
            "Настоящее Положение о премировании работников отдела продаж (далее — Положение)"
                + " устанавливает в "
                + company
                + " (далее — Работодатель) систему премирования работников отдела продаж: виды"
                + " премий, показатели и условия их начисления, порядок расчёта, сроки и"
                + " порядок выплаты.",
            "These Regulations on the bonuses of the sales staff (the Regulations) set out at "
                + company
                + " (the Employer) the bonus system of the sales staff: the kinds of bonuses, the"
                + " measures and conditions they depend on, how they are calculated, when and how"
                + " they are paid."));
    out.add(
        clause(
            "Положение разработано в соответствии со статьями 8, 129, 135, 144 и 191 Трудового"
                + " кодекса Российской Федерации и является локальным нормативным актом"
                + " Работодателя.",
            "The Regulations are adopted under Articles 8, 129, 135, 144 and 191 of the Labour"
                + " Code of the Russian Federation and are a local regulation of the Employer."));
    out.add(
        clause(
            "Премии, предусмотренные Положением, являются переменной частью заработной платы"
                + " работника и начисляются при выполнении показателей и условий, установленных"
                + " Положением.",
            "The bonuses provided for by the Regulations are the variable part of the employee's"
                + " pay and are accrued when the measures and conditions set out here are met."));
    if (in.schemes().isEmpty()) {
      out.add(
          clause(
              "На дату вступления Положения в силу схемы премирования работникам отдела продаж не"
                  + " назначены.",
              "On the day the Regulations come into force no bonus scheme is in force."));
    } else {
      out.add(
          clause(
              "Положение распространяется на работников отдела продаж, которым назначены"
                  + " следующие схемы премирования:",
              "The Regulations apply to the sales staff assigned the following bonus schemes:"));
      List<Text> items = new ArrayList<>();
      for (SchemeInForce s : in.schemes()) {
        items.add(
            t(
                s.salesRole().nameRu() + " — схема «" + s.schemeName() + "»",
                s.salesRole().nameEn() + " — scheme «" + s.schemeName() + "»"));
      }
      out.add(new DocBlock.Items(items));
    }
    out.add(
        clause(
            "Условия премирования, изложенные в Положении, сформированы из схем премирования,"
                + " действующих на дату вступления Положения в силу, — тех же правил, по которым"
                + " производится расчёт премий. Примеры расчёта в Положении вычислены по этим"
                + " правилам и носят иллюстративный характер.",
            "The bonus terms in the Regulations are generated from the bonus schemes in force on"
                + " the day they come into force — the same rules the bonuses are calculated by."
                + " The worked examples are computed by those rules and are illustrative."));
    return out;
  }

  private static List<DocBlock> terms(RegulationsInput in, Words words) {
    List<DocBlock> out = new ArrayList<>();
    out.add(
        clause(
            "В Положении используются следующие термины и определения:",
            "The Regulations use the following terms:"));
    List<Text> items = new ArrayList<>();
    items.add(
        t(
            "Отчётный период — календарный месяц, квартал или год, за который определяются"
                + " значения показателей и начисляется премия; для каждой премии отчётный период"
                + " соответствует её периодичности.",
            "Reporting period — the calendar month, quarter or year for which the measures are"
                + " taken and a bonus is accrued; each bonus's period follows its frequency."));
    items.add(
        t(
            "Базовый оклад — фиксированный размер оплаты труда работника за календарный месяц без"
                + " учёта премий.",
            "Base salary — the employee's fixed monthly pay, bonuses excluded."));
    items.add(
        t(
            "Переменная часть — сумма премий, начисленных работнику за месяц в соответствии с"
                + " Положением.",
            "Variable pay — the sum of the bonuses accrued to the employee for a month under the"
                + " Regulations."));
    items.add(
        t(
            "План — целевое значение показателя на отчётный период, установленное работнику или"
                + " отделу; выполнение плана — отношение значения показателя к плану, умноженное"
                + " на 100\u00A0%.",
            "Plan — the target of a measure for the reporting period set for the employee or the"
                + " department; attainment — the value divided by the plan, times 100\u00A0%."));
    items.add(
        t(
            "Показатель отдела — значение показателя по отделу, которым руководит работник.",
            "Department measure — the value of a measure for the department the employee heads."));
    for (KpiDescriptor k : usedKpis(in)) {
      Text name = words.kpiName(k.code());
      String defRu =
          k.definitionRu() == null || k.definitionRu().isBlank() ? name.ru() : k.definitionRu();
      String defEn =
          k.definitionEn() == null || k.definitionEn().isBlank() ? name.en() : k.definitionEn();
      Text unit = words.unit(k.unit());
      items.add(
          t(
              name.ru() + " — " + sentence(defRu) + " Единица измерения: " + unit.ru() + ".",
              name.en() + " — " + sentence(defEn) + " Unit: " + unit.en() + "."));
    }
    out.add(new DocBlock.Items(items));
    out.add(
        clause(
            "Значения показателей определяются по данным CRM-системы Работодателя так, как"
                + " указано в определениях. Если данных за период нет, значение показателя не"
                + " определено, и премия, зависящая от него, не начисляется.",
            "The measures are taken from the Employer's CRM data as defined above. Without data"
                + " for a period a measure is undefined, and a bonus depending on it is not"
                + " paid."));
    return out;
  }

  private static String sentence(String s) {
    String v = s.strip();
    return v.endsWith(".") ? v : v + ".";
  }

  /** The catalogue's KPIs some scheme reads, in catalogue order. */
  private static List<KpiDescriptor> usedKpis(RegulationsInput in) {
    Set<String> used = new LinkedHashSet<>();
    Map<String, Formula.Variable> ruleVars = Formula.variables(in.catalogue(), true);
    Map<String, Formula.Variable> measureVars = Formula.variables(in.catalogue(), false);
    for (SchemeInForce s : in.schemes()) {
      for (Component c : s.definition().components()) {
        measure(c.measure(), measureVars, used);
        for (Gate g : c.gates()) {
          measure(g.measure(), measureVars, used);
        }
        if (c.rule() instanceof FormulaRule f) {
          formula(f.expression(), ruleVars, used);
        }
      }
    }
    return in.catalogue().stream().filter(k -> used.contains(k.code())).toList();
  }

  private static void measure(Measure m, Map<String, Formula.Variable> vars, Set<String> used) {
    if (m.isFormula()) {
      formula(m.formula(), vars, used);
    } else {
      used.add(m.kpi());
    }
  }

  private static void formula(String e, Map<String, Formula.Variable> vars, Set<String> used) {
    if (Formula.compile(e, vars.keySet()) instanceof Formula.Ok ok) {
      for (String v : ok.formula().variables()) {
        Formula.Variable var = vars.get(v);
        if (var != null && var.kpi() != null) {
          used.add(var.kpi());
        }
      }
    }
  }

  private static List<DocBlock> payout(RegulationsInput in) {
    Set<Frequency> used = EnumSet.noneOf(Frequency.class);
    in.schemes().forEach(s -> s.definition().components().forEach(c -> used.add(c.frequency())));
    List<DocBlock> out = new ArrayList<>();
    out.add(
        clause(
            "Премии рассчитываются ежемесячно по итогам закрытого календарного месяца (расчётного"
                + " месяца) по значениям показателей, определённым на дату расчёта.",
            "Bonuses are calculated monthly for the closed calendar month (the run's month) on the"
                + " values of the measures as of the calculation."));
    List<Text> items = new ArrayList<>();
    items.add(
        t(
            "ежемесячные премии — в расчёте за месяц, по итогам которого они начислены",
            "monthly bonuses — in the run of the month they are for"));
    if (used.contains(Frequency.QUARTERLY)) {
      items.add(
          t(
              "ежеквартальные премии — в расчёте за последний месяц квартала (март, июнь,"
                  + " сентябрь, декабрь)",
              "quarterly bonuses — in the run of the quarter's last month (March, June,"
                  + " September, December)"));
    }
    if (used.contains(Frequency.ANNUAL)) {
      items.add(
          t("ежегодные премии — в расчёте за декабрь", "annual bonuses — in the run of December"));
    }
    out.add(clause("Премии включаются в расчёт:", "Bonuses are included in the run:"));
    out.add(new DocBlock.Items(items));
    out.add(
        clause(
            "Расчёт премий подготавливается уполномоченным работником и утверждается другим"
                + " уполномоченным лицом: лицо, подготовившее расчёт, не может его утвердить."
                + " Утверждённый расчёт изменению не подлежит.",
            "A run is prepared by an authorised employee and approved by another authorised"
                + " person: whoever prepared a run cannot approve it. An approved run is never"
                + " changed."));
    out.add(
        clause(
            "Начисленные премии выплачиваются вместе с заработной платой в сроки, установленные"
                + " правилами внутреннего трудового распорядка "
                + in.company().name()
                + " для выплаты заработной платы за расчётный месяц.",
            "The bonuses are paid with the salary, on the pay days set by the internal labour"
                + " rules of "
                + in.company().name()
                + " for the run's month."));
    out.add(
        clause(
            "Работник знакомится со своей расчётной ведомостью в системе Premia: по каждой строке"
                + " указаны значения показателей, их источники (сделки, клиенты и т. п.) и ход"
                + " расчёта.",
            "The employee sees his statement in Premia: each line gives the measures, their"
                + " sources (deals, clients, etc.) and the calculation."));
    return out;
  }

  private static List<DocBlock> adaptation(
      List<SchemeInForce> schemes, Words words, Examples examples, List<WorkedExample> made) {
    List<DocBlock> out = new ArrayList<>();
    boolean any = false;
    for (SchemeInForce s : schemes) {
      Adaptation a = s.definition().adaptation();
      if (a == null || a.months() < 1) {
        continue;
      }
      any = true;
      String months = RussianAmounts.count(a.months(), "месяц", "месяца", "месяцев");
      String monthsEn = a.months() + (a.months() == 1 ? " month" : " months");
      StringBuilder ru =
          new StringBuilder(
              "Для работников, которым назначена схема «"
                  + s.schemeName()
                  + "», устанавливается адаптационный период продолжительностью "
                  + months
                  + " начиная с месяца приёма на работу (месяц приёма — первый месяц периода).");
      StringBuilder en =
          new StringBuilder(
              "The employees assigned the scheme «"
                  + s.schemeName()
                  + "» have an adaptation period of "
                  + monthsEn
                  + " from the month of hire (the month of hire is its first month).");
      if (a.planFactorPercent() != null) {
        Text f = words.percent(a.planFactorPercent());
        ru.append(" В адаптационный период планы учитываются в размере ")
            .append(f.ru())
            .append(" от установленных.");
        en.append(" During it plans count at ").append(f.en()).append(" of their value.");
      }
      if (a.guaranteedMinimum() != null) {
        Text m = words.moneyInWords(a.guaranteedMinimum());
        ru.append(" Гарантированный размер переменной части в месяц в адаптационный период —")
            .append(" не менее ")
            .append(m.ru())
            .append("; если начисленная переменная часть меньше, производится доплата до этого")
            .append(" размера (за неполный месяц — пропорционально).");
        en.append(" The variable pay of each month of it is at least ")
            .append(m.en())
            .append("; a smaller one is topped up to it (prorated for part of a month).");
      }
      out.add(new DocBlock.Clause(t(ru.toString(), en.toString())));
      Examples.Made example = examples.adaptation("adaptation", s.definition());
      if (example != null) {
        out.add(example.block());
        made.add(example.example());
      }
    }
    if (!any) {
      out.add(
          clause(
              "Адаптационный период для вновь принятых работников схемами премирования не"
                  + " предусмотрен: премии начисляются на общих основаниях с месяца приёма на"
                  + " работу пропорционально числу календарных дней на схеме.",
              "No bonus scheme has an adaptation period for new hires: bonuses are accrued on the"
                  + " general terms from the month of hire, prorated by the calendar days on the"
                  + " scheme."));
    } else {
      out.add(
          clause(
              "Для работников, схемы которых не предусматривают адаптационный период, премии"
                  + " начисляются на общих основаниях с месяца приёма на работу.",
              "For employees whose scheme has no adaptation period bonuses are accrued on the"
                  + " general terms from the month of hire."));
    }
    return out;
  }

  private static List<DocBlock> adjustments() {
    List<DocBlock> out = new ArrayList<>();
    out.add(
        clause(
            "Утверждённые расчёты не изменяются. Если после утверждения расчёта изменились"
                + " данные, на основании которых он произведён, премия за соответствующий период"
                + " пересчитывается, и разница отражается корректирующей строкой в ближайшем"
                + " расчёте: уменьшение — при уменьшении премии, доплата — при её увеличении.",
            "Approved runs are never changed. If the data a run was made from change after its"
                + " approval, the bonus of that period is recalculated and the difference becomes"
                + " an adjustment line of the next run: a clawback when the bonus falls, a top-up"
                + " when it rises."));
    out.add(
        clause(
            "Основаниями корректировки, в частности, являются:",
            "Grounds for an adjustment include:"));
    out.add(
        new DocBlock.Items(
            List.of(
                t(
                    "сделка проиграна или удалена после утверждения расчёта",
                    "a deal lost or deleted after the approval"),
                t(
                    "сделка передана другому ответственному работнику",
                    "a deal reassigned to another employee"),
                t(
                    "сделка возвращена в работу, перенесена на другой период или изменена её"
                        + " сумма",
                    "a deal reopened, moved to another period, or its amount changed"))));
    out.add(
        clause(
            "Пересчёт выполняется за утверждённые месяцы в пределах последних двенадцати месяцев;"
                + " каждое изменение корректируется один раз. В корректирующей строке указываются"
                + " начисленная сумма, сумма по актуальным данным, разница и причина.",
            "Approved months of the last twelve are recalculated; each change is adjusted once."
                + " The adjustment line states what was accrued, what the current data pay, the"
                + " difference and the reason."));
    out.add(
        clause(
            "Удержания из заработной платы работника производятся только в случаях и пределах,"
                + " установленных статьями 137 и 138 Трудового кодекса Российской Федерации.",
            "Deductions from the employee's pay are made only in the cases and within the limits"
                + " of Articles 137 and 138 of the Labour Code of the Russian Federation."));
    return out;
  }

  private static List<DocBlock> inquiries() {
    List<DocBlock> out = new ArrayList<>();
    out.add(
        clause(
            "Работник, не согласный с начислением по строке своей расчётной ведомости"
                + " утверждённого или оплаченного расчёта, вправе направить обращение по этой"
                + " строке в системе Premia, указав причину несогласия.",
            "An employee who disagrees with a line of his statement in an approved or paid run"
                + " may raise an inquiry on that line in Premia, giving the reason."));
    out.add(
        clause(
            "Обращение рассматривает администратор системы премирования Работодателя"
                + " (руководитель отдела продаж или уполномоченное им лицо). Ответ направляется"
                + " работнику в системе Premia; переписка по обращению сохраняется.",
            "The inquiry is answered by the Employer's bonus administrator (the head of sales or"
                + " a person he authorises). The answer is given in Premia; the thread is kept."));
    out.add(
        clause(
            "Если обращение признано обоснованным, сумма корректировки отражается строкой"
                + " «Корректировка по обращению» в ближайшем расчёте; утверждённый расчёт не"
                + " изменяется.",
            "If the inquiry is upheld, the correction becomes a line «Correction on inquiry» in"
                + " the next run; the approved run is not changed."));
    out.add(
        clause(
            "Обращение в системе Premia не лишает работника права на разрешение спора в порядке,"
                + " установленном трудовым законодательством.",
            "An inquiry in Premia does not take away the employee's right to settle a dispute as"
                + " labour law provides."));
    return out;
  }

  private static List<DocBlock> closing(RegulationsInput in) {
    Text date = Words.date(in.effectiveFrom());
    List<DocBlock> out = new ArrayList<>();
    out.add(
        clause(
            "Настоящая редакция Положения (№ "
                + in.number()
                + ") вступает в силу с "
                + date.ru()
                + " и действует до вступления в силу его новой редакции.",
            "This version of the Regulations (No. "
                + in.number()
                + ") comes into force on "
                + date.en()
                + " and stays in force until a new version does."));
    out.add(
        clause(
            "Со дня вступления в силу настоящей редакции утрачивают силу её предыдущие редакции"
                + " и ранее действовавшие у Работодателя положения о премировании работников"
                + " отдела продаж.",
            "From the day this version comes into force its previous versions and any earlier"
                + " regulations of the Employer on the bonuses of the sales staff cease to"
                + " apply."));
    out.add(
        clause(
            "Работники знакомятся с Положением под подпись, в том числе в электронной форме в"
                + " системе Premia, до его вступления в силу, а вновь принимаемые работники — до"
                + " подписания трудового договора (статьи 22 и 68 Трудового кодекса Российской"
                + " Федерации).",
            "Employees acknowledge the Regulations by signature, including electronically in"
                + " Premia, before they come into force; new hires before signing the employment"
                + " contract (Articles 22 and 68 of the Labour Code)."));
    out.add(
        clause(
            "Изменения в Положение вносятся только путём утверждения его новой редакции.",
            "The Regulations change only by a new version."));
    out.add(
        clause(
            "Вопросы, не урегулированные Положением, решаются в соответствии с трудовым"
                + " законодательством Российской Федерации.",
            "Matters not covered here are governed by the labour law of the Russian"
                + " Federation."));
    return out;
  }
}
