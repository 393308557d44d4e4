import Decimal from "decimal.js";
import { readPrinted, scoreAgrees } from "./agree";
import { readBudget, scoreBudget } from "./budget";
import { Dec, ZERO } from "./decimal";
import { evaluateIndicator, type BudgetMirror } from "./evaluate";
import { readValue, type ValueReader } from "./quantity";
import { n, pct } from "./format";
import { canonicalLevel1, canonicalLevel2, level1OfLevel2 } from "./groups";
import type { Profile } from "./profiles";
import { promptAt } from "./prompts";
import { bracketWeight, stripSpace, withoutWeightMarks } from "./text";
import type { Cell, Form, FormResult, IndicatorResult, Prompt } from "./types";
import {
  defaultWeights,
  distributeGroupWeights,
  ownWeight,
  type RowWeight,
  type RowWeightInput,
} from "./weights";
import { isBlank, isPlaceholderRow, text, type RowState } from "./rowState";
import { scoreRow } from "./row";
import { budgetReason, checkWeights, printedPartsSum, reasonPrompts } from "./formChecks";

export interface ScoreOptions {
  /** Reason for the profile choice, reported with the result. */
  readonly profileReason?: string;
  /** How cell texts are read (a memo shared by the forms of one workbook). */
  readonly read?: ValueReader;
}

/**
 * Score one recognised form under one profile (domain §3–§4): pure, decimal throughout, every
 * figure explained, every disagreement with what the sheet prints a prompt naming its cell.
 */
export function scoreForm(input: Form, profile: Profile, options: ScoreOptions = {}): FormResult {
  // template placeholder rows are not indicators: no weight, no score, no prompt (domain §1)
  const form = input.indicators.some(isPlaceholderRow)
    ? { ...input, indicators: input.indicators.filter((r) => !isPlaceholderRow(r)) }
    : input;
  const sheet = form.sheet;
  const prompts: Prompt[] = [];
  const formReasonText = text(form.formReason);
  const level1Texts = form.indicators.map((r) => text(r.level1));
  const level1s = level1Texts.map(canonicalLevel1);
  const hasCostLevel1 = form.indicators.some(
    (r, i) => level1s[i] === "成本指标" && !r.level1Inherited
  );

  // The budget is read first (an indicator may mirror it) and scored once indicator weights are known.
  const read = options.read ?? readValue;
  const budgetReading = readBudget(form, read);
  const mirror: BudgetMirror | null = budgetReading?.mirror ?? null;

  // 1. Read and evaluate every indicator, weight-free.
  const states: RowState[] = form.indicators.map((row, i) => {
    const l1Text = level1Texts[i];
    const l2Text = text(row.level2);
    const level2 = canonicalLevel2(l2Text);
    const byName = level1OfLevel2(level2, hasCostLevel1);
    // a level-1 cell printing only its weight （50分） names the group its level-2 names decide
    const l1 = level1s[i] ?? (bracketWeight(l1Text) !== null ? byName : null);
    let group = l1;
    let correction: string | null = null;
    const compatible =
      byName === null ||
      byName === l1 ||
      (level2 === "成本指标" && (l1 === "产出指标" || l1 === "成本指标"));
    if (!compatible && byName) {
      group = byName;
      correction = `二级指标“${level2}”属于${byName}（一级指标单元格为“${stripSpace(l1Text) || "空"}”），按二级指标归类`;
    }
    const ev = evaluateIndicator(
      {
        target: text(row.target),
        actual: text(row.actual),
        rule: text(row.rule),
        name: text(row.name),
        level1: l1 ?? "",
        level2,
      },
      profile,
      mirror,
      read
    );
    const printed = row.score ? readPrinted(row.score.value) : null;
    const l1Weight = bracketWeight(l1Text);
    const l2Weight = bracketWeight(l2Text);
    return {
      row,
      group,
      level1: l1,
      level1Weight: l1Weight === null ? null : new Dec(l1Weight),
      level2,
      level2Key: stripSpace(l2Text),
      level2Weight: l2Weight === null ? null : new Dec(l2Weight),
      correction,
      ev,
      printed,
      satisfactionLeftOut: false,
    };
  });

  // Hubei note 4: a satisfaction group left blank is left out (never silently full).
  const satisfaction = states.filter((s) => s.group === "满意度指标");
  const satisfactionBlank =
    profile.satisfactionOptional &&
    satisfaction.length > 0 &&
    satisfaction.every((s) => isBlank(s.row.actual) && isBlank(s.row.score));
  const rowStates = states.map((s) =>
    satisfactionBlank && s.group === "满意度指标" ? { ...s, satisfactionLeftOut: true } : s
  );

  // 2. Weights.
  const weightInputs: RowWeightInput[] = rowStates.map((s) => ({
    weightCell: s.row.weight,
    name: text(s.row.name),
    group: s.group,
    level1Weight: s.level1Weight,
    level1Group: s.level1,
    level2Key: s.level2Key,
    level2Weight: s.level2Weight,
    printedScore: s.printed?.value ?? null,
    met: s.ev.met,
    block: blockWeight(s.row.block),
  }));
  let weights: RowWeight[] = weightInputs.map(ownWeight);
  const grouped = distributeGroupWeights(weightInputs, weights);
  weights = grouped.weights;
  const weighted = weights.some((w) => w.weight !== null) || weights.some((w) => w.unreadable);
  let usesDefaults = false;
  if (!weighted && profile.useDefaultWeights && rowStates.length > 0) {
    weights = defaultWeights(
      rowStates.map((s) => s.group),
      profile.defaultWeights
    );
    usesDefaults = true;
  }
  const scoring = (weighted || usesDefaults) && (profile.scoresIndicators || usesDefaults);

  for (const [i, w] of weights.entries()) {
    const cell = rowStates[i].row.weight;
    if (w.unreadable && cell) {
      prompts.push(
        promptAt(
          sheet,
          cell.address,
          "unparseable",
          `的分值“${text(cell)}”不是数值，该指标按人工评分，所填得分计入总分`
        )
      );
    }
  }

  if (form.indicators.length === 0) {
    const cell = form.indicatorHeader?.address ?? form.anchor;
    prompts.push(promptAt(sheet, cell, "missing-value", `绩效指标表中没有指标行，无法评分`));
  }
  for (const [i, w] of weights.entries()) {
    const cell = rowStates[i].row.weight;
    if (w.weight?.isZero() && cell) {
      prompts.push(
        promptAt(
          sheet,
          cell.address,
          "weight-sum",
          `指标“${text(rowStates[i].row.name)}”分值为 0，不计分，请核实`
        )
      );
    }
  }

  // 3. Score every indicator.
  const indicators: IndicatorResult[] = rowStates.map((s, i) =>
    scoreRow(form, profile, s, weights[i], scoring, prompts)
  );

  // 4. Budget with the indicator weights known (a printed 分值 of 100 − their sum is accepted).
  // found only where the rate is low (it reads every reason cell)
  let moneyReason: string | null = null;
  const reason = (): string => (moneyReason ??= budgetReason(formReasonText, rowStates));
  const indicatorWeightSum = weights.reduce((sum, w) => sum.plus(w.weight ?? ZERO), ZERO);
  const budgetOutcome = budgetReading
    ? scoreBudget(form, budgetReading, profile, weighted ? indicatorWeightSum : null, reason)
    : null;
  const budget = budgetOutcome?.result ?? null;
  if (budgetOutcome) prompts.unshift(...budgetOutcome.prompts);

  // 5. Form-level checks: weights, reasons, consistency.
  const weightTotal = checkWeights(
    form,
    profile,
    scoring,
    weights,
    grouped.issues,
    budgetOutcome?.acceptedWeight ?? null,
    rowStates,
    prompts
  );
  reasonPrompts(form, rowStates, indicators, prompts);
  if (budget?.rate && budget.rate.lessThan(profile.inconsistentExecution) && !reason()) {
    const others = rowStates.filter((s) => !s.ev.budgetMirror && s.ev.met !== null);
    if (others.length > 0 && others.every((s) => s.ev.met === true)) {
      const cell = budget.rateCell ?? form.budget?.header.address ?? form.anchor;
      prompts.push(
        promptAt(
          sheet,
          cell,
          "execution-inconsistent",
          `预算执行率仅 ${pct(budget.rate)}，而其余绩效指标均已全部完成，请核实执行数或指标完成值`
        )
      );
    }
  }

  // 6. Total and grade.
  let total: Decimal | null = null;
  let totalExplain = "";
  if (scoring) {
    const parts = [
      budget?.value ?? null,
      ...indicators
        .filter((r) => r.method !== "unscored" || r.value !== null)
        .map((r) => (r.weight === null && r.value === null ? ZERO : r.value)),
    ];
    const waiting = indicators.filter(
      (r, i) =>
        (r.weight !== null || weights[i].unreadable) &&
        r.value === null &&
        !rowStates[i].satisfactionLeftOut
    );
    if (weightTotal.greaterThan(100)) {
      totalExplain = `分值合计 ${n(weightTotal)} 分，超过 100 分，不计算总分、不评等级`;
    } else if (budget?.value === null || budget === null) {
      totalExplain = "预算执行得分无法计算，总分待定";
    } else if (waiting.length > 0) {
      totalExplain = `${waiting.map((r) => r.cell ?? `第${r.row}行`).join("、")} 需人工评分，总分待定`;
    } else {
      total = parts.reduce<Decimal>((sum, p) => sum.plus(p ?? ZERO), ZERO);
      totalExplain = `总分 = ${parts
        .filter((p): p is Decimal => p !== null)
        .map(n)
        .join(" + ")} = ${n(total)}`;
      if (satisfactionBlank) totalExplain += "（满意度指标未填报，不计入，不折算）";
    }
  }
  const statedTotal = form.total?.score ? readPrinted(form.total.score.value) : null;
  const totalCell = form.total?.score;
  if (statedTotal && totalCell) {
    const computedDisagrees = total !== null && !scoreAgrees(statedTotal, total);
    // where no total can be computed (weights over 100), the printed total is still checked against its parts
    const overWeighted = total === null && weightTotal.greaterThan(100);
    const printedSum =
      computedDisagrees || overWeighted ? printedPartsSum(budget, indicators) : null;
    const partsDisagree =
      overWeighted && printedSum !== null && !scoreAgrees(statedTotal, printedSum);
    if (computedDisagrees || partsDisagree) {
      const computed = total !== null ? `，按规则计算为 ${n(total)}` : "";
      const sum = printedSum !== null ? `所填各项得分合计为 ${n(printedSum)}` : "";
      const tail = computed && sum ? `${computed}（${sum}）` : computed || `，${sum}`;
      prompts.push(
        promptAt(sheet, totalCell.address, "total-mismatch", `总分填写为 ${text(totalCell)}${tail}`)
      );
    }
  }
  const grade = total !== null ? gradeOf(total, profile) : null;
  const statedGrade = form.grade && !isBlank(form.grade) ? stripSpace(text(form.grade)) : null;
  if (grade && statedGrade && form.grade && !statedGrade.startsWith(grade)) {
    prompts.push(
      promptAt(
        sheet,
        form.grade.address,
        "grade-mismatch",
        `等级填写为“${statedGrade}”，按总分 ${n(total as Decimal)} 应为“${grade}”`
      )
    );
  }

  return {
    sheet,
    anchor: form.anchor,
    project: text(form.project).replace(/\s+/g, " "),
    profile: profile.id,
    profileReason: options.profileReason ?? "",
    budget,
    indicators,
    total,
    totalCell: form.total?.score?.address,
    statedTotal: statedTotal?.value ?? null,
    totalExplain,
    grade,
    gradeCell: form.grade?.address,
    statedGrade,
    prompts: dedupe(prompts),
  };
}

export function gradeOf(total: Decimal, profile: Profile): string {
  for (const cut of profile.grades) if (total.greaterThanOrEqualTo(cut.min)) return cut.grade;
  return profile.grades[profile.grades.length - 1].grade;
}

function dedupe(prompts: Prompt[]): Prompt[] {
  const seen = new Set<string>();
  return prompts.filter((p) => {
    const key = `${p.cell}|${p.kind}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A block cell's weight (年度绩效目标（40分）) for the rows beside it. */
function blockWeight(cell: Cell | undefined): RowWeightInput["block"] {
  const w = cell ? bracketWeight(text(cell)) : null;
  if (!cell || w === null) return null;
  return {
    key: cell.address,
    name: withoutWeightMarks(text(cell)) || "年度绩效目标",
    weight: new Dec(w),
  };
}
