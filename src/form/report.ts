import type Decimal from "decimal.js";
import { plain } from "../engine/decimal";
import { KIND_NAMES } from "../engine/prompts";
import type { FormResult, Method, PromptKind, Severity } from "../engine/types";

/**
 * A scored form as plain data, every number a decimal string: what the command line prints as
 * JSON and what the task pane shows. Scores as the engine rounded them; rates and ratios as
 * fractions with 6 decimals.
 */
export interface FormRun {
  readonly anchor: string;
  readonly project: string;
  readonly profile: string;
  readonly profileReason: string;
  readonly total: string | null;
  readonly statedTotal: string | null;
  readonly totalCell: string | null;
  readonly grade: string | null;
  readonly gradeCell: string | null;
  readonly budget: {
    readonly annual: string | null;
    readonly executed: string | null;
    readonly rate: string | null;
    readonly weight: string | null;
    readonly score: string | null;
    readonly stated: string | null;
    readonly value: string | null;
    readonly cell: string | null;
    readonly explain: string;
  } | null;
  readonly indicators: readonly IndicatorRun[];
  readonly prompts: readonly PromptRow[];
}

export interface IndicatorRun {
  readonly cell: string | null;
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly target: string;
  readonly actual: string;
  readonly weight: string | null;
  readonly method: Method;
  readonly ratio: string | null;
  readonly completionRate: string | null;
  readonly score: string | null;
  readonly stated: string | null;
  readonly value: string | null;
  /** The formula as a person reads it: "正向指标 67 ÷ 57 = 117.54%，封顶 100%，10 × 100% = 10". */
  readonly explain: string;
}

export interface PromptRow {
  readonly sheet: string;
  readonly cell: string;
  readonly kind: PromptKind;
  /** The kind in Chinese (KIND_NAMES). */
  readonly kindName: string;
  readonly severity: Severity;
  readonly message: string;
}

const dec = (d: Decimal | null | undefined): string | null =>
  d === null || d === undefined ? null : plain(d);
const fraction = (d: Decimal | null | undefined): string | null =>
  d === null || d === undefined ? null : d.toFixed(6);

export function promptRows(result: FormResult): PromptRow[] {
  return result.prompts.map((p) => ({
    sheet: p.sheet,
    cell: p.cell,
    kind: p.kind,
    kindName: KIND_NAMES[p.kind],
    severity: p.severity,
    message: p.message,
  }));
}

export function formRun(r: FormResult): FormRun {
  const b = r.budget;
  return {
    anchor: r.anchor,
    project: r.project,
    profile: r.profile,
    profileReason: r.profileReason,
    total: dec(r.total),
    statedTotal: dec(r.statedTotal),
    totalCell: r.totalCell ?? null,
    grade: r.grade,
    gradeCell: r.gradeCell ?? null,
    budget: b && {
      annual: dec(b.annual),
      executed: dec(b.executed),
      rate: fraction(b.rate),
      weight: dec(b.weight),
      score: dec(b.score),
      stated: dec(b.stated),
      value: dec(b.value),
      cell: b.cell ?? null,
      explain: b.explain,
    },
    indicators: r.indicators.map((i) => ({
      cell: i.cell ?? null,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      target: i.target,
      actual: i.actual,
      weight: dec(i.weight),
      method: i.method,
      ratio: fraction(i.ratio),
      completionRate: fraction(i.completionRate),
      score: dec(i.score),
      stated: dec(i.stated),
      value: dec(i.value),
      explain: i.explain,
    })),
    prompts: promptRows(r),
  };
}
