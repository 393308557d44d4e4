/** One indicator row scored under its weight (domain §3–§4): method, score, printed figures checked. */
import Decimal from "decimal.js";
import { readRate, rateAgrees, scoreAgrees } from "./agree";
import { Dec, ZERO } from "./decimal";
import type { Evaluation } from "./evaluate";
import { n, pct, roundScore } from "./format";
import type { Profile } from "./profiles";
import { promptAt } from "./prompts";
import { shareFromRate } from "./methods";
import { defaultShare, inBand, LEVEL_NAMES, band } from "./qualitative";
import { isNotApplicable, stripSpace } from "./text";
import type { Form, IndicatorResult, IndicatorRow, Prompt } from "./types";
import type { RowWeight } from "./weights";
import { firstCell, isBlank, text, type RowState } from "./rowState";

export interface RowOutcome {
  readonly method: IndicatorResult["method"];
  readonly score: Decimal | null;
  readonly stated: Decimal | null;
  readonly value: Decimal | null;
  readonly explain: string;
}

export function scoreRow(
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
export function checkCompletionRate(
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
          promptAt(
            sheet,
            row.rate.address,
            "rate-mismatch",
            `完成率填写为 ${text(row.rate)}，按规则应为 ${pct(ev.completion)}`
          )
        );
    }
  }
  return { stated, value };
}

export function rowOutcome(
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
      promptAt(
        sheet,
        cell,
        "layout-shift",
        `所在行比表头错开 ${Math.abs(row.shift)} 列，已按错位读取，不向该行写入`
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
    prompts.push(promptAt(sheet, cell, p.kind, p.message));
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
      promptAt(sheet, row.score.address, "unparseable", `的得分“${text(row.score)}”不是数值`)
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
    prompts.push(promptAt(sheet, cell, "unscored", `指标“${text(row.name)}”没有分值，未评分`));
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
        promptAt(
          sheet,
          row.score.address,
          "score-mismatch",
          `得分填写为 ${text(row.score)}，不在“${LEVEL_NAMES[level]}”的区间 ${n(weight.times(b.min))}–${n(weight.times(b.max))} 内，按规则应为 ${n(score)}`
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
        promptAt(
          sheet,
          cell,
          "qualitative-judgement",
          `实际“${text(row.actual)}”判为${LEVEL_NAMES[level]}，暂按 ${n(score)} 分，请确认`
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
        promptAt(
          sheet,
          row.score.address,
          "score-mismatch",
          `得分填写为 ${text(row.score)}，按规则应为 ${n(score)}（${n(weight)} × ${pct(share.share)}）`
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
export function scoreFromPrintedRate(
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
export function judgedByAccountant(s: RowState, w: RowWeight): boolean {
  const typed = s.printed?.value ?? null;
  return typed !== null && (w.weight === null || typed.lessThanOrEqualTo(w.weight));
}

/** Overshoot (§3): on every form, weighted or not, unless a reason cell already explains it. */
export function overshootCheck(
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
    promptAt(
      form.sheet,
      cell,
      "overshoot",
      `实际 ${text(row.actual)} 为目标 ${text(row.target)} 的 ${times}，目标值可能设定偏低`
    )
  );
}

export function methodName(m: string): string {
  return m === "positive"
    ? "正向指标"
    : m === "negative"
      ? "反向指标"
      : m === "deviation"
        ? "偏差法"
        : m;
}

export function mirrorBounds(op: { a: Decimal; b: Decimal; aDigits: string; bDigits: string }): {
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
