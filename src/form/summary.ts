import type Decimal from "decimal.js";
import { budgetScale } from "../engine/budget";
import { Dec, plain, ZERO } from "../engine/decimal";
import { KIND_NAMES } from "../engine/prompts";
import type { CellScalar, Form, FormResult } from "../engine/types";
import { parseAddress } from "../address";
import { CHART_ROWS, profileShortName } from "./layout/words";
import type { SheetOutcome } from "./pipeline";

/**
 * The 评分汇总 content (domain §7), as plain rows: one row per form, the counts and averages
 * finance reports print, the grade distribution (for a chart), every prompt sorted by sheet and
 * cell, and the tabs that are not forms with the reason. Pure. How it looks (widths, formats,
 * borders, page setup, chart place) is src/form/layout/summaryLayout.ts.
 */
export const SUMMARY_SHEET = "评分汇总";

export type SummaryCell = CellScalar | { readonly text: string; readonly link: string };

/** A table of the summary: 0-based row indexes of its heading and of its last data row. */
export interface SummaryTable {
  readonly heading: number;
  readonly last: number;
}

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
  /** The tables, for the layout: forms, grade counts, prompts, sheets not scored. */
  readonly tables: {
    readonly forms: SummaryTable;
    readonly grades: SummaryTable;
    readonly prompts: SummaryTable;
    readonly skipped: SummaryTable | null;
  };
  /** 0-based rows of free text (the band sentence, the colour key, "no chart" sentence). */
  readonly textRows: number[];
  /** 0-based row of the colour key (its cells 1–3 are filled by severity). */
  readonly keyRow: number;
  readonly forms: number;
  /** Forms with a total (the chart is drawn only when there is one). */
  readonly scored: number;
  readonly average: Decimal | null;
  readonly weightedAverage: Decimal | null;
  readonly bandSentence: string;
}

const GRADES = ["优", "良", "中", "差"] as const;
const WAN = new Dec(10000);

/** Column headings of the forms table (the layout's formats follow these positions). */
export const FORM_COLUMNS = [
  "工作表",
  "项目名称",
  "规则",
  "全年预算数（万元）",
  "全年执行数（万元）",
  "执行率",
  "总分",
  "等级",
  "提示条数",
] as const;

export const PROMPT_COLUMNS = ["工作表", "说明", "单元格", "提示类型"] as const;

export const NO_CHART_SENTENCE = "尚无已评分的表，不生成等级分布图";

function link(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

function num(d: Decimal | null): CellScalar {
  return d === null ? null : Number(plain(d));
}

/** An amount of the form's budget block in 万元, two decimals (元 amounts converted). */
function wan(form: Form, shown: Decimal | null): Decimal | null {
  if (shown === null) return null;
  const scale = form.budget ? budgetScale(form.budget).scale : WAN;
  return shown.times(scale).dividedBy(WAN).toDecimalPlaces(2);
}

/**
 * "共评价项目14个，其中90分（含）以上12个，80（含）-90分2个，60（含）-80分0个，60分以下0个"; forms
 * without a total are named: "…，另有1个待人工评分".
 */
export function bandSentence(totals: readonly (Decimal | null)[]): string {
  const scored = totals.filter((t): t is Decimal => t !== null);
  const count = (lo: number, hi: number | null): number =>
    scored.filter((t) => t.greaterThanOrEqualTo(lo) && (hi === null || t.lessThan(hi))).length;
  const pending = totals.length - scored.length;
  return (
    `共评价项目${totals.length}个，其中90分（含）以上${count(90, null)}个，80（含）-90分${count(80, 90)}个，60（含）-80分${count(60, 80)}个，60分以下${count(0, 60)}个` +
    (pending > 0 ? `，另有${pending}个待人工评分` : "")
  );
}

/** Prompts in sheet order (as the workbook has them), then by row, then by column. */
function sortedPrompts(
  all: readonly { sheet: string; result: FormResult }[]
): { sheet: string; cell: string; kind: string; message: string }[] {
  const order = new Map<string, number>();
  for (const { sheet } of all) if (!order.has(sheet)) order.set(sheet, order.size);
  const key = (cell: string): [number, number] => {
    try {
      const p = parseAddress(cell);
      return [p.row, p.col];
    } catch {
      return [0, 0];
    }
  };
  return all
    .flatMap(({ sheet, result }) =>
      result.prompts.map((p) => ({
        sheet,
        cell: p.cell,
        kind: KIND_NAMES[p.kind],
        message: p.message,
      }))
    )
    .map((p, i) => ({ p, i, k: key(p.cell) }))
    .sort(
      (a, b) =>
        (order.get(a.p.sheet) ?? 0) - (order.get(b.p.sheet) ?? 0) ||
        a.k[0] - b.k[0] ||
        a.k[1] - b.k[1] ||
        a.i - b.i
    )
    .map((x) => x.p);
}

export function buildSummary(
  outcomes: readonly SheetOutcome[],
  sheetName = SUMMARY_SHEET
): Summary {
  const rows: SummaryCell[][] = [];
  const headingRows: number[] = [];
  const textRows: number[] = [];
  const heading = (cells: SummaryCell[]): number => {
    headingRows.push(rows.length);
    rows.push(cells);
    return rows.length - 1;
  };
  const text = (t: string): void => {
    textRows.push(rows.length);
    rows.push([t]);
  };
  const formsHeading = heading([...FORM_COLUMNS]);
  const all = outcomes.flatMap((o) => o.forms.map((f) => ({ sheet: o.sheet, ...f })));
  const totals: (Decimal | null)[] = [];
  let weightedSum = ZERO;
  let weightSum = ZERO;
  for (const { sheet, form, result } of all) {
    const b = result.budget;
    const annual = wan(form, b?.annual ?? null);
    rows.push([
      {
        text:
          all.filter((x) => x.sheet === sheet).length > 1 ? `${sheet}（${form.anchor}）` : sheet,
        link: link(sheet, form.anchor),
      },
      result.project || "（未填项目名称）",
      profileShortName(result.profile),
      num(annual),
      num(wan(form, b?.executed ?? null)),
      b?.rate ? num(b.rate.toDecimalPlaces(6)) : null,
      num(result.total),
      result.grade ?? (result.total === null ? "待人工评分" : null),
      result.prompts.length,
    ]);
    totals.push(result.total);
    if (result.total !== null && annual) {
      weightedSum = weightedSum.plus(result.total.times(annual));
      weightSum = weightSum.plus(annual);
    }
  }
  const formsLast = rows.length - 1;
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
  text(sentence);
  rows.push([]);
  const gradesHeading = heading(["等级", "表数"]);
  const firstGradeRow = rows.length;
  for (const g of GRADES) rows.push([g, all.filter((x) => x.result.grade === g).length]);
  const lastGradeRow = rows.length - 1;
  if (scored.length === 0) text(NO_CHART_SENTENCE);
  // the chart stands beside the grade counts: the rows it covers stay free
  else while (rows.length < gradesHeading + CHART_ROWS) rows.push([]);
  rows.push([]);
  const keyRow = rows.length;
  textRows.push(keyRow);
  rows.push(["颜色说明", "红：错误", "黄：警告", "蓝：提示"]);
  const promptsHeading = heading([...PROMPT_COLUMNS]);
  for (const p of sortedPrompts(all))
    rows.push([{ text: p.sheet, link: link(p.sheet, p.cell) }, p.message, p.cell, p.kind]);
  const promptsLast = rows.length - 1;
  let skippedTable: SummaryTable | null = null;
  const skipped = outcomes.filter((o) => o.skipped);
  if (skipped.length) {
    rows.push([]);
    const h = heading(["未评分的工作表", "原因"]);
    for (const o of skipped) rows.push([o.sheet, o.skipped]);
    skippedTable = { heading: h, last: rows.length - 1 };
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
    tables: {
      forms: { heading: formsHeading, last: formsLast },
      grades: { heading: gradesHeading, last: lastGradeRow },
      prompts: { heading: promptsHeading, last: promptsLast },
      skipped: skippedTable,
    },
    textRows,
    keyRow,
    forms: all.length,
    scored: scored.length,
    average,
    weightedAverage,
    bandSentence: sentence,
  };
}
