import type { SheetView } from "./sheetView";
import {
  BLOCK_LABEL,
  IGNORED_HEADERS,
  INDICATOR_HEADERS,
  PART_HEADERS,
  fieldLookup,
  matcher,
  type IndicatorField,
  type PartField,
} from "./vocabulary";

/** Where a quantity's parts stand when the target (or actual) is split over columns. */
export interface SplitColumns {
  readonly sign?: number;
  readonly unit?: number;
}

export interface IndicatorHeader {
  readonly row: number;
  /** The first row below the header (two-row headers: below the second). */
  readonly dataRow: number;
  readonly cols: Partial<Record<IndicatorField, number>>;
  /** Target and actual split over columns (Yunnan: 指标性质 | 指标值 | 度量单位). */
  readonly split: Partial<Record<"target" | "actual", SplitColumns>>;
  readonly labelCell: { row: number; col: number } | null;
  /** Header texts right of the level columns that name no field (domain §9's 未识别的表头). */
  readonly unknown: readonly string[];
}

const indicatorFields = fieldLookup(INDICATOR_HEADERS);
const partFields = fieldLookup(PART_HEADERS);
const isIgnored = matcher(IGNORED_HEADERS);
const isBlockLabel = matcher(BLOCK_LABEL);

/** Every indicator-table header row of a sheet: two of the level words and a target or actual. */
export function findIndicatorHeaders(v: SheetView): IndicatorHeader[] {
  const headers: IndicatorHeader[] = [];
  for (let row = v.top; row <= v.bottom; row++) {
    const cols: Partial<Record<IndicatorField, number>> = {};
    for (let col = v.left; col <= v.right; col++) {
      if (typeof v.raw(row, col) !== "string") continue; // header words are text
      const t = v.norm(row, col);
      if (t === "") continue;
      for (const field of indicatorFields(t)) if (cols[field] === undefined) cols[field] = col;
    }
    const levels = [cols.level1, cols.level2, cols.name].filter((c) => c !== undefined).length;
    if (levels < 2) continue;
    fromAbove(v, row, cols);
    if (cols.target === undefined && cols.actual === undefined) continue;
    const first = Math.min(...(Object.values(cols) as number[]));
    let label: { row: number; col: number } | null = null;
    for (let col = first - 1; col >= v.left; col--) {
      if (!v.isEmpty(row, col)) {
        label = { row, col };
        break;
      }
    }
    const { split, sub } = splitColumns(v, row, cols);
    const unknown = unknownTexts(v, sub ? [row, row + 1] : [row], first);
    headers.push({ row, dataRow: row + (sub ? 2 : 1), cols, split, labelCell: label, unknown });
  }
  return headers;
}

/** The header texts from the first field's column on that name no field, part or known aside. */
function unknownTexts(v: SheetView, rows: readonly number[], first: number): string[] {
  const out: string[] = [];
  for (const row of rows)
    for (let col = first; col <= v.right; col++) {
      if (typeof v.raw(row, col) !== "string") continue;
      const t = v.norm(row, col);
      if (t === "" || indicatorFields(t).length || partFields(t).length) continue;
      if (isIgnored(t) || isBlockLabel(t)) continue;
      out.push(v.text(row, col).trim());
    }
  return out;
}

/**
 * A two-row header whose level words stand on the lower row (Yunnan: 绩效指标 | 年度指标值 over
 * 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位): the fields the row does not print
 * are the cells merged down into it from the row above (实际完成值, 分值, 得分 over G11:G12 …).
 */
function fromAbove(v: SheetView, row: number, cols: Partial<Record<IndicatorField, number>>): void {
  for (let col = v.left; col <= v.right; col++) {
    const m = v.merge(row, col);
    if (!m || m.top >= row || m.left !== col || typeof v.raw(m.top, m.left) !== "string") continue;
    for (const field of indicatorFields(v.norm(m.top, m.left)))
      if (cols[field] === undefined) cols[field] = col;
  }
}

/**
 * Parts of the target and actual: 指标性质 | 指标值 | 度量单位 on the row under a merged 年度指标值
 * (a two-row header), or a 度量单位 column beside them on the header row itself. The value part
 * becomes the field's column; the sign and unit columns are composed with it when a row is read.
 */
function splitColumns(
  v: SheetView,
  row: number,
  cols: Partial<Record<IndicatorField, number>>
): { split: IndicatorHeader["split"]; sub: boolean } {
  const split: {
    target?: { sign?: number; unit?: number };
    actual?: { sign?: number; unit?: number };
  } = {};
  const owners = (["target", "actual"] as const).filter((f) => cols[f] !== undefined);
  if (owners.length === 0) return { split, sub: false };
  const taken = new Set(Object.values(cols) as number[]);
  // the field a part column belongs to: the merged header above it, else the nearest field
  const ownerOf = (col: number, part: PartField): "target" | "actual" | null => {
    const m = v.merge(row, col);
    if (m && m.right > m.left) for (const f of owners) if (cols[f] === m.left) return f;
    let best: "target" | "actual" | null = null;
    let dist = Infinity;
    for (const f of owners) {
      const d = (col - (cols[f] as number)) * (part === "sign" ? -1 : 1);
      if (d >= 0 && d <= 2 && d < dist) [best, dist] = [f, d];
    }
    return best;
  };
  const place = (r: number, onHeaderRow: boolean): number => {
    let found = 0;
    for (let col = v.left; col <= v.right; col++) {
      if (onHeaderRow && taken.has(col)) continue;
      const parts = partFields(v.norm(r, col));
      if (parts.length === 0) continue;
      const part = parts[0];
      const owner = ownerOf(col, part);
      if (!owner) continue;
      found++;
      if (part === "value") cols[owner] = col;
      else (split[owner] ??= {})[part] = col;
    }
    return found;
  };
  let sub = false;
  if (row + 1 <= v.bottom && hasParts(v, row + 1)) sub = place(row + 1, false) > 0;
  place(row, true);
  shareUnit(split, cols);
  return { split, sub };
}

/**
 * One unit column after the actual and none for the target (Inner Mongolia: 年度指标值 | 实际完成值 |
 * 计量单位) is the unit of both.
 */
function shareUnit(
  split: { target?: { sign?: number; unit?: number }; actual?: { sign?: number; unit?: number } },
  cols: Partial<Record<IndicatorField, number>>
): void {
  const unit = split.actual?.unit;
  const { target, actual } = cols;
  if (unit === undefined || split.target?.unit !== undefined) return;
  if (target === undefined || actual === undefined || !(target < actual && actual < unit)) return;
  (split.target ??= {}).unit = unit;
}

/**
 * A second header row: only part words (指标性质, 指标值, 度量单位, 完成值) and header words under the
 * first, at least one of them a part.
 */
function hasParts(v: SheetView, row: number): boolean {
  let parts = false;
  for (let col = v.left; col <= v.right; col++) {
    const t = v.norm(row, col);
    if (t === "") continue;
    if (partFields(t).length > 0) parts = true;
    else if (indicatorFields(t).length === 0) return false;
  }
  return parts;
}
