import { cellText, normalizeHeader } from "../engine/text";
import type { CellScalar, Form } from "../engine/types";
import { type Grid } from "../form/grid";
import { parseAddress, parseRange } from "../address";
import { formRows } from "../form/recognize";
import { cellWords, withoutCode } from "./format";
import { IDENTITY_LABELS, INLINE_UNIT, YEAR } from "./words";

/**
 * What the report's 项目基本情况 needs and recognition does not keep: 主管部门, 实施单位, the year,
 * the 年度总体目标 (expected and achieved) and a form's own 改进措施 text, found on the form's sheet
 * by their labels, between the form's title and its indicator table (or just below the form).
 * Pure; a field that is not on the sheet is null (the report then shows a placeholder).
 */
export interface FormIdentity {
  readonly department: string | null;
  readonly implementer: string | null;
  readonly unit: string | null;
  readonly year: string | null;
  readonly goalExpected: string | null;
  readonly goalActual: string | null;
  readonly measures: string | null;
}

interface Lookup {
  readonly at: (row: number, col: number) => CellScalar;
  /** The last column of the merged area starting at (row, col), or col. */
  readonly spanEnd: (row: number, col: number) => number;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function lookup(grid: Grid): Lookup {
  const o = parseAddress(grid.origin);
  const ends = new Map<string, number>();
  for (const m of grid.merges) {
    const r = parseRange(m);
    ends.set(`${r.top},${r.left}`, r.right);
  }
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  return {
    at: (row, col) => grid.values[row - o.row]?.[col - o.col] ?? null,
    spanEnd: (row, col) => ends.get(`${row},${col}`) ?? col,
    top: o.row,
    left: o.col,
    bottom: o.row + grid.values.length - 1,
    right: o.col + width - 1,
  };
}

const label = (v: CellScalar): string => normalizeHeader(cellText(v));
const isLabel = (v: CellScalar): boolean =>
  Object.values(IDENTITY_LABELS).some((re) => re.test(label(v)));

/** The first non-empty cell right of a label in its row, unless it is itself a label. */
function valueRightOf(g: Lookup, row: number, col: number): string | null {
  for (let c = g.spanEnd(row, col) + 1; c <= g.right; c++) {
    const v = g.at(row, c);
    if (cellText(v).trim() === "") continue;
    return isLabel(v) ? null : cellWords(v) || null;
  }
  return null;
}

function findLabel(
  g: Lookup,
  re: RegExp,
  top: number,
  bottom: number
): { row: number; col: number } | null {
  for (let r = top; r <= bottom; r++)
    for (let c = g.left; c <= g.right; c++)
      if (re.test(label(g.at(r, c)))) return { row: r, col: c };
  return null;
}

function labelled(g: Lookup, re: RegExp, top: number, bottom: number): string | null {
  const at = findLabel(g, re, top, bottom);
  return at ? valueRightOf(g, at.row, at.col) : null;
}

/** 年度总体目标: the 预期目标 / 实际完成情况 headings in its row, their texts in the row below. */
function goals(
  g: Lookup,
  top: number,
  bottom: number
): { expected: string | null; actual: string | null } {
  const at = findLabel(g, IDENTITY_LABELS.goal, top, bottom);
  if (!at) return { expected: null, actual: null };
  let expected: string | null = null;
  let actual: string | null = null;
  for (let c = at.col + 1; c <= g.right; c++) {
    const head = label(g.at(at.row, c));
    const below = cellWords(g.at(at.row + 1, c)) || null;
    if (expected === null && IDENTITY_LABELS.goalExpected.test(head)) expected = below;
    else if (actual === null && IDENTITY_LABELS.goalActual.test(head)) actual = below;
  }
  return { expected, actual };
}

export function formIdentity(grid: Grid | undefined, form: Form): FormIdentity {
  const none: FormIdentity = {
    department: null,
    implementer: null,
    unit: null,
    year: null,
    goalExpected: null,
    goalActual: null,
    measures: null,
  };
  if (!grid || grid.values.length === 0) return none;
  const g = lookup(grid);
  const span = formRows(form);
  const firstIndicator = form.indicators[0]?.row ?? span.bottom;
  const top = Math.max(g.top, span.top);
  const head = Math.min(firstIndicator - 1, g.bottom);
  let year: string | null = null;
  let inlineUnit: string | null = null;
  for (let r = top; r <= head; r++)
    for (let c = g.left; c <= g.right; c++) {
      const t = cellText(g.at(r, c));
      year ??= YEAR.exec(t)?.[1] ?? null;
      inlineUnit ??= INLINE_UNIT.exec(t)?.[1] ?? null;
    }
  const goal = goals(g, top, head);
  return {
    department: withoutCode(labelled(g, IDENTITY_LABELS.department, top, head)),
    implementer: withoutCode(labelled(g, IDENTITY_LABELS.implementer, top, head)),
    unit: withoutCode(labelled(g, IDENTITY_LABELS.unit, top, head) ?? inlineUnit),
    year,
    goalExpected: goal.expected,
    goalActual: goal.actual,
    measures: labelled(
      g,
      IDENTITY_LABELS.measures,
      span.bottom,
      Math.min(span.bottom + 4, g.bottom)
    ),
  };
}
