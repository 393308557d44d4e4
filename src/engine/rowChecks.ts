/** The checks of one indicator row that stand beside its score: printed 完成率, overshoot, judged rows. */
import type Decimal from "decimal.js";
import { lazyBounds, readRate, rateAgrees } from "./agree";
import { Dec, ZERO } from "./decimal";
import type { Evaluation } from "./evaluation";
import { n, pct } from "./format";
import { shareFromRate } from "./methods";
import type { Profile } from "./profiles";
import { promptAt } from "./prompts";
import { isNotApplicable } from "./text";
import type { Form, IndicatorRow, Prompt } from "./types";
import type { RowWeight } from "./weights";
import { isBlank, text, type RowState } from "./rowState";

/** A row's 完成率: as printed (null when none) and as kept (the printed one where it agrees). */
export interface RowRate {
  readonly stated: Decimal | null;
  readonly value: Decimal | null;
}

/** 完成率 printed: checked against the computed one (§4), kept when it agrees. */
export function checkCompletionRate(
  sheet: string,
  row: IndicatorRow,
  ev: Evaluation
): RowRate & { readonly prompts: readonly Prompt[] } {
  const none = { stated: null, value: ev.completion, prompts: [] };
  if (!row.rate || isBlank(row.rate) || isNotApplicable(text(row.rate)) || !ev.completion)
    return none;
  const operands = ev.operands;
  const bounds = operands && ev.budgetMirror ? lazyBounds(() => mirrorBounds(operands)) : undefined;
  const printedRate = readRate(row.rate.value, row.rate.numberFormat, ev.completion, bounds);
  if (!printedRate) return none;
  const stated = printedRate.fraction;
  if (rateAgrees(printedRate.fraction, printedRate.decimals, ev.completion, bounds))
    return { stated, value: printedRate.fraction, prompts: [] };
  const prompt = promptAt(
    sheet,
    row.rate.address,
    "rate-mismatch",
    `完成率填写为 ${text(row.rate)}，按规则应为 ${pct(ev.completion)}`
  );
  return { stated, value: ev.completion, prompts: [prompt] };
}

/**
 * §4: a score that follows from the row's printed 完成率, where that rate agrees with the
 * computed one; only where the method's share is a function of the rate alone.
 */
export function scoreFromPrintedRate(
  ev: Evaluation,
  share: NonNullable<Evaluation["share"]>,
  weight: Decimal,
  rate: RowRate,
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
  // a printed 100% that rounds a shortfall up agrees as a rate, but a full score taken from it
  // does not: the row is short of its target (§4, 003#11 I15: 7.02万 against ≤7万)
  if (ev.met === false && fromPrinted?.greaterThanOrEqualTo(1)) return null;
  return fromPrinted ? { share: fromPrinted, exact: weight.times(fromPrinted) } : null;
}

/** A score typed within the weight: the accountant judged the row. */
export function judgedByAccountant(s: RowState, w: RowWeight): boolean {
  const typed = s.printed?.value ?? null;
  return typed !== null && (w.weight === null || typed.lessThanOrEqualTo(w.weight));
}

/**
 * Overshoot (§3): on every form, weighted or not. A reason cell that already explains it turns
 * the prompt into a note of the explanation.
 */
export function overshootCheck(
  form: Form,
  profile: Profile,
  s: RowState
): { readonly note: string | null; readonly prompt: Prompt | null } {
  const none = { note: null, prompt: null };
  const share = s.ev.share;
  if (s.satisfactionLeftOut || !share?.overshoot) return none;
  if (!share.overshoot.greaterThanOrEqualTo(profile.overshootPrompt)) return none;
  const { row } = s;
  const reason = text(row.reason) || text(form.formReason);
  if (reason) {
    const quoted = `${reason.slice(0, 40)}${reason.length > 40 ? "…" : ""}`;
    return { note: `超出目标 ${pct(share.overshoot)}，已说明原因：“${quoted}”`, prompt: null };
  }
  const cell = row.actual?.address ?? row.name.address;
  const times = share.ratio ? `${n(share.ratio.toDecimalPlaces(2))} 倍` : "";
  const prompt = promptAt(
    form.sheet,
    cell,
    "overshoot",
    `实际 ${text(row.actual)} 为目标 ${text(row.target)} 的 ${times}，目标值可能设定偏低`
  );
  return { note: null, prompt };
}

/** The range a budget-mirror row's rate may take, given the digits its two amounts print. */
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
