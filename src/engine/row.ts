/** One indicator row scored under its weight (domain §3–§4): method, score, printed figures checked. */
import type { Profile } from "./profiles";
import { stripSpace } from "./text";
import type { Form, IndicatorResult, Prompt } from "./types";
import type { RowWeight } from "./weights";
import { text, type RowState } from "./rowState";
import { checkCompletionRate } from "./rowChecks";
import { rowOutcome } from "./rowOutcome";

/** A scored row and the prompts it raised: its printed 完成率 first, then its score's. */
export interface ScoredRow {
  readonly result: IndicatorResult;
  readonly prompts: readonly Prompt[];
}

/** One row scored: its result and its prompts, the printed 完成率's first. */
export function scoreRow(
  form: Form,
  profile: Profile,
  s: RowState,
  w: RowWeight,
  scoring: boolean
): ScoredRow {
  const { row, ev } = s;
  const rate = checkCompletionRate(form.sheet, row, ev);
  const o = rowOutcome(form, profile, s, w, scoring, rate);
  const result: IndicatorResult = {
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
  return { result, prompts: [...rate.prompts, ...o.prompts] };
}
