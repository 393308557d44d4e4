import Decimal from "decimal.js";
import { readPrinted } from "./agree";
import { Dec, ZERO } from "./decimal";
import { n, pct } from "./format";
import type { Level1 } from "./groups";
import { bracketWeight, cellText, isNotApplicable, stripSpace } from "./text";
import type { Cell, IndicatorResult } from "./types";

export type WeightSource = IndicatorResult["weightSource"];

export interface RowWeightInput {
  readonly weightCell?: Cell;
  readonly name: string;
  /** Corrected canonical level 1 (the group it counts in). */
  readonly group: Level1 | null;
  /** Weight printed in its own level-1 cell （40分）, for the group it was printed under. */
  readonly level1Weight: Decimal | null;
  readonly level1Group: Level1 | null;
  /** Level-2 cell text and its （15分）. */
  readonly level2Key: string;
  readonly level2Weight: Decimal | null;
  /** Fully met with a printed score: the score is its implied weight (Hubei). */
  readonly printedScore: Decimal | null;
  readonly met: boolean | null;
  /** The share of its weight a measured row scores (null for judged rows): score ÷ share is its weight. */
  readonly share?: Decimal | null;
  /** A block cell beside the row printing a weight (年度绩效目标（40分）): its address, name, weight. */
  readonly block?: { readonly key: string; readonly name: string; readonly weight: Decimal } | null;
}

export interface RowWeight {
  readonly weight: Decimal | null;
  readonly source: WeightSource;
  readonly note: string | null;
  /** A weight cell holding text that is not a number. */
  readonly unreadable: boolean;
}

export interface GroupIssue {
  readonly group: string;
  readonly stated: Decimal;
  readonly sum: Decimal;
  readonly implied: boolean;
}

/** A row's own weight: the 分值/权重 column, else a （N分） in its name. */
export function ownWeight(input: RowWeightInput): RowWeight {
  const cell = input.weightCell;
  if (cell) {
    const text = cellText(cell.value);
    if (stripSpace(text) !== "" && !isNotApplicable(text)) {
      const p = readPrinted(cell.value);
      if (p) return { weight: p.value, source: "column", note: null, unreadable: false };
      return { weight: null, source: "none", note: null, unreadable: true };
    }
  }
  const b = bracketWeight(input.name);
  if (b !== null)
    return {
      weight: new Dec(b),
      source: "name",
      note: `权重取自名称中的（${b}分）`,
      unreadable: false,
    };
  return { weight: null, source: "none", note: null, unreadable: false };
}

/**
 * Weights inside weighted groups (Hubei: 产出指标（40分）, 质量指标（18分）). A row with its own weight
 * keeps it. Where every weightless row of a group but at most one has an implied weight (a round
 * printed score on a fully met row, or a round printed score ÷ share on one not fully met), each
 * takes it (权重按填报得分推定) and the one left takes the rest; otherwise the rest is split equally.
 */
export function distributeGroupWeights(
  rows: readonly RowWeightInput[],
  own: readonly RowWeight[]
): { weights: RowWeight[]; issues: GroupIssue[] } {
  let w: Weighing = { weights: own.slice(), issues: [] };
  // level-2 groups with a weight, then level-1 groups (a weighted level-2 group counts as one unit)
  const level2Groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (r.level2Weight)
      level2Groups.set(`${r.group}|${r.level2Key}`, [
        ...(level2Groups.get(`${r.group}|${r.level2Key}`) ?? []),
        i,
      ]);
  });
  for (const [key, members] of level2Groups) {
    const stated = rows[members[0]].level2Weight as Decimal;
    w = fill(w, key.split("|")[1], stated, members, [], rows);
  }
  // The stated weight of each level-1 group, from the level-1 cells that print it.
  const statedByGroup = new Map<Level1, Decimal>();
  for (const r of rows)
    if (r.level1Weight && r.level1Group && !statedByGroup.has(r.level1Group))
      statedByGroup.set(r.level1Group, r.level1Weight);
  const level1Groups = new Map<string, { stated: Decimal | null; members: number[] }>();
  rows.forEach((r, i) => {
    if (!r.group) return;
    // a row moved by its level-2 name into a group that prints no weight is weighted where its
    // level-1 cell stands (the printed 产出指标（40分） merge covers it)
    const key =
      statedByGroup.has(r.group) || !r.level1Group || !statedByGroup.has(r.level1Group)
        ? r.group
        : r.level1Group;
    const g = level1Groups.get(key) ?? {
      stated: statedByGroup.get(key as Level1) ?? null,
      members: [],
    };
    g.members.push(i);
    level1Groups.set(key, g);
  });
  for (const [group, { stated, members }] of level1Groups) {
    if (!stated) continue;
    const inLevel2 = members.filter((i) =>
      level2Groups.has(`${rows[i].group}|${rows[i].level2Key}`)
    );
    const fixedLevel2 = new Set(inLevel2.map((i) => `${rows[i].group}|${rows[i].level2Key}`));
    const level2Sum = [...fixedLevel2].reduce(
      (s, k) => s.plus(rows[(level2Groups.get(k) as number[])[0]].level2Weight as Decimal),
      ZERO
    );
    const direct = members.filter((i) => !inLevel2.includes(i));
    w = fill(w, group, stated, direct, [level2Sum], rows);
  }
  w = blockWeights(w, rows);
  return { weights: [...w.weights], issues: [...w.issues] };
}

/** The weights of a form's rows (by index) and the groups that do not add up, so far. */
interface Weighing {
  readonly weights: readonly RowWeight[];
  readonly issues: readonly GroupIssue[];
}

/** One weighted group's rows given their weights: the weighing with them, and its issue if any. */
function fill(
  w: Weighing,
  group: string,
  stated: Decimal,
  members: readonly number[],
  fixed: readonly Decimal[],
  rows: readonly RowWeightInput[]
): Weighing {
  const weights = w.weights.slice();
  const issues = w.issues.slice();
  const done = (): Weighing => ({ weights, issues });
  const weightless = members.filter((i) => weights[i].weight === null && !weights[i].unreadable);
  const ownSum = members.reduce(
    (s, i) => s.plus(weights[i].weight ?? ZERO),
    fixed.reduce((s, x) => s.plus(x), ZERO)
  );
  const rest = stated.minus(ownSum);
  if (weightless.length === 0) {
    if (!ownSum.equals(stated) && members.length > 0)
      issues.push({ group, stated, sum: ownSum, implied: false });
    return done();
  }
  // implied weights (§3): a round printed score on a fully met row, or a printed score ÷ the
  // share of a row not fully met that is within a cent of a round number
  const implied = new Map<number, { weight: Decimal; fromShare: boolean }>();
  for (const i of weightless) {
    const weight = impliedWeight(rows[i]);
    if (weight) implied.set(i, weight);
  }
  const others = weightless.filter((i) => !implied.has(i));
  if (implied.size > 0 && others.length <= 1) {
    let impliedSum = ZERO;
    for (const [i, { weight, fromShare }] of implied) {
      impliedSum = impliedSum.plus(weight);
      weights[i] = {
        weight,
        source: "implied",
        note: fromShare
          ? `权重按填报得分推定：${n(rows[i].printedScore as Decimal)} ÷ ${pct(rows[i].share as Decimal)} = ${n(weight)}（${group}（${n(stated)}分）内）`
          : `权重按填报得分推定（${group}（${n(stated)}分）内）`,
        unreadable: false,
      };
    }
    if (others.length === 1) {
      const left = rest.minus(impliedSum);
      weights[others[0]] = {
        weight: Dec.max(left, ZERO),
        source: "implied",
        note: `${group}（${n(stated)}分）减去其他指标的推定权重，余 ${n(left)} 分`,
        unreadable: false,
      };
      if (left.lessThanOrEqualTo(0))
        issues.push({ group, stated, sum: ownSum.plus(impliedSum), implied: true });
    } else if (!impliedSum.equals(rest)) {
      issues.push({ group, stated, sum: ownSum.plus(impliedSum), implied: true });
    }
    return done();
  }
  const shares = splitEvenly(rest, weightless.length);
  weightless.forEach((i, k) => {
    weights[i] = {
      weight: shares[k],
      source: "split",
      note: `${group}（${n(stated)}分）${ownSum.isZero() ? "" : `减去已注明分值 ${n(ownSum)} 分，`}由 ${weightless.length} 个指标平均分配，本项 ${n(shares[k])} 分`,
      unreadable: false,
    };
  });
  if (rest.lessThan(0)) issues.push({ group, stated, sum: ownSum, implied: false });
  return done();
}

/** Half points: an implied weight is a whole or .5 number. */
const HALF = new Dec("0.5");
const IMPLIED_TOLERANCE = new Dec("0.01");

/** Whether a number is whole or .5 (an implied weight; 7.424 is not). */
export function isRoundWeight(x: Decimal): boolean {
  return x.greaterThan(0) && x.modulo(HALF).isZero();
}

/**
 * A weightless row's implied weight (§3 Weights): its round printed score where it is fully met;
 * where it is not, its printed score ÷ its share when that lies within 0.01 of a whole or .5
 * number (3.25 ÷ 81.25% = 4), the printed score having been rounded.
 */
export function impliedWeight(r: RowWeightInput): { weight: Decimal; fromShare: boolean } | null {
  const printed = r.printedScore;
  if (printed === null) return null;
  if (r.met === true) return isRoundWeight(printed) ? { weight: printed, fromShare: false } : null;
  if (r.met !== false || !r.share || !r.share.greaterThan(0) || !printed.greaterThan(0))
    return null;
  const quotient = printed.dividedBy(r.share);
  const round = quotient.dividedBy(HALF).round().times(HALF);
  if (!round.greaterThan(0) || quotient.minus(round).abs().greaterThan(IMPLIED_TOLERANCE))
    return null;
  return { weight: round, fromShare: true };
}

/**
 * Split a weight into n parts of 2 decimals that add up exactly (40 over 3: 13.34, 13.33, 13.33),
 * as an accountant splits it: the leftover cents go to the first rows.
 */
export function splitEvenly(total: Decimal, parts: number): Decimal[] {
  if (parts <= 0) return [];
  const base = total.dividedBy(parts).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  let leftover = total.minus(base.times(parts)).times(100).round().toNumber();
  return Array.from({ length: parts }, () => {
    if (leftover > 0) {
      leftover--;
      return base.plus("0.01");
    }
    return base;
  });
}

/** National default weights for a weightless form (sichuan, on request): 产出+成本 50, 效益 30, 满意度 10. */
export function defaultWeights(
  groups: readonly (Level1 | null)[],
  split: { outputAndCost: string; benefit: string; satisfaction: string }
): RowWeight[] {
  const bucket = (g: Level1 | null): "outputAndCost" | "benefit" | "satisfaction" | null =>
    g === "产出指标" || g === "成本指标" || g === "完成指标" || g === "履职效能"
      ? "outputAndCost"
      : g === "效益指标"
        ? "benefit"
        : g === "满意度指标"
          ? "satisfaction"
          : null;
  const counts = { outputAndCost: 0, benefit: 0, satisfaction: 0 };
  for (const g of groups) {
    const b = bucket(g);
    if (b) counts[b]++;
  }
  const shares = {
    outputAndCost: splitEvenly(new Dec(split.outputAndCost), counts.outputAndCost),
    benefit: splitEvenly(new Dec(split.benefit), counts.benefit),
    satisfaction: splitEvenly(new Dec(split.satisfaction), counts.satisfaction),
  };
  const taken = { outputAndCost: 0, benefit: 0, satisfaction: 0 };
  return groups.map((g) => {
    const b = bucket(g);
    if (!b) return { weight: null, source: "none", note: null, unreadable: false };
    const each = shares[b][taken[b]++];
    return {
      weight: each,
      source: "default",
      note: `全国默认权重：${split[b]} 分由 ${counts[b]} 个指标平均分配，本项 ${n(each)} 分`,
      unreadable: false,
    };
  });
}

/** Text of a row's weight cell, for messages. */
export function weightText(cell: Cell | undefined): string {
  return cell ? cellText(cell.value).trim() : "";
}

/**
 * Weights printed only on block cells (Hubei municipal: 年度绩效目标（80分）, or two （40分） blocks
 * merged down the left): a block weights the rows beside it that no level-1 or level-2 group
 * weights, as one group; rows already weighted count against it (a disagreement is `weight-sum`).
 * A block whose rows are all weighted already is not checked again (the groups' checks speak).
 */
function blockWeights(w0: Weighing, rows: readonly RowWeightInput[]): Weighing {
  let w = w0;
  const blocks = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (r.block) blocks.set(r.block.key, [...(blocks.get(r.block.key) ?? []), i]);
  });
  for (const members of blocks.values()) {
    // rows all weighted by their groups: the groups' own checks speak, the block adds none
    if (members.every((i) => w.weights[i].weight !== null || w.weights[i].unreadable)) continue;
    const block = rows[members[0]].block as NonNullable<RowWeightInput["block"]>;
    w = fill(w, block.name, block.weight, members, [], rows);
  }
  return w;
}
