/** Every indicator row read and evaluated, weight-free: its group, its printed weights and score. */
import { readPrinted } from "./agree";
import { Dec } from "./decimal";
import { evaluateIndicator } from "./evaluate";
import type { BudgetMirror } from "./evaluation";
import { canonicalLevel1, canonicalLevel2, level1OfLevel2 } from "./groups";
import type { Profile } from "./profiles";
import type { ValueReader } from "./quantity";
import { bracketWeight, stripSpace } from "./text";
import type { Form, IndicatorRow } from "./types";
import { isBlank, text, type RowState } from "./rowState";

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
  const level1Texts = form.indicators.map((r) => text(r.level1));
  const level1s = level1Texts.map(canonicalLevel1);
  const hasCostLevel1 = form.indicators.some(
    (r, i) => level1s[i] === "成本指标" && !r.level1Inherited
  );
  const states = form.indicators.map((row, i) =>
    readRow(row, level1Texts[i], level1s[i], hasCostLevel1, profile, mirror, read)
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

/** One row: its group (corrected by its level-2 name), printed weights and score, its evaluation. */
function readRow(
  row: IndicatorRow,
  l1Text: string,
  canonical: RowState["level1"],
  hasCostLevel1: boolean,
  profile: Profile,
  mirror: BudgetMirror | null,
  read: ValueReader
): RowState {
  const l2Text = text(row.level2);
  const level2 = canonicalLevel2(l2Text);
  const byName = level1OfLevel2(level2, hasCostLevel1);
  // a level-1 cell printing only its weight （50分） names the group its level-2 names decide
  const l1 = canonical ?? (bracketWeight(l1Text) !== null ? byName : null);
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
    printed: row.score ? readPrinted(row.score.value) : null,
    satisfactionLeftOut: false,
  };
}
