import Decimal from "decimal.js";
import { readPrinted, readRate, rateAgrees, scoreAgrees } from "./agree";
import { readBudget, scoreBudget } from "./budget";
import { Dec, ZERO } from "./decimal";
import { evaluateIndicator, type BudgetMirror, type Evaluation } from "./evaluate";
import { readValue, type ValueReader } from "./quantity";
import { n, pct, roundScore } from "./format";
import { canonicalLevel1, canonicalLevel2, level1OfLevel2, type Level1 } from "./groups";
import type { Profile } from "./profiles";
import { at, makePrompt } from "./prompts";
import { shareFromRate } from "./methods";
import { defaultShare, inBand, LEVEL_NAMES, band } from "./qualitative";
import { bracketWeight, cellText, isNotApplicable, stripSpace } from "./text";
import type { Cell, Form, FormResult, IndicatorResult, IndicatorRow, Prompt } from "./types";
import { MONEY_REASON_WORDS, PLACEHOLDER_NAME } from "./vocabulary";
import {
  defaultWeights,
  distributeGroupWeights,
  ownWeight,
  type RowWeight,
  type RowWeightInput,
} from "./weights";

export interface ScoreOptions {
  /** Reason for the profile choice, reported with the result. */
  readonly profileReason?: string;
  /** How cell texts are read (a memo shared by the forms of one workbook). */
  readonly read?: ValueReader;
}

function text(cell: Cell | undefined): string {
  return cellText(cell?.value).trim();
}

function isBlank(cell: Cell | undefined): boolean {
  const t = stripSpace(cellText(cell?.value));
  return t === "";
}

function columnIndex(address: string): number {
  const letters = /^[A-Z]+/.exec(address)?.[0] ?? "A";
  let c = 0;
  for (const ch of letters) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c;
}

/**
 * A template placeholder row: every cell empty or not applicable, or a level-3 cell that is only
 * a placeholder label (指标1:) with nothing else filled.
 */
function isPlaceholderRow(row: IndicatorRow): boolean {
  if (
    !isEmptyCell(row.target) ||
    !isEmptyCell(row.actual) ||
    !isEmptyCell(row.weight) ||
    !isEmptyCell(row.score) ||
    !isEmptyCell(row.rate) ||
    !isEmptyCell(row.reason)
  )
    return false;
  return isEmptyCell(row.name) || PLACEHOLDER_NAME.test(stripSpace(text(row.name)));
}

/** The first character of a cell that may be blank or not applicable. */
const MAY_BE_EMPTY = /^[\s\u3000\u00a0\u200b\-—–－/／\\]/;

/** Empty or not applicable (-, —, /). */
function isEmptyCell(c: Cell | undefined): boolean {
  const v = c?.value;
  if (v === null || v === undefined || v === "") return true;
  if (typeof v !== "string" || !MAY_BE_EMPTY.test(v)) return false;
  return isBlank(c) || isNotApplicable(v);
}

/** The row's first cell (where layout-shift is reported). */
function firstCell(row: IndicatorRow): string {
  const cells = [
    row.level1Inherited ? undefined : row.level1,
    row.level2Inherited ? undefined : row.level2,
    row.name,
    row.target,
    row.actual,
  ].filter((c): c is Cell => !!c);
  return cells.reduce((a, b) => (columnIndex(b.address) < columnIndex(a.address) ? b : a)).address;
}

interface RowState {
  readonly row: IndicatorRow;
  /** The group it counts in (the level-1 cell, or what its level-2 name says). */
  readonly group: Level1 | null;
  /** The level-1 cell as printed, canonical, and its （40分）. */
  readonly level1: Level1 | null;
  readonly level1Weight: Decimal | null;
  readonly level2: string;
  readonly level2Key: string;
  readonly level2Weight: Decimal | null;
  readonly correction: string | null;
  readonly ev: Evaluation;
  readonly printed: ReturnType<typeof readPrinted>;
  readonly satisfactionLeftOut: boolean;
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
    const l1 = level1s[i];
    const l2Text = text(row.level2);
    const level2 = canonicalLevel2(l2Text);
    const byName = level1OfLevel2(level2, hasCostLevel1);
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
        makePrompt(
          sheet,
          cell.address,
          "unparseable",
          `${at(sheet, cell.address)} 的分值“${text(cell)}”不是数值，该指标按人工评分，所填得分计入总分`
        )
      );
    }
  }

  if (form.indicators.length === 0) {
    const cell = form.indicatorHeader?.address ?? form.anchor;
    prompts.push(
      makePrompt(
        sheet,
        cell,
        "missing-value",
        `${at(sheet, cell)} 绩效指标表中没有指标行，无法评分`
      )
    );
  }
  for (const [i, w] of weights.entries()) {
    const cell = rowStates[i].row.weight;
    if (w.weight?.isZero() && cell) {
      prompts.push(
        makePrompt(
          sheet,
          cell.address,
          "weight-sum",
          `${at(sheet, cell.address)} 指标“${text(rowStates[i].row.name)}”分值为 0，不计分，请核实`
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
        makePrompt(
          sheet,
          cell,
          "execution-inconsistent",
          `${at(sheet, cell)} 预算执行率仅 ${pct(budget.rate)}，而其余绩效指标均已全部完成，请核实执行数或指标完成值`
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
        makePrompt(
          sheet,
          totalCell.address,
          "total-mismatch",
          `${at(sheet, totalCell.address)} 总分填写为 ${text(totalCell)}${tail}`
        )
      );
    }
  }
  const grade = total !== null ? gradeOf(total, profile) : null;
  const statedGrade = form.grade && !isBlank(form.grade) ? stripSpace(text(form.grade)) : null;
  if (grade && statedGrade && form.grade && !statedGrade.startsWith(grade)) {
    prompts.push(
      makePrompt(
        sheet,
        form.grade.address,
        "grade-mismatch",
        `${at(sheet, form.grade.address)} 等级填写为“${statedGrade}”，按总分 ${n(total as Decimal)} 应为“${grade}”`
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

/** The sum of the scores printed in the sheet (budget and indicators); null when none is printed. */
function printedPartsSum(
  budget: FormResult["budget"],
  indicators: readonly IndicatorResult[]
): Decimal | null {
  let sum: Decimal | null = budget?.stated ?? null;
  for (const r of indicators)
    if (r.stated !== null) sum = sum === null ? r.stated : sum.plus(r.stated);
  return sum;
}

/**
 * A reason written for the money (domain §3): the form-level reason cell, the budget-mirror
 * row's reason, or any reason cell that speaks of the money (资金, 预算, 支付 … as data).
 */
function budgetReason(formReason: string, states: readonly RowState[]): string {
  if (formReason) return formReason;
  const reasons = states.map((s) => ({ s, t: text(s.row.reason) })).filter((x) => x.t !== "");
  const mirror = reasons.find((x) => x.s.ev.budgetMirror);
  if (mirror) return mirror.t;
  return reasons.find((x) => MONEY_REASON_WORDS.some((w) => x.t.includes(w)))?.t ?? "";
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

interface RowOutcome {
  readonly method: IndicatorResult["method"];
  readonly score: Decimal | null;
  readonly stated: Decimal | null;
  readonly value: Decimal | null;
  readonly explain: string;
}

function scoreRow(
  form: Form,
  profile: Profile,
  s: RowState,
  w: RowWeight,
  scoring: boolean,
  prompts: Prompt[]
): IndicatorResult {
  const { row, ev } = s;
  const rate = checkCompletionRate(form.sheet, row, ev, prompts);
  const o = rowOutcome(form, profile, s, w, scoring, prompts, rate);
  return {
    row: row.row,
    cell: row.score?.address,
    level1: s.group ?? stripSpace(text(row.level1)),
    level2: s.level2,
    name: text(row.name),
    target: text(row.target),
    actual: text(row.actual),
    weight: w.weight,
    weightSource: w.source,
    method: o.method,
    level: ev.level,
    ratio: ev.share?.ratio ?? null,
    met: ev.met,
    completionRate: ev.completion,
    rateCell: row.rate?.address,
    rateStated: rate.stated,
    rateValue: rate.value,
    score: o.score,
    stated: o.stated,
    value: o.value,
    explain: o.explain,
  };
}

/** 完成率 printed: checked against the computed one (§4), kept when it agrees. */
function checkCompletionRate(
  sheet: string,
  row: IndicatorRow,
  ev: Evaluation,
  prompts: Prompt[]
): { stated: Decimal | null; value: Decimal | null } {
  let stated: Decimal | null = null;
  let value: Decimal | null = ev.completion;
  if (row.rate && !isBlank(row.rate) && !isNotApplicable(text(row.rate)) && ev.completion) {
    const bounds = ev.operands && ev.budgetMirror ? mirrorBounds(ev.operands) : undefined;
    const printedRate = readRate(row.rate.value, row.rate.numberFormat, ev.completion, bounds);
    if (printedRate) {
      stated = printedRate.fraction;
      if (rateAgrees(printedRate.fraction, printedRate.decimals, ev.completion, bounds))
        value = printedRate.fraction;
      else
        prompts.push(
          makePrompt(
            sheet,
            row.rate.address,
            "rate-mismatch",
            `${at(sheet, row.rate.address)} 完成率填写为 ${text(row.rate)}，按规则应为 ${pct(ev.completion)}`
          )
        );
    }
  }
  return { stated, value };
}

function rowOutcome(
  form: Form,
  profile: Profile,
  s: RowState,
  w: RowWeight,
  scoring: boolean,
  prompts: Prompt[],
  rate: { stated: Decimal | null; value: Decimal | null }
): RowOutcome {
  const sheet = form.sheet;
  const { row, ev } = s;
  const promptCell = row.actual?.address ?? row.name.address;
  const notes: string[] = [];
  if (s.correction) notes.push(s.correction);
  if (row.shift) {
    const cell = firstCell(row);
    prompts.push(
      makePrompt(
        sheet,
        cell,
        "layout-shift",
        `${at(sheet, cell)} 所在行比表头错开 ${Math.abs(row.shift)} 列，已按错位读取，不向该行写入`
      )
    );
  }
  if (w.note) notes.push(w.note);
  notes.push(ev.why, ...ev.notes);
  for (const p of ev.prompts) {
    if (p.unlessScored && judgedByAccountant(s, w)) {
      notes.push(p.message.replace(/，请人工评分$/, ""));
      continue;
    }
    const cell = p.onTarget && row.target ? row.target.address : promptCell;
    prompts.push(makePrompt(sheet, cell, p.kind, `${at(sheet, cell)} ${p.message}`));
  }
  overshootCheck(form, profile, s, notes, prompts);

  if (s.satisfactionLeftOut) {
    return {
      method: "unscored",
      score: null,
      stated: null,
      value: null,
      explain: "满意度指标未填报，按湖北备注4不作为必评指标，不计入总分",
    };
  }
  const stated = s.printed?.value ?? null;
  const unreadableScore =
    row.score && !isBlank(row.score) && !s.printed && !isNotApplicable(text(row.score));
  if (unreadableScore && row.score) {
    prompts.push(
      makePrompt(
        sheet,
        row.score.address,
        "unparseable",
        `${at(sheet, row.score.address)} 的得分“${text(row.score)}”不是数值`
      )
    );
  }

  if (!scoring) {
    const explain = [
      ...notes,
      ev.share ? ev.share.words : ev.level ? `判为${LEVEL_NAMES[ev.level]}` : "",
    ]
      .filter(Boolean)
      .join("；");
    return { method: ev.method, score: null, stated, value: stated, explain };
  }
  if (w.weight === null && w.unreadable) {
    // a weight cell holding text (待定, 见附件, #REF!): the accountant scores it; their score counts
    const explain = [
      ...notes,
      `分值“${text(row.weight)}”不是数值，需人工评分${stated !== null ? `，保留填报得分 ${n(stated)}` : ""}`,
    ].join("；");
    return { method: "manual", score: null, stated, value: stated, explain };
  }
  if (w.weight === null) {
    const cell = row.weight?.address ?? row.name.address;
    prompts.push(
      makePrompt(
        sheet,
        cell,
        "unscored",
        `${at(sheet, cell)} 指标“${text(row.name)}”没有分值，未评分`
      )
    );
    return {
      method: "unscored",
      score: null,
      stated,
      value: null,
      explain: [...notes, "没有分值，未评分"].join("；"),
    };
  }
  const weight = w.weight;

  if (ev.method === "manual") {
    const explain = [
      ...notes,
      stated !== null ? `需人工评分，保留填报得分 ${n(stated)}` : "需人工评分",
    ].join("；");
    return { method: "manual", score: null, stated, value: stated, explain };
  }

  if (ev.method === "qualitative" && ev.level) {
    const level = ev.level;
    const b = band(level, profile);
    const bandWords = `${LEVEL_NAMES[level]}，区间 ${pct(b.max)}–${pct(b.min)}`;
    if (stated !== null && inBand(stated, weight, level, profile)) {
      const explain = [...notes, `${bandWords}，填报得分 ${n(stated)} 在区间内，保留`].join("；");
      return { method: "qualitative", score: stated, stated, value: stated, explain };
    }
    const share = defaultShare(level, profile);
    const exact = weight.times(share);
    const score = roundScore(exact, profile.decimals);
    const explain = [...notes, `${bandWords}，${n(weight)} × ${pct(share)} = ${n(score)}`].join(
      "；"
    );
    if (stated !== null && row.score) {
      prompts.push(
        makePrompt(
          sheet,
          row.score.address,
          "score-mismatch",
          `${at(sheet, row.score.address)} 得分填写为 ${text(row.score)}，不在“${LEVEL_NAMES[level]}”的区间 ${n(weight.times(b.min))}–${n(weight.times(b.max))} 内，按规则应为 ${n(score)}`
        )
      );
    } else if (
      stated === null &&
      !ev.sameText &&
      !ev.prompts.some((p) => p.kind === "deadline-missed")
    ) {
      // a level read from dates (done, late) is a rule, not a judgement: deadline-missed says it
      const cell = row.score?.address ?? promptCell;
      prompts.push(
        makePrompt(
          sheet,
          cell,
          "qualitative-judgement",
          `${at(sheet, cell)} 实际“${text(row.actual)}”判为${LEVEL_NAMES[level]}，暂按 ${n(score)} 分，请确认`
        )
      );
    }
    return { method: "qualitative", score, stated, value: score, explain };
  }

  const share = ev.share as NonNullable<Evaluation["share"]>;
  const exact = weight.times(share.share);
  const score = roundScore(exact, profile.decimals);
  let value = score;
  if (stated !== null && row.score) {
    const printed = s.printed as NonNullable<RowState["printed"]>;
    const fromRate = scoreFromPrintedRate(ev, share, weight, rate, profile);
    if (scoreAgrees(printed, exact)) value = stated;
    else if (fromRate && scoreAgrees(printed, fromRate.exact)) {
      value = stated;
      notes.push(
        `填报得分 ${n(stated)} 按所填完成率 ${text(row.rate)} 计算（${n(weight)} × ${pct(fromRate.share)}），一致`
      );
    } else
      prompts.push(
        makePrompt(
          sheet,
          row.score.address,
          "score-mismatch",
          `${at(sheet, row.score.address)} 得分填写为 ${text(row.score)}，按规则应为 ${n(score)}（${n(weight)} × ${pct(share.share)}）`
        )
      );
  }
  const explain = [
    ...notes,
    `${methodName(ev.method)} ${share.words}，${n(weight)} × ${pct(share.share)} = ${n(score)}`,
  ].join("；");
  return { method: ev.method, score, stated, value, explain };
}

/**
 * §4: a score that follows from the row's printed 完成率, where that rate agrees with the
 * computed one; only where the method's share is a function of the rate alone.
 */
function scoreFromPrintedRate(
  ev: Evaluation,
  share: NonNullable<Evaluation["share"]>,
  weight: Decimal,
  rate: { stated: Decimal | null; value: Decimal | null },
  profile: Profile
): { share: Decimal; exact: Decimal } | null {
  const method = ev.method;
  if (method !== "positive" && method !== "negative" && method !== "deviation") return null;
  if (!rate.stated || !rate.value?.equals(rate.stated) || !ev.completion) return null;
  if (rate.stated.equals(ev.completion)) return null;
  // the share must be the method's function of the computed rate (no overshoot deduction)
  const computed = shareFromRate(method, ev.completion, profile);
  if (!computed?.equals(share.share)) return null;
  const fromPrinted = shareFromRate(method, rate.stated, profile);
  return fromPrinted ? { share: fromPrinted, exact: weight.times(fromPrinted) } : null;
}

/** A score typed within the weight: the accountant judged the row. */
function judgedByAccountant(s: RowState, w: RowWeight): boolean {
  const typed = s.printed?.value ?? null;
  return typed !== null && (w.weight === null || typed.lessThanOrEqualTo(w.weight));
}

/** Overshoot (§3): on every form, weighted or not, unless a reason cell already explains it. */
function overshootCheck(
  form: Form,
  profile: Profile,
  s: RowState,
  notes: string[],
  prompts: Prompt[]
): void {
  const share = s.ev.share;
  if (s.satisfactionLeftOut || !share?.overshoot) return;
  if (!share.overshoot.greaterThanOrEqualTo(profile.overshootPrompt)) return;
  const { row } = s;
  const reason = text(row.reason) || text(form.formReason);
  if (reason) {
    notes.push(
      `超出目标 ${pct(share.overshoot)}，已说明原因：“${reason.slice(0, 40)}${reason.length > 40 ? "…" : ""}”`
    );
    return;
  }
  const cell = row.actual?.address ?? row.name.address;
  const times = share.ratio ? `${n(share.ratio.toDecimalPlaces(2))} 倍` : "";
  prompts.push(
    makePrompt(
      form.sheet,
      cell,
      "overshoot",
      `${at(form.sheet, cell)} 实际 ${text(row.actual)} 为目标 ${text(row.target)} 的 ${times}，目标值可能设定偏低`
    )
  );
}

function methodName(m: string): string {
  return m === "positive"
    ? "正向指标"
    : m === "negative"
      ? "反向指标"
      : m === "deviation"
        ? "偏差法"
        : m;
}

function mirrorBounds(op: { a: Decimal; b: Decimal; aDigits: string; bDigits: string }): {
  low: Decimal;
  high: Decimal;
} {
  const half = (digits: string, value: Decimal): Decimal => {
    const dp = /\.(\d+)/.exec(digits)?.[1].length ?? 0;
    // the same relative tolerance as printed: half a unit of the last decimal, scaled to value
    const unit = new Dec(10).pow(-dp).dividedBy(2);
    const printed = new Dec(digits);
    return printed.isZero() ? ZERO : value.times(unit).dividedBy(printed);
  };
  const ha = half(op.aDigits, op.a);
  const hb = half(op.bDigits, op.b);
  return {
    low: op.b.minus(hb).dividedBy(op.a.plus(ha)),
    high: op.b.plus(hb).dividedBy(op.a.minus(ha)),
  };
}

function checkWeights(
  form: Form,
  profile: Profile,
  scoring: boolean,
  weights: readonly RowWeight[],
  issues: readonly { group: string; stated: Decimal; sum: Decimal; implied: boolean }[],
  budgetWeight: Decimal | null,
  states: readonly RowState[],
  prompts: Prompt[]
): Decimal {
  if (!scoring) return ZERO;
  const sheet = form.sheet;
  const firstOf = (group: string): string => {
    const s = states.find((x) => x.group === group || stripSpace(text(x.row.level2)) === group);
    return s?.row.level1.address ?? form.anchor;
  };
  const indicatorSum = weights.reduce((s, w) => s.plus(w.weight ?? ZERO), ZERO);
  // level-1 group weights printed in the headers (Hubei) add up with the budget to 100
  const groupWeights = new Map<string, Decimal>();
  for (const s of states) {
    if (s.level1Weight && s.level1 && !groupWeights.has(s.level1))
      groupWeights.set(s.level1, s.level1Weight);
  }
  const budget = budgetWeight ?? new Dec(profile.budgetWeight);
  const cell =
    form.total?.weight?.address ??
    form.indicatorHeader?.address ??
    form.indicators[0]?.level1.address ??
    form.anchor;
  const groupsSum = [...groupWeights.values()].reduce((s, x) => s.plus(x), ZERO);
  const all = (groupWeights.size > 0 ? groupsSum : indicatorSum).plus(budget);
  if (all.greaterThan(100)) {
    // no total and no grade: a total of 104.96 graded 优 would be nonsense (domain §3)
    const at100 = form.total?.score?.address ?? cell;
    const parts =
      groupWeights.size > 0
        ? `各一级指标（${[...groupWeights.entries()].map(([g, w]) => `${g}${n(w)}`).join("、")}）`
        : "各指标";
    prompts.push(
      makePrompt(
        sheet,
        at100,
        "weight-sum",
        `${at(sheet, at100)} 预算执行 ${n(budget)} 分与${parts}分值合计 ${n(all)} 分，超过 100 分，不计算总分、不评等级，请先核实分值`
      )
    );
    return all;
  }
  if (weights.some((w) => w.unreadable)) return all; // the weight cell's own prompt says it
  if (groupWeights.size > 0) {
    if (!groupsSum.plus(budget).equals(100)) {
      prompts.push(
        makePrompt(
          sheet,
          cell,
          "weight-sum",
          `${at(sheet, cell)} 各一级指标分值（${[...groupWeights.entries()].map(([g, w]) => `${g}${n(w)}`).join("、")}）合计 ${n(groupsSum)} 分，加预算执行 ${n(budget)} 分为 ${n(groupsSum.plus(budget))} 分，应为 100 分`
        )
      );
      return all; // the group weights themselves are wrong: no second prompt per group
    }
  }
  for (const issue of issues) {
    const cell = firstOf(issue.group);
    const message = issue.implied
      ? `${at(sheet, cell)} ${issue.group}（${n(issue.stated)}分）内按填报得分推定的权重合计 ${n(issue.sum)} 分，与 ${n(issue.stated)} 分不符，请核实各指标分值`
      : `${at(sheet, cell)} ${issue.group}（${n(issue.stated)}分）内各指标分值合计 ${n(issue.sum)} 分，与 ${n(issue.stated)} 分不符`;
    prompts.push(makePrompt(sheet, cell, "weight-sum", message));
  }
  if (!all.equals(100) && issues.length === 0) {
    prompts.push(
      makePrompt(
        sheet,
        cell,
        "weight-sum",
        `${at(sheet, cell)} 预算执行 ${n(budget)} 分与各指标分值 ${n(indicatorSum)} 分合计 ${n(all)} 分，应为 100 分`
      )
    );
  }
  const left = states.filter((s) => s.satisfactionLeftOut);
  if (left.length > 0) {
    const leftWeight = left.reduce(
      (s, x) => s.plus(weights[states.indexOf(x)].weight ?? ZERO),
      ZERO
    );
    const c = left[0].row.level1.address;
    prompts.push(
      makePrompt(
        sheet,
        c,
        "weight-sum",
        `${at(sheet, c)} 满意度指标未填报（${n(leftWeight)} 分），按备注4不计入；总分只含已评分的 ${n(all.minus(leftWeight))} 分，未折算`
      )
    );
  }
  return all;
}

const PERCENT_CENT = 4; // 100.00% at 2 decimals is a fraction at 4

/**
 * A deviation owes a reason only where it costs at least one cent of score (domain §4): a
 * weighted row whose score, as it stands in the sheet, is below its weight; on a form without weights, a 完成率
 * that is not 100.00% at 2 decimals (683.93 against ≤683.92万元 needs no reason).
 */
function costsScore(s: RowState, r: IndicatorResult): boolean {
  // the score as it stands in the sheet: a printed score that agrees (§4) is kept
  const standing = r.value ?? r.score;
  if (r.weight !== null && standing !== null) return standing.lessThan(r.weight);
  if (s.ev.method === "qualitative" || r.weight !== null) return true;
  const rate = s.ev.completion;
  return rate === null || !rate.toDecimalPlaces(PERCENT_CENT, Decimal.ROUND_HALF_UP).equals(1);
}

function reasonPrompts(
  form: Form,
  states: readonly RowState[],
  results: readonly IndicatorResult[],
  prompts: Prompt[]
): void {
  const sheet = form.sheet;
  const unmet = states
    .map((s, i) => ({ s, r: results[i] }))
    .filter(({ s, r }) => s.ev.met === false && !s.satisfactionLeftOut && costsScore(s, r));
  if (unmet.length === 0) return;
  const gap = (r: IndicatorResult, s: RowState): string => {
    if (s.ev.method === "qualitative") return `判为${LEVEL_NAMES[s.ev.level ?? "failed"]}`;
    const ratio = r.ratio ?? r.completionRate;
    return ratio
      ? `完成率 ${pct(ratio)}（${s.ev.share?.words.replace(/ = .*/, "") ?? ""}）`
      : "未完成";
  };
  if (form.formReason) {
    if (!isBlank(form.formReason)) return;
    const cell = form.formReason.address;
    const list = unmet.map(({ s, r }) => `“${r.name}”${gap(r, s)}`).join("；");
    prompts.push(
      makePrompt(
        sheet,
        cell,
        "deviation-reason-missing",
        `${list}，请在 ${at(sheet, cell)} 说明偏差原因及改进措施`
      )
    );
    return;
  }
  for (const { s, r } of unmet) {
    if (s.row.reason && !isBlank(s.row.reason)) continue;
    const cell = s.row.reason?.address ?? s.row.actual?.address ?? s.row.name.address;
    prompts.push(
      makePrompt(
        sheet,
        cell,
        "deviation-reason-missing",
        `“${r.name}”${gap(r, s)}，请在 ${at(sheet, cell)} 说明偏差原因及改进措施`
      )
    );
  }
}
