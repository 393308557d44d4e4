import type Decimal from "decimal.js";
import { halfUnit, rateAgrees, readPrinted, readRate, scoreAgrees } from "./agree";
import { Dec, ONE, ZERO } from "./decimal";
import type { BudgetMirror } from "./evaluate";
import { n, pct, roundScore } from "./format";
import { shareFromRate } from "./methods";
import type { Profile } from "./profiles";
import { promptAt, quote } from "./prompts";
import { readValue, type ValueReader } from "./quantity";
import { cellText, normalizeHeader, stripSpace } from "./text";
import { otherRowRates } from "./budgetRows";
import type { BudgetBlock, BudgetResult, BudgetRow, Cell, Form, Prompt } from "./types";

const TOTAL_ROW = /^(年度资金总额|年度财政资金总额|资金总额|合计|总计|预算数|项目资金)/;

/** The unit the budget block's header names: 万元 (10⁴) unless it says 元. */
export function budgetScale(block: BudgetBlock): { scale: Decimal; unit: string } {
  const words = [cellText(block.header.value), ...block.columnHeaders]
    .map(normalizeHeader)
    .join("|");
  if (/\(万元\)|万元/.test(words)) return { scale: new Dec(10000), unit: "万元" };
  if (/\(元\)/.test(words)) return { scale: ONE, unit: "元" };
  return { scale: new Dec(10000), unit: "万元" };
}

/** The row that carries the figures: the total row when it has any, else the first row that has. */
export function chooseBudgetRow(block: BudgetBlock): BudgetRow | null {
  const filled = (r: BudgetRow): boolean =>
    stripSpace(cellText(r.annual?.value)) !== "" || stripSpace(cellText(r.executed?.value)) !== "";
  const usable = block.rows.filter(filled);
  return (
    usable.find((r) => TOTAL_ROW.test(normalizeHeader(cellText(r.label.value)))) ??
    usable[0] ??
    null
  );
}

export interface Amount {
  /** In 元. */
  readonly yuan: Decimal;
  /** In the header's unit, for display. */
  readonly shown: Decimal;
  readonly digits: string;
  /** Half a unit of the last printed decimal, in 元. */
  readonly tolerance: Decimal;
  readonly conversion: string | null;
}

/** An amount cell read in the header's unit; 680万 or 6727625.90元 are converted and the conversion said. */
export function readAmount(
  cell: Cell | undefined,
  scale: Decimal,
  unit: string,
  read: ValueReader = readValue
): Amount | { error: string } | null {
  if (!cell) return null;
  const text = cellText(cell.value);
  const r = read(text);
  if (r.status === "empty" || r.status === "na") return null;
  if (r.status === "error" || r.quantities.length !== 1)
    return { error: `“${text.trim()}”不是金额` };
  const q = r.quantities[0];
  if (q.unit !== "" && q.unit !== "元") return { error: `“${text.trim()}”不是金额` };
  const explicit = q.unit === "元" || !q.scale.equals(1);
  const yuan = explicit ? q.value : q.value.times(scale);
  const shown = yuan.dividedBy(scale);
  const unitOfDigits = explicit ? q.scale : scale;
  return {
    yuan,
    shown,
    digits: q.digits,
    tolerance: halfUnit(q.digits).times(unitOfDigits),
    conversion:
      explicit && !q.scale.equals(scale) ? `${stripSpace(text)} 折合 ${n(shown)}${unit}` : null,
  };
}

function isAmount(x: Amount | { error: string } | null): x is Amount {
  return !!x && !("error" in x);
}

export interface BudgetOutcome {
  readonly result: BudgetResult;
  readonly prompts: Prompt[];
  /** The 分值 the score was computed with (the profile's, or an accepted printed one). */
  readonly acceptedWeight: Decimal | null;
}

/** The budget block read once: its row, its amounts in 元, and what an indicator may mirror. */
export interface BudgetReading {
  readonly row: BudgetRow | null;
  readonly annual: Amount | null;
  readonly executed: Amount | null;
  readonly mirror: BudgetMirror | null;
  readonly prompts: readonly Prompt[];
}

export function readBudget(form: Form, read: ValueReader = readValue): BudgetReading | null {
  const block = form.budget;
  if (!block) return null;
  const sheet = form.sheet;
  const prompts: Prompt[] = [];
  const row = chooseBudgetRow(block);
  if (!row) {
    const cell = block.rows[0]?.annual?.address ?? block.header.address;
    prompts.push(promptAt(sheet, cell, "missing-value", `全年预算数未填写，无法计算执行率`));
    return { row, annual: null, executed: null, mirror: null, prompts };
  }
  const { scale, unit } = budgetScale(block);
  const annual = readAmount(row.annual, scale, unit, read);
  const executed = readAmount(row.executed, scale, unit, read);
  const initial = readAmount(row.initial, scale, unit, read);
  for (const [amount, cell, what] of [
    [annual, row.annual, "全年预算数"],
    [executed, row.executed, "全年执行数"],
  ] as const) {
    if (amount && "error" in amount && cell) {
      prompts.push(promptAt(sheet, cell.address, "unparseable", `的${what}${amount.error}`));
    }
  }
  prompts.push(...otherRowRates(form, row, (cell) => readAmount(cell, scale, unit, read)));
  const mirror: BudgetMirror = {
    annual: isAmount(annual) ? annual.yuan : null,
    initial: isAmount(initial) ? initial.yuan : null,
    executed: isAmount(executed) ? executed.yuan : null,
    tolerance: Dec.max(
      isAmount(annual) ? annual.tolerance : ZERO,
      isAmount(executed) ? executed.tolerance : ZERO
    ),
  };
  if (isAmount(annual) && annual.yuan.isZero() && row.annual) {
    prompts.push(
      promptAt(sheet, row.annual.address, "unparseable", `全年预算数为 0，无法计算执行率`)
    );
  } else if (!annual && row.annual) {
    prompts.push(
      promptAt(sheet, row.annual.address, "missing-value", `全年预算数未填写，无法计算执行率`)
    );
  } else if (!executed && row.executed) {
    prompts.push(
      promptAt(sheet, row.executed.address, "missing-value", `全年执行数未填写，无法计算执行率`)
    );
  }
  return {
    row,
    annual: isAmount(annual) ? annual : null,
    executed: isAmount(executed) ? executed : null,
    mirror,
    prompts,
  };
}

/**
 * 预算执行率 and its score (domain §3). `reason` gives a reason written for the money (the
 * form-level reason cell, the budget-mirror row's, or any reason cell speaking of the money).: rate = 全年执行数 ÷ 全年预算数, scored by the profile's
 * budgetMethod; a printed rate and score are checked (§4) and kept when they agree.
 */
export function scoreBudget(
  form: Form,
  reading: BudgetReading,
  profile: Profile,
  indicatorWeights: Decimal | null,
  reason: () => string
): BudgetOutcome {
  const sheet = form.sheet;
  const prompts: Prompt[] = [...reading.prompts];
  const { row, annual, executed } = reading;
  const emptyResult: BudgetResult = {
    row: null,
    annual: null,
    executed: null,
    rate: null,
    rateStated: null,
    rateValue: null,
    weight: null,
    score: null,
    stated: null,
    value: null,
    explain: "预算表未填写",
  };
  if (!row) return { result: emptyResult, prompts, acceptedWeight: null };
  const rowNumber = Number(/\d+/.exec(row.label.address)?.[0] ?? 0);
  const base = {
    ...emptyResult,
    row: rowNumber,
    rateCell: row.rate?.address,
    cell: row.score?.address,
  };
  if (!annual || annual.yuan.isZero() || !executed) {
    return {
      result: { ...base, explain: "预算数或执行数缺失，未计算执行率" },
      prompts,
      acceptedWeight: null,
    };
  }
  const annualCell = row.annual;
  const block = form.budget as BudgetBlock;

  const rate = executed.yuan.dividedBy(annual.yuan);
  const conversions = [annual.conversion, executed.conversion].filter((c): c is string => !!c);
  const rateWords = `执行率 ${n(executed.shown)} ÷ ${n(annual.shown)} = ${pct(rate)}${conversions.length ? `（${conversions.join("；")}）` : ""}${form.budget?.note ? `（${form.budget.note}）` : ""}`;
  const bounds = {
    low: executed.yuan.minus(executed.tolerance).dividedBy(annual.yuan.plus(annual.tolerance)),
    high: executed.yuan.plus(executed.tolerance).dividedBy(annual.yuan.minus(annual.tolerance)),
  };

  // the printed 执行率
  let rateStated: Decimal | null = null;
  let rateValue: Decimal | null = rate;
  const printedRate =
    row.rate && stripSpace(cellText(row.rate.value)) !== ""
      ? readRate(row.rate.value, row.rate.numberFormat, rate, bounds)
      : null;
  if (row.rate && printedRate) {
    rateStated = printedRate.fraction;
    const agrees = rateAgrees(printedRate.fraction, printedRate.decimals, rate, bounds);
    rateValue = agrees ? printedRate.fraction : rate;
    if (!agrees) {
      prompts.push(
        promptAt(
          sheet,
          row.rate.address,
          "rate-mismatch",
          `执行率填写为 ${cellText(row.rate.value).trim()}，按 ${n(executed.shown)} ÷ ${n(annual.shown)} 应为 ${pct(rate)}`
        )
      );
    }
  }
  let lowNote = "";
  if (rate.greaterThan(ONE)) {
    const cell =
      row.rate?.address ?? row.executed?.address ?? annualCell?.address ?? block.header.address;
    prompts.push(
      promptAt(
        sheet,
        cell,
        "budget-overspent",
        `执行率 ${pct(rate)} 超过 100%，全年执行数大于全年预算数，请核实`
      )
    );
  } else if (rate.lessThan(profile.lowExecution) && reason()) {
    // a written reason is quoted in the explanation instead of a prompt (domain §3)
    lowNote = `执行率低于 ${pct(new Dec(profile.lowExecution))}，已说明原因：${quote(reason(), 60)}`;
  } else if (rate.lessThan(profile.lowExecution)) {
    const cell = row.rate?.address ?? row.executed?.address ?? block.header.address;
    prompts.push(
      promptAt(
        sheet,
        cell,
        "budget-low-execution",
        `预算执行率 ${pct(rate)} 低于 ${pct(new Dec(profile.lowExecution))}，请说明原因`
      )
    );
  }

  // a weightless template is scored only with the national default weights, on request
  const method =
    profile.budgetMethod === "none" && profile.useDefaultWeights ? "capped" : profile.budgetMethod;
  if (method === "none") {
    return {
      result: {
        ...base,
        annual: annual.shown,
        executed: executed.shown,
        rate,
        rateStated,
        rateValue,
        explain: lowNote ? `${rateWords}；${lowNote}` : rateWords,
      },
      prompts,
      acceptedWeight: null,
    };
  }

  // the weight (分值): the profile's, or a printed one that can be right
  let weight = new Dec(
    profile.budgetMethod === "none" ? profile.defaultWeights.budget : profile.budgetWeight
  );
  const printedWeight = row.weight ? readPrinted(row.weight.value) : null;
  if (row.weight && printedWeight && !printedWeight.value.equals(weight)) {
    const rest = indicatorWeights ? new Dec(100).minus(indicatorWeights) : null;
    if (rest && printedWeight.value.equals(rest)) {
      weight = printedWeight.value;
    } else {
      prompts.push(
        promptAt(
          sheet,
          row.weight.address,
          "weight-sum",
          `预算执行分值填写为 ${cellText(row.weight.value).trim()}，不能成立，按 ${n(weight)} 分计算`
        )
      );
    }
  }

  let share: Decimal;
  let shareWords: string;
  if (method === "deviation" && rate.lessThan(ONE)) {
    share = Dec.max(ZERO, ONE.minus(new Dec("2.5").times(ONE.minus(rate))));
    shareWords = `偏差法 1 − 2.5 × ${pct(ONE.minus(rate))} = ${pct(share)}`;
  } else {
    share = Dec.min(rate, ONE);
    shareWords = rate.greaterThan(ONE) ? "封顶 100%" : "";
  }
  const exact = weight.times(share);
  const score = roundScore(exact, profile.decimals);
  const explain = `${rateWords}${shareWords ? `，${shareWords}` : ""}；${n(weight)} × ${pct(share)} = ${n(score)}${lowNote ? `；${lowNote}` : ""}`;
  const stated = row.score ? readPrinted(row.score.value) : null;
  let value = score;
  let fromRate = "";
  // a score computed from the printed rate, where that rate agrees, is right too (§4)
  const agreedRate =
    printedRate && rateValue && rateValue.equals(printedRate.fraction) && !rateValue.equals(rate)
      ? rateValue
      : null;
  if (row.score && stated) {
    const agreesExact = scoreAgrees(stated, exact);
    const viaRate =
      !agreesExact && agreedRate
        ? shareFromRate(method === "deviation" ? "deviation" : "capped", agreedRate, profile)
        : null;
    if (agreesExact) {
      value = stated.value;
    } else if (viaRate && scoreAgrees(stated, weight.times(viaRate))) {
      value = stated.value;
      fromRate = `；填报得分 ${n(stated.value)} 按所填执行率 ${cellText(row.rate?.value).trim()} 计算（${n(weight)} × ${pct(viaRate)}），一致`;
    } else {
      prompts.push(
        promptAt(
          sheet,
          row.score.address,
          "score-mismatch",
          `得分填写为 ${cellText(row.score.value).trim()}，按规则应为 ${n(score)}（${n(weight)} × ${pct(share)}）`
        )
      );
    }
  } else if (
    row.score &&
    stripSpace(cellText(row.score.value)) !== "" &&
    !/^[-—/／]+$/.test(stripSpace(cellText(row.score.value)))
  ) {
    prompts.push(
      promptAt(
        sheet,
        row.score.address,
        "unparseable",
        `的得分“${cellText(row.score.value).trim()}”不是数值`
      )
    );
  }
  return {
    result: {
      ...base,
      annual: annual.shown,
      executed: executed.shown,
      rate,
      rateStated,
      rateValue,
      weight,
      score,
      stated: stated?.value ?? null,
      value,
      explain: `${explain}${fromRate}`,
    },
    prompts,
    acceptedWeight: weight,
  };
}
