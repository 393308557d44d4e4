/** The weights of a form's rows: their own, their group's share, or the profile's defaults. */
import type Decimal from "decimal.js";
import { Dec, ZERO } from "./decimal";
import type { Profile } from "./profiles";
import { promptAt } from "./prompts";
import { bracketWeight, withoutWeightMarks } from "./text";
import type { Cell, Prompt } from "./types";
import {
  defaultWeights,
  distributeGroupWeights,
  ownWeight,
  type GroupIssue,
  type RowWeight,
  type RowWeightInput,
} from "./weights";
import { text, type RowState } from "./rowState";

export interface FormWeights {
  /** One weight per row state, by index. */
  readonly weights: readonly RowWeight[];
  /** Groups whose rows do not add up to the group's printed weight. */
  readonly issues: readonly GroupIssue[];
  /** Some weight is printed (or unreadable): the form is a weighted one. */
  readonly weighted: boolean;
  /** Rows are scored: weighted under a profile that scores indicators, or the default weights. */
  readonly scoring: boolean;
  /** A weight cell that is not a number, a weight of 0. */
  readonly prompts: readonly Prompt[];
  /** The rows' weights added up. */
  readonly weightSum: Decimal;
}

/** Every row's weight (by index), whether the form is scored, and what its weight cells prompt. */
export function weighForm(
  sheet: string,
  profile: Profile,
  states: readonly RowState[]
): FormWeights {
  const inputs: RowWeightInput[] = states.map((s) => ({
    weightCell: s.row.weight,
    name: text(s.row.name),
    group: s.group,
    level1Weight: s.level1Weight,
    level1Group: s.level1,
    level2Key: s.level2Key,
    level2Weight: s.level2Weight,
    printedScore: s.printed?.value ?? null,
    met: s.ev.met,
    share: s.ev.share?.share ?? null,
    block: blockWeight(s.row.block),
  }));
  const grouped = distributeGroupWeights(inputs, inputs.map(ownWeight));
  let weights: readonly RowWeight[] = grouped.weights;
  const weighted = weights.some((w) => w.weight !== null || w.unreadable);
  let usesDefaults = false;
  if (!weighted && profile.useDefaultWeights && states.length > 0) {
    weights = defaultWeights(
      states.map((s) => s.group),
      profile.defaultWeights
    );
    usesDefaults = true;
  }
  const scoring = (weighted || usesDefaults) && (profile.scoresIndicators || usesDefaults);
  return {
    weights,
    issues: grouped.issues,
    weighted,
    scoring,
    prompts: weightPrompts(sheet, states, weights),
    weightSum: weights.reduce((sum, w) => sum.plus(w.weight ?? ZERO), ZERO),
  };
}

/** A weight cell that is not a number (the row is scored by hand), then every weight of 0. */
function weightPrompts(
  sheet: string,
  states: readonly RowState[],
  weights: readonly RowWeight[]
): Prompt[] {
  const prompts: Prompt[] = [];
  for (const [i, w] of weights.entries()) {
    const cell = states[i].row.weight;
    if (w.unreadable && cell)
      prompts.push(
        promptAt(
          sheet,
          cell.address,
          "unparseable",
          `的分值“${text(cell)}”不是数值，该指标按人工评分，所填得分计入总分`
        )
      );
  }
  for (const [i, w] of weights.entries()) {
    const cell = states[i].row.weight;
    if (w.weight?.isZero() && cell)
      prompts.push(
        promptAt(
          sheet,
          cell.address,
          "weight-sum",
          `指标“${text(states[i].row.name)}”分值为 0，不计分，请核实`
        )
      );
  }
  return prompts;
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
