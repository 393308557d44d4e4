/**
 * Layout-only edits of a sheet's grid, as real templates differ (issue 11 §1): rows inserted
 * (placeholder rows, a second header row), the 总分 value merged across its row, header words
 * swapped for their synonyms. Nothing an accountant reads changes.
 */
import { normalizeHeader } from "../../src/engine/text";
import type { CellScalar } from "../../src/engine/types";
import { type Grid } from "../../src/form/grid";
import { columnLetters, parseRange } from "../../src/address";
import { INDICATOR_HEADERS, type IndicatorField } from "../../src/form/vocabulary";

const range = (top: number, left: number, bottom: number, right: number): string =>
  `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;

function cloneValues(g: Grid): CellScalar[][] {
  const width = Math.max(...g.values.map((r) => r.length));
  return g.values.map((r) => [...r, ...Array<CellScalar>(width - r.length).fill(null)]);
}

/** Insert a row after `after` (1-based, grid from A1); merges spanning the gap grow over it. */
export function insertRowAfter(g: Grid, after: number, cells: (col: number) => CellScalar): Grid {
  const values = cloneValues(g);
  const formats = g.numberFormats?.map((r) => r.slice());
  values.splice(
    after,
    0,
    values[0].map((_, c) => cells(c + 1))
  );
  formats?.splice(
    after,
    0,
    values[0].map(() => null)
  );
  const merges = g.merges.map((m) => {
    const r = parseRange(m);
    if (r.top > after) return range(r.top + 1, r.left, r.bottom + 1, r.right);
    if (r.bottom > after) return range(r.top, r.left, r.bottom + 1, r.right);
    return m;
  });
  return { ...g, values, numberFormats: formats, merges };
}

/** The row (1-based) and columns of the indicator header: the row holding 三级指标. */
export function indicatorHeader(
  g: Grid
): { row: number; cols: Partial<Record<IndicatorField, number>> } | null {
  const row = g.values.findIndex((r) =>
    r.some((v) => normalizeHeader(String(v ?? "")) === "三级指标")
  );
  if (row < 0) return null;
  const cols: Partial<Record<IndicatorField, number>> = {};
  g.values[row].forEach((v, c) => {
    const t = normalizeHeader(String(v ?? ""));
    for (const f of Object.keys(INDICATOR_HEADERS) as IndicatorField[])
      if (cols[f] === undefined && INDICATOR_HEADERS[f].words.map(normalizeHeader).includes(t))
        cols[f] = c + 1;
  });
  return { row: row + 1, cols };
}

/** Header words of the indicator table swapped for synonyms (pick: index into the vocabulary). */
export function swapSynonyms(g: Grid, pick: number): Grid {
  const h = indicatorHeader(g);
  if (!h) return g;
  const values = cloneValues(g);
  for (const f of ["target", "actual", "weight", "score"] as const) {
    const c = h.cols[f];
    if (c === undefined) continue;
    const words = INDICATOR_HEADERS[f].words;
    values[h.row - 1][c - 1] = words[pick % words.length];
  }
  return { ...g, values };
}

/**
 * The header split over two rows: every header cell merged down over a second row, which names
 * the value parts under the target and the actual (指标值, 完成值).
 */
export function splitHeader(g: Grid): Grid {
  const h = indicatorHeader(g);
  if (!h) return g;
  const { target, actual } = h.cols;
  const grown = insertRowAfter(g, h.row, (c) =>
    c === target ? "指标值" : c === actual ? "完成值" : null
  );
  const covered = grown.merges.map(parseRange).filter((m) => m.top <= h.row && m.bottom > h.row);
  const merges = [...grown.merges];
  grown.values[h.row - 1].forEach((v, i) => {
    const c = i + 1;
    if (v === null || v === "" || c === target || c === actual) return;
    if (covered.some((m) => c >= m.left && c <= m.right)) return;
    merges.push(range(h.row, c, h.row + 1, c));
  });
  return { ...grown, merges };
}

/** Template placeholder rows after the indicator rows given (1-based sheet rows, bottom first). */
export function insertPlaceholders(
  g: Grid,
  afterRows: readonly number[],
  kind: "label" | "dashes"
): Grid {
  const h = indicatorHeader(g);
  if (!h || h.cols.name === undefined) return g;
  const name = h.cols.name;
  const last = Math.max(...(Object.values(h.cols) as number[]));
  let out = g;
  for (const r of [...afterRows].sort((a, b) => b - a))
    out = insertRowAfter(out, r, (c) =>
      kind === "label" ? (c === name ? "指标1：" : null) : c >= name && c <= last ? "/" : null
    );
  return out;
}

/** The 总分 row's score moved into one cell merged from right of the label to the table's end. */
export function mergeTotal(g: Grid): Grid {
  const h = indicatorHeader(g);
  if (!h || h.cols.score === undefined) return g;
  const rowIndex = g.values.findIndex(
    (r, i) => i >= h.row && r.some((v) => normalizeHeader(String(v ?? "")) === "总分")
  );
  if (rowIndex < 0) return g;
  const values = cloneValues(g);
  const row = values[rowIndex];
  const labelCol = row.findIndex((v) => normalizeHeader(String(v ?? "")) === "总分") + 1;
  const labelMerge = g.merges
    .map(parseRange)
    .find((m) => m.top === rowIndex + 1 && m.left === labelCol);
  const first = (labelMerge?.right ?? labelCol) + 1;
  const last = Math.max(...(Object.values(h.cols) as number[]));
  const score = row[h.cols.score - 1];
  const inRow = g.merges
    .map(parseRange)
    .filter((m) => m.top <= rowIndex + 1 && m.bottom >= rowIndex + 1);
  if (
    first > h.cols.score ||
    inRow.some((m) => m.right >= first && m.left <= last && m.left !== labelCol)
  )
    return g;
  for (let c = first; c <= last; c++) row[c - 1] = null;
  row[first - 1] = score;
  const formats = g.numberFormats?.map((r) => r.slice());
  if (formats)
    formats[rowIndex][first - 1] = g.numberFormats?.[rowIndex]?.[h.cols.score - 1] ?? null;
  return {
    ...g,
    values,
    numberFormats: formats,
    merges: [...g.merges, range(rowIndex + 1, first, rowIndex + 1, last)],
  };
}

/**
 * The weight column moved before the target (分值 | 年度指标值 | 实际完成值 | 得分) in the table's
 * rows, from its header to its 总分 row; the grid unchanged where a merge crosses those columns.
 */
export function moveWeightFirst(g: Grid): Grid {
  const h = indicatorHeader(g);
  const { weight, target } = h?.cols ?? {};
  if (!h || weight === undefined || target === undefined || weight < target) return g;
  let last = g.values.findIndex(
    (r, i) => i >= h.row && r.some((v) => normalizeHeader(String(v ?? "")) === "总分")
  );
  last = last < 0 ? g.values.length : last + 1;
  const crosses = (from: number, to: number): boolean =>
    g.merges
      .map(parseRange)
      .some((m) => m.bottom >= from && m.top <= to && m.right >= target && m.left <= weight);
  // a 总分 row merged across those columns keeps its cells (its label spans them)
  if (crosses(last, last)) last -= 1;
  if (crosses(h.row, last)) return g;
  const values = cloneValues(g);
  const formats = g.numberFormats?.map((r) => r.slice());
  for (let r = h.row - 1; r < last; r++)
    for (const grid of [values, formats]) {
      const row = grid?.[r];
      if (!row) continue;
      const [w] = row.splice(weight - 1, 1);
      row.splice(target - 1, 0, w);
    }
  return { ...g, values, numberFormats: formats };
}

const SIGNED = /^(>=|<=|≥|≤|≧|≦|>|<|＞|＜|=|＝)?\s*(\d+(?:\.\d+)?)\s*(\D.*)?$/s;

/**
 * The target split over 指标性质 | 指标值 | 度量单位 (Yunnan): two columns inserted after the target,
 * the header merged over the three with a second header row naming them, each target written as
 * sign, value and unit where it has that shape (else all of it in 指标值).
 */
export function splitTargetColumns(g: Grid): Grid {
  const h = indicatorHeader(g);
  const t = h?.cols.target;
  if (!h || t === undefined) return g;
  const parsed = g.merges.map(parseRange);
  if (parsed.some((m) => m.left <= t && m.right >= t && m.top <= h.row && m.bottom >= h.row))
    return g;
  const values = cloneValues(g).map((r) => [...r.slice(0, t), null, null, ...r.slice(t)]);
  const formats = g.numberFormats?.map((r) => [...r.slice(0, t), null, null, ...r.slice(t)]);
  const merges = parsed.map((m) =>
    m.left > t
      ? range(m.top, m.left + 2, m.bottom, m.right + 2)
      : m.right >= t
        ? range(m.top, m.left, m.bottom, m.right + 2)
        : range(m.top, m.left, m.bottom, m.right)
  );
  let end = values.findIndex(
    (r, i) => i >= h.row && r.some((v) => normalizeHeader(String(v ?? "")) === "总分")
  );
  end = end < 0 ? values.length : end;
  for (let r = h.row; r < end; r++) {
    const row = values[r];
    const v = row[t - 1];
    if (typeof v !== "string") {
      row[t] = v;
      if (formats?.[r]) formats[r][t] = formats[r][t - 1];
      row[t - 1] = null;
      continue;
    }
    const m = SIGNED.exec(v.trim());
    row[t - 1] = m?.[1] ?? null;
    row[t] = m ? m[2] : v;
    row[t + 1] = m?.[3]?.trim() || null;
  }
  const wide: Grid = { ...g, values, numberFormats: formats, merges };
  const grown = insertRowAfter(wide, h.row, (c) =>
    c === t ? "指标性质" : c === t + 1 ? "指标值" : c === t + 2 ? "度量单位" : null
  );
  const covered = grown.merges.map(parseRange).filter((m) => m.top <= h.row && m.bottom > h.row);
  const out = [...grown.merges, range(h.row, t, h.row, t + 2)];
  grown.values[h.row - 1].forEach((v, i) => {
    const c = i + 1;
    if (v === null || v === "" || (c >= t && c <= t + 2)) return;
    if (covered.some((m) => c >= m.left && c <= m.right)) return;
    out.push(range(h.row, c, h.row + 1, c));
  });
  return { ...grown, merges: out };
}
