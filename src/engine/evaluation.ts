/** What evaluating an indicator gives, before any weight, and the two shapes it most often takes. */
import type Decimal from "decimal.js";
import { ONE } from "./decimal";
import type { Share } from "./methods";
import type { Method, PromptKind, QualitativeLevel } from "./types";

/** The budget figures an indicator may mirror (in 元), with their printing tolerance. */
export interface BudgetMirror {
  readonly annual: Decimal | null;
  readonly initial: Decimal | null;
  readonly executed: Decimal | null;
  /** Half a unit of the last printed decimal of the budget cells, in 元. */
  readonly tolerance: Decimal;
}

export interface IndicatorInput {
  readonly target: string;
  readonly actual: string;
  readonly rule: string;
  readonly name: string;
  readonly level1: string;
  readonly level2: string;
  /** The row stands under a group of the common framework (项目决策, 项目过程…, §9). */
  readonly framework?: boolean;
}

export interface PendingPrompt {
  readonly kind: PromptKind;
  readonly message: string;
  /** The prompt is about the target cell (else the actual). */
  readonly onTarget?: boolean;
  /**
   * The accountant judges this row: a score typed within the weight is kept without the prompt
   * (no level word found; a duration target against a date actual).
   */
  readonly unlessScored?: boolean;
}

/** What an indicator is, before any weight: its method, level or ratio, and how it was decided. */
export interface Evaluation {
  readonly method: Method;
  readonly why: string;
  readonly level: QualitativeLevel | null;
  /** The share of the weight for quantitative methods (qualitative shares depend on a typed score). */
  readonly share: Share | null;
  readonly met: boolean | null;
  readonly completion: Decimal | null;
  readonly budgetMirror: boolean;
  /** Same text, achieved (§2). */
  readonly sameText: boolean;
  readonly notes: readonly string[];
  readonly prompts: readonly PendingPrompt[];
  /** Amounts for a rate tolerance check (budget mirror). */
  readonly operands: {
    readonly a: Decimal;
    readonly b: Decimal;
    readonly aDigits: string;
    readonly bDigits: string;
  } | null;
}

/** The accountant scores the row (domain §2): why, and what to prompt. */
export function manual(
  why: string,
  prompts: PendingPrompt[] = [],
  notes: string[] = []
): Evaluation {
  return {
    method: "manual",
    why,
    level: null,
    share: null,
    met: null,
    completion: null,
    budgetMirror: false,
    sameText: false,
    notes,
    prompts,
    operands: null,
  };
}

/** A level judged (达成, 部分达成, 未达成) and why. */
export function qualitative(
  level: QualitativeLevel,
  why: string,
  extra: Partial<Pick<Evaluation, "completion" | "sameText" | "notes" | "prompts">> = {}
): Evaluation {
  return {
    method: "qualitative",
    why,
    level,
    share: null,
    met: level === "achieved",
    completion:
      extra.completion !== undefined ? extra.completion : level === "achieved" ? ONE : null,
    budgetMirror: false,
    sameText: extra.sameText ?? false,
    notes: extra.notes ?? [],
    prompts: extra.prompts ?? [],
    operands: null,
  };
}
