import type Decimal from "decimal.js";
import { plain, ZERO } from "../engine/decimal";
import { KIND_NAMES } from "../engine/prompts";
import type { CellScalar } from "../engine/types";
import type { SheetOutcome } from "./pipeline";

/**
 * The 评分汇总 sheet (domain §7), as plain rows: one row per form, the counts and averages
 * finance reports print, the grade distribution (for a chart), every prompt, and the tabs that
 * are not forms with the reason. Pure.
 */
export const SUMMARY_SHEET = "评分汇总";

export type SummaryCell = CellScalar | { readonly text: string; readonly link: string };

export interface Summary {
  readonly rows: SummaryCell[][];
  /** 0-based indexes of heading rows. */
  readonly headingRows: number[];
  /** Where the grade counts stand, for a chart: A1 ranges of the categories and the values. */
  readonly gradeRange: {
    readonly categories: string;
    readonly values: string;
    readonly firstRow: number;
  };
  readonly forms: number;
  readonly average: Decimal | null;
  readonly weightedAverage: Decimal | null;
  readonly bandSentence: string;
}

const GRADES = ["优", "良", "中", "差"] as const;

function link(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

function num(d: Decimal | null): CellScalar {
  return d === null ? null : Number(plain(d));
}

/** "共评价项目14个，其中90分（含）以上12个，80（含）-90分2个，60（含）-80分0个，60分以下0个" */
export function bandSentence(totals: readonly (Decimal | null)[]): string {
  const scored = totals.filter((t): t is Decimal => t !== null);
  const count = (lo: number, hi: number | null): number =>
    scored.filter((t) => t.greaterThanOrEqualTo(lo) && (hi === null || t.lessThan(hi))).length;
  return `共评价项目${totals.length}个，其中90分（含）以上${count(90, null)}个，80（含）-90分${count(80, 90)}个，60（含）-80分${count(60, 80)}个，60分以下${count(0, 60)}个`;
}

export function buildSummary(
  outcomes: readonly SheetOutcome[],
  sheetName = SUMMARY_SHEET
): Summary {
  const rows: SummaryCell[][] = [];
  const headingRows: number[] = [];
  const heading = (cells: SummaryCell[]): void => {
    headingRows.push(rows.length);
    rows.push(cells);
  };
  heading([
    "工作表",
    "项目名称",
    "规则",
    "全年预算数（万元）",
    "全年执行数（万元）",
    "执行率",
    "总分",
    "等级",
    "提示条数",
  ]);
  const all = outcomes.flatMap((o) => o.forms.map((f) => ({ sheet: o.sheet, ...f })));
  const totals: (Decimal | null)[] = [];
  let weightedSum = ZERO;
  let weightSum = ZERO;
  for (const { sheet, form, result } of all) {
    const b = result.budget;
    rows.push([
      {
        text:
          all.filter((x) => x.sheet === sheet).length > 1 ? `${sheet}（${form.anchor}）` : sheet,
        link: link(sheet, form.anchor),
      },
      result.project || "（未填项目名称）",
      result.profile,
      num(b?.annual ?? null),
      num(b?.executed ?? null),
      b?.rate ? `${plain(b.rate.times(100).toDecimalPlaces(2))}%` : null,
      num(result.total),
      result.grade,
      result.prompts.length,
    ]);
    totals.push(result.total);
    if (result.total !== null && b?.annual) {
      weightedSum = weightedSum.plus(result.total.times(b.annual));
      weightSum = weightSum.plus(b.annual);
    }
  }
  const scored = totals.filter((t): t is Decimal => t !== null);
  const average = scored.length
    ? scored
        .reduce((s, t) => s.plus(t), ZERO)
        .dividedBy(scored.length)
        .toDecimalPlaces(2)
    : null;
  const weightedAverage = weightSum.isZero()
    ? null
    : weightedSum.dividedBy(weightSum).toDecimalPlaces(2);
  const sentence = bandSentence(totals);
  rows.push([]);
  rows.push(["评价表数", all.length]);
  rows.push(["平均分（简单平均）", num(average)]);
  rows.push(["平均分（按全年预算数加权）", num(weightedAverage)]);
  rows.push([sentence]);
  rows.push([]);
  heading(["等级", "表数"]);
  const firstGradeRow = rows.length;
  for (const g of GRADES) rows.push([g, all.filter((x) => x.result.grade === g).length]);
  const lastGradeRow = rows.length - 1;
  rows.push([]);
  heading(["工作表", "单元格", "提示类型", "说明"]);
  for (const { sheet, result } of all) {
    for (const p of result.prompts)
      rows.push([
        { text: sheet, link: link(sheet, p.cell) },
        p.cell,
        KIND_NAMES[p.kind],
        p.message,
      ]);
  }
  const skipped = outcomes.filter((o) => o.skipped);
  if (skipped.length) {
    rows.push([]);
    heading(["未评分的工作表", "原因"]);
    for (const o of skipped) rows.push([o.sheet, o.skipped]);
  }
  const ref = (col: string, row: number): string => `${link(sheetName, `$${col}$${row + 1}`)}`;
  return {
    rows,
    headingRows,
    gradeRange: {
      categories: `${ref("A", firstGradeRow)}:$A$${lastGradeRow + 1}`,
      values: `${ref("B", firstGradeRow)}:$B$${lastGradeRow + 1}`,
      firstRow: firstGradeRow,
    },
    forms: all.length,
    average,
    weightedAverage,
    bandSentence: sentence,
  };
}
