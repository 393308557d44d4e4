import type Decimal from "decimal.js";
import { Dec, plain } from "./decimal";
import type { Profile } from "./profiles";
import type { Quantity } from "./quantity";

/** A target and an actual quantity brought into one unit. */
export interface Aligned {
  readonly a: Decimal;
  readonly b: Decimal;
  readonly aText: string;
  readonly bText: string;
  /** A stated assumption (篇=条, 136 → 136万): explained, and noted as unit-mismatch where it is an equivalence. */
  readonly note: string | null;
  readonly equivalence: boolean;
}

export type AlignFailure = { readonly mismatch: string };

const LOW = new Dec("0.01");
const HIGH = new Dec(100);

function withinPlausible(a: Decimal, b: Decimal): boolean {
  // zero is zero in any unit
  if (a.isZero() || b.isZero()) return true;
  const r = b.dividedBy(a);
  return r.greaterThanOrEqualTo(LOW) && r.lessThanOrEqualTo(HIGH);
}

function equivalent(u: string, v: string, profile: Profile): boolean {
  return profile.measureWordEquivalents.some((set) => set.includes(u) && set.includes(v));
}

function unitName(q: Quantity): string {
  return (q.unit === "" ? "无单位" : q.unit) + (q.per ? `/${q.per}` : "");
}

/**
 * Bring actual `b` into target `t`'s unit (domain §2). A bare actual takes the target's unit and
 * scale when the ratio so obtained lies within [0.01, 100]; money converts between 元/万元/亿元;
 * equivalent measure words (篇/条) compare with a note; anything else does not convert.
 */
export function align(t: Quantity, b: Quantity, profile: Profile): Aligned | AlignFailure {
  const aligned = (
    a: Decimal,
    bv: Decimal,
    note: string | null,
    equivalence: boolean
  ): Aligned => ({ a, b: bv, aText: t.source, bText: b.source, note, equivalence });
  if (t.per !== b.per && !(b.unit === "" && b.per === null)) {
    return { mismatch: `目标单位 ${unitName(t)} 与实际单位 ${unitName(b)} 不能换算` };
  }
  const sameUnit = t.unit === b.unit;
  if (sameUnit && t.scale.equals(b.scale)) return aligned(t.value, b.value, null, false);
  // a measure word (10万人次) or money on both sides (100元 against 50万元): values are already in one unit
  if (sameUnit && t.unit !== "") return aligned(t.value, b.value, null, false);
  if (b.unit === "" || t.unit === "" || sameUnit) {
    // the side without a unit (or without a scale: 136 against 150万) is read in the other's
    const bare = b.unit === "" && (t.unit !== "" || b.scale.equals(1)) ? b : t;
    const other = bare === b ? t : b;
    if (other.unit === "%" && !bare.scale.equals(1)) {
      return { mismatch: `目标“${t.source}”与实际“${b.source}”一个是数量、一个是百分比，无法比较` };
    }
    const candidates: { value: Decimal; note: string | null }[] = [];
    if (!bare.scale.equals(1)) {
      // it has its own scale (6352.3万 against 100000次): only the measure word is taken over
      candidates.push({
        value: bare.value,
        note: other.unit && other.unit !== "%" ? `${bare.source} 按 ${other.unit} 计` : null,
      });
    } else {
      if (!other.scale.equals(1) && other.unit !== "%") {
        candidates.push({
          value: bare.value.times(other.scale),
          note: `${bare.source} 按 ${other.source} 的单位读作 ${bare.digits}${scaleWord(other.scale)}${other.unit}`,
        });
      }
      if (other.unit === "%" && bare.value.lessThanOrEqualTo("1.5")) {
        // a bare number up to 1.5 against a percentage is a fraction (0.96 against ≥95%), as in rate columns
        candidates.push({
          value: bare.value,
          note: `${bare.source} 读作 ${plain(bare.value.times(100))}%`,
        });
      }
      candidates.push({
        value: other.unit === "%" ? bare.value.dividedBy(100) : bare.value,
        note: other.unit === "%" ? `${bare.source} 读作 ${bare.digits}%` : null,
      });
    }
    for (const c of candidates) {
      const a = bare === t ? c.value : t.value;
      const bv = bare === b ? c.value : b.value;
      if (!bare.scale.equals(1) || withinPlausible(a, bv)) return aligned(a, bv, c.note, false);
    }
    return { mismatch: `目标“${t.source}”与实际“${b.source}”单位不同，按同一单位读取比例不合理` };
  }
  if (equivalent(t.unit, b.unit, profile)) {
    return aligned(t.value, b.value, `按 ${t.unit}=${b.unit} 计算`, true);
  }
  return { mismatch: `目标单位 ${unitName(t)} 与实际单位 ${unitName(b)} 不能换算` };
}

function scaleWord(scale: Decimal): string {
  if (scale.equals(10000)) return "万";
  if (scale.equals(100000000)) return "亿";
  if (scale.equals(1000)) return "千";
  if (scale.equals(100)) return "百";
  return "";
}

export function isAligned(x: Aligned | AlignFailure): x is Aligned {
  return !("mismatch" in x);
}

/**
 * Pair target and actual quantities by measure word, in order (5条 50次 → 5条 50次). A target
 * quantity the actual does not mention is left out (12期、每期800份 against 12期); null only
 * when no pair can be made at all.
 */
export function pairQuantities(
  targets: readonly Quantity[],
  actuals: readonly Quantity[],
  profile: Profile
): { pairs: { t: Quantity; b: Quantity }[]; leftOut: Quantity[] } | null {
  if (targets.length === 1 && actuals.length === 1)
    return { pairs: [{ t: targets[0], b: actuals[0] }], leftOut: [] };
  if (targets.length === 0 || actuals.length === 0) return null;
  const used = new Set<number>();
  const pairs: { t: Quantity; b: Quantity }[] = [];
  const leftOut: Quantity[] = [];
  for (const t of targets) {
    let found = -1;
    for (let i = 0; i < actuals.length && found < 0; i++) {
      if (used.has(i)) continue;
      const b = actuals[i];
      if (
        b.unit === t.unit &&
        b.per === t.per &&
        (t.unit !== "" || targets.length === actuals.length)
      )
        found = i;
    }
    for (let i = 0; i < actuals.length && found < 0; i++) {
      if (!used.has(i) && equivalent(t.unit, actuals[i].unit, profile)) found = i;
    }
    if (found < 0) {
      leftOut.push(t);
      continue;
    }
    used.add(found);
    pairs.push({ t, b: actuals[found] });
  }
  return pairs.length > 0 ? { pairs, leftOut } : null;
}
