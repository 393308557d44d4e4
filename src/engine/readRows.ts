/** Every indicator row read and evaluated, weight-free: its group, its printed weights and score. */
import type Decimal from "decimal.js";
import { readPrinted } from "./agree";
import { digitsDecimal } from "./decimal";
import { evaluateIndicator } from "./evaluate";
import type { BudgetMirror } from "./evaluation";
import { canonicalLevel1, canonicalLevel2, level1OfLevel2, type Level1 } from "./groups";
import type { Profile } from "./profiles";
import type { ValueReader } from "./quantity";
import { bracketWeight, stripSpace, withoutWeightMarks } from "./text";
import { FRAMEWORK_LEVEL1 } from "./vocabulary";
import type { Form, IndicatorRow } from "./types";
import { isBlank, text, type RowState } from "./rowState";
import { once } from "./memo";

export interface ReadRows {
  /** One state per indicator row, in the form's order (joined to weights and results by index). */
  readonly states: readonly RowState[];
  /** Hubei note 4: the satisfaction group left blank, so left out (never silently full). */
  readonly satisfactionBlank: boolean;
}

/** Every row of the form read, in order, and the Hubei satisfaction rule applied. */
export function readRows(
  form: Form,
  profile: Profile,
  mirror: BudgetMirror | null,
  read: ValueReader
): ReadRows {
  // level cells repeat down the table (merged or inherited): each text is read once
  const level1Of = once((t: string): Level1Cell => ({
    text: t,
    canonical: canonicalLevel1(t),
    weight: decimalOrNull(bracketWeight(t)),
  }));
  const level2Of = once((t: string): Level2Cell => ({
    level2: canonicalLevel2(t),
    key: stripSpace(t),
    weight: decimalOrNull(bracketWeight(t)),
  }));
  const level1s = form.indicators.map((r) => level1Of(text(r.level1)));
  const hasCostLevel1 = form.indicators.some(
    (r, i) => level1s[i].canonical === "成本指标" && !r.level1Inherited
  );
  const states = form.indicators.map((row, i) =>
    readRow(row, level1s[i], level2Of(text(row.level2)), hasCostLevel1, profile, mirror, read)
  );
  const satisfaction = states.filter((s) => s.group === "满意度指标");
  const satisfactionBlank =
    profile.satisfactionOptional &&
    satisfaction.length > 0 &&
    satisfaction.every((s) => isBlank(s.row.actual) && isBlank(s.row.score));
  return {
    states: satisfactionBlank
      ? states.map((s) => (s.group === "满意度指标" ? { ...s, satisfactionLeftOut: true } : s))
      : states,
    satisfactionBlank,
  };
}

/** A level-1 cell's text read: its canonical group and its （N分）. */
interface Level1Cell {
  readonly text: string;
  readonly canonical: Level1 | null;
  readonly weight: Decimal | null;
}

/** A level-2 cell's text read: its canonical name, its key for grouping and its （N分）. */
interface Level2Cell {
  readonly level2: string;
  readonly key: string;
  readonly weight: Decimal | null;
}

function decimalOrNull(digits: string | null): Decimal | null {
  return digits === null ? null : digitsDecimal(digits);
}

/** One row: its group (corrected by its level-2 name), printed weights and score, its evaluation. */
function readRow(
  row: IndicatorRow,
  l1Cell: Level1Cell,
  l2Cell: Level2Cell,
  hasCostLevel1: boolean,
  profile: Profile,
  mirror: BudgetMirror | null,
  read: ValueReader
): RowState {
  const { text: l1Text, canonical } = l1Cell;
  const { level2 } = l2Cell;
  const byName = level1OfLevel2(level2, hasCostLevel1);
  // a level-1 cell printing only its weight （50分） names the group its level-2 names decide
  const l1 = canonical ?? (l1Cell.weight !== null ? byName : null);
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
      framework: FRAMEWORK_LEVEL1.test(withoutWeightMarks(l1Text)),
    },
    profile,
    mirror,
    read
  );
  return {
    row,
    group,
    level1: l1,
    level1Weight: l1Cell.weight,
    level2,
    level2Key: l2Cell.key,
    level2Weight: l2Cell.weight,
    correction,
    ev,
    printed: row.score ? readPrinted(row.score.value) : null,
    satisfactionLeftOut: false,
  };
}
