/**
 * The seed tables (../shared/seeds/cases) laid out as the sheets an accountant's Excel file would
 * hold: title, year and subtitle lines, identity rows, the budget block with its header texts as
 * printed, the goals, the indicator table with level-1 and level-2 cells merged down over their
 * rows, the 总分 row, Hubei's form-level reason block, and the notes printed after the tables.
 * Each layout id has its own template, taken from the seed text (a tab starts a cell there):
 *
 *   renhe-2023-completion-rate  8 columns A–H, all eight forms of seed 000 stacked on one sheet
 *   renhe-2022-text             6 columns A–F, 预算数：/执行数： as labels inside the budget rows
 *   wuhan-20-80                 7 columns A–G, （N分） in the level-1 text, reason rows, 备注 1–4
 *   changji-10-90-weights       14 columns A–N, the vertical label on the first indicator row
 *   changji-unit-overall-10-90  8 columns A–H, 资金来源 column, no 总分 row
 *   fengtai-10-90               9 columns A–I, 项目负责人 row, 填报注意事项 after the first table
 *
 * Layout quirks the extraction's notes describe are reproduced: Renhe's 满意度 rows one column
 * left and 000#5's 时效 row one column right (indicators[].cell_note), 000#1's budget block one
 * column left, 其他资金 in column A (notes), Hubei's "……" placeholder row, 004#10's blank level-3
 * cells merged into the one above.
 *
 * Numbers or text (one rule, `values: "typed"`, the default): a budget amount, 分值/权重, 执行率,
 * 完成率, 得分 or total is stored as a number where Excel, showing that number, would display exactly
 * what the seed prints: "322.06", "10", "98.75" and "0.75" become numbers in a General cell;
 * "90.32%", "100%" and "100.5%" become the fractions 0.9032, 1 and 1.005 in a "0.00%", "0%" or
 * "0.0%" cell (what Excel stores when an accountant types 90.32%). Everything else stays the text
 * the seed prints: "10.00", "5,526.10", "121.65" with trailing spaces, "92.53%%", "99.79分", "—", and every target,
 * actual, name and label (target and actual cells are text cells, number format "@": they carry
 * units and signs). `values: "text"` keeps every cell the string the extraction holds.
 */
import * as fs from "fs";
import * as path from "path";
import type { CellScalar } from "../../src/engine/types";
import { type Grid } from "../../src/form/grid";
import { toAddress } from "../../src/address";
import { SEEDS_DIR, type SeedTable } from "./seeds";

type SeedIndicator = SeedTable["indicators"][number];

/** The extraction's fields that seeds.ts does not type (all optional: the JSON has them). */
export type SeedIndicatorJson = SeedIndicator & {
  /** Columns the engine does not read, by header: 指标值设定依据, 上年完成情况, 佐证资料. */
  extra?: Record<string, string>;
  /** "level1 at column 0 instead of 1 (row shifted -1)". */
  cell_note?: string;
};

export type SeedTableJson = Omit<SeedTable, "indicators" | "meta"> & {
  year?: string;
  notes?: string;
  goals?: { expected: string | null; actual: string | null };
  indicators: SeedIndicatorJson[];
  meta: SeedTable["meta"] & {
    year_line?: string;
    subtitle_line?: string;
    dept?: string | null;
    dept_code?: string;
    category?: string;
    attribute?: string;
    type?: string;
    owner?: string;
    phone?: string;
  };
};

/** What a cell is, for the sample workbooks' styles. */
export type CellKind = "title" | "caption" | "header" | "label" | "text" | "number" | "note";

export interface SeedLayout {
  /** Row-major values from A1, rectangular (the used range); "" for an empty cell. */
  readonly rows: CellScalar[][];
  /** Merged areas, A1 ranges ("B12:B15"). */
  readonly merges: string[];
  /** Number formats aligned with rows: "General", "@" (text cells), "0.00%" (typed rates). */
  readonly numberFormats: string[][];
  /** What each cell is (null: nothing there), for styling. */
  readonly kinds: (CellKind | null)[][];
  /** The ranges of the form bodies (identity rows to the last row of the table): thin borders. */
  readonly bordered: string[];
  /** Column widths in Excel character units. */
  readonly columnWidths: number[];
  /** Each form on the sheet: table id (003#7) and its first and last row (1-based). */
  readonly forms: { id: string; top: number; bottom: number }[];
}

export interface LayoutOptions {
  /** "typed" (default): numbers where Excel would show the printed text (see the top); "text": strings. */
  readonly values?: "typed" | "text";
}

export interface SeedSheet {
  readonly sheet: string;
  readonly grid: Grid;
  readonly layout: SeedLayout;
}

// ---------------------------------------------------------------------------------------------
// Loading

const tableCache = new Map<string, SeedTableJson[]>();

/** The seed documents: 000_….txt … 004_….txt. */
export function seedFiles(): string[] {
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort();
}

/** The tables of one seed document; `seed` is its file name or its number ("000", "000_…txt"). */
export function loadSeedTables(seed: string): SeedTableJson[] {
  const file = resolveSeedFile(seed);
  let tables = tableCache.get(file);
  if (!tables) {
    const json = path.join(SEEDS_DIR, "cases", file.replace(/\.txt$/, ".json"));
    tables = JSON.parse(fs.readFileSync(json, "utf8")) as SeedTableJson[];
    tableCache.set(file, tables);
  }
  return tables;
}

function resolveSeedFile(seed: string): string {
  const prefix = seed.slice(0, 3);
  const file = seedFiles().find((f) => f === seed || f.startsWith(prefix));
  if (!file) throw new Error(`没有种子文件：${seed}`);
  return file;
}

export function tableId(t: SeedTable): string {
  return `${t.seed.slice(0, 3)}#${t.index}`;
}

const textCache = new Map<string, string[]>();

/** The seed text's lines (1-based index as source_line counts them: lines[0] is line 1). */
function seedLines(seedFile: string): string[] {
  let lines = textCache.get(seedFile);
  if (!lines) {
    lines = fs.readFileSync(path.join(SEEDS_DIR, seedFile), "utf8").split("\n");
    textCache.set(seedFile, lines);
  }
  return lines;
}

/** Lines [from, to) of the seed text (1-based) that belong to this table. */
function tableSpan(t: SeedTable): { from: number; to: number } {
  const tables = loadSeedTables(t.seed);
  const next = tables.find((x) => x.index === t.index + 1);
  const from = t.meta.source_line ?? 1;
  return { from, to: next?.meta.source_line ?? seedLines(t.seed).length + 1 };
}

/** 附件1： printed on the line (or the cell) just above the title. */
function attachmentLine(t: SeedTable): string | null {
  const lines = seedLines(t.seed);
  const from = t.meta.source_line ?? 1;
  for (let n = from - 1; n >= Math.max(1, from - 3); n--) {
    const s = lines[n - 1].replace(/\t/g, "").trim();
    if (/^附件\d+[：:]$/.test(s)) return s;
    if (s) break;
  }
  return null;
}

/** The notes printed after a table: 备注：1.–4. (Hubei), 填报注意事项：1.–4. (Fengtai, once). */
function notesAfter(t: SeedTable): string[] {
  const lines = seedLines(t.seed);
  const { from, to } = tableSpan(t);
  for (let n = from; n < to; n++) {
    const line = lines[n - 1];
    if (!/^\s*(备注|填报注意事项)[：:]\s*$/.test(line)) continue;
    // as printed, less the Word artefact "[bookmark: _GoBack]" (002#15); 002#12 and 002#13 print 1–2 only
    const clean = (l: string): string => l.replace(/\[bookmark: [^\]]*\]/g, "").trim();
    const out = [clean(line)];
    for (let m = n + 1; m < to && /^\s*\d+[.．、]/.test(clean(lines[m - 1])); m++)
      out.push(clean(lines[m - 1]));
    return out;
  }
  return [];
}

/**
 * The full text of a goal cell: the extraction keeps 80 characters of it; the seed text has it
 * whole (a cell runs to the next tab, or to the end of its row).
 */
function fullCellText(t: SeedTable, start: string | null | undefined): string | null {
  if (!start) return start ?? null;
  const text = seedLines(t.seed).join("\n");
  const { from } = tableSpan(t);
  const offset = seedLines(t.seed)
    .slice(0, from - 1)
    .reduce((n, l) => n + l.length + 1, 0);
  const at = text.indexOf(start, offset);
  if (at < 0) return start;
  const rest = text.slice(at);
  // Renhe 2023 prints one row a line; the Word dumps run a cell over lines until a tab or a blank line
  const end =
    t.layout === "renhe-2023-completion-rate" ? rest.search(/[\t\n]/) : rest.search(/\t|\n\s*\n/);
  const cell = (end < 0 ? rest : rest.slice(0, end)).replace(/\s+$/, "");
  return cell.startsWith(start) ? cell : start;
}

/** A Renhe line starting with 年度 … 目标 after the title: its first cell, letter-spacing and all. */
function renheGoalLabel(t: SeedTable): string {
  const lines = seedLines(t.seed);
  const { from, to } = tableSpan(t);
  for (let n = from; n < to; n++) {
    const first = lines[n - 1].split("\t")[0];
    if (/^年度\s*总\s*体\s*目\s*标$/.test(first.trim())) return first.trim();
  }
  return "年度总体目标";
}

// ---------------------------------------------------------------------------------------------
// Building a sheet

interface Placed {
  text: string;
  kind: CellKind;
  /** A budget amount, weight, rate, score or total: typed per the rule at the top. */
  typed?: boolean;
  /** A text column (targets and actuals): number format "@". */
  textFormat?: boolean;
}

/** Cells, merges and borders of one sheet, 1-based rows and columns; values are the printed strings. */
class SheetBuilder {
  readonly cells = new Map<string, Placed>();
  readonly merges: [number, number, number, number][] = [];
  readonly bordered: [number, number, number, number][] = [];
  readonly forms: { id: string; top: number; bottom: number }[] = [];
  width = 1;

  put(
    row: number,
    col: number,
    text: string | null | undefined,
    kind: CellKind,
    extra: Partial<Placed> = {}
  ): void {
    if (col < 1) return;
    if (text === null || text === undefined || text === "") {
      // an empty text cell of a text column still carries its format
      if (extra.textFormat) this.cells.set(`${row},${col}`, { text: "", kind, ...extra });
      return;
    }
    this.cells.set(`${row},${col}`, { text, kind, ...extra });
  }

  /** A value spanning columns c1..c2 of one row (merged when it spans more than one). */
  span(
    row: number,
    c1: number,
    c2: number,
    text: string | null | undefined,
    kind: CellKind,
    extra: Partial<Placed> = {}
  ): void {
    this.put(row, c1, text, kind, extra);
    this.merge(row, c1, row, c2);
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r2 > r1 || c2 > c1) this.merges.push([r1, c1, r2, c2]);
  }

  border(r1: number, r2: number, width: number): void {
    if (r2 >= r1) this.bordered.push([r1, 1, r2, width]);
  }

  layout(options: LayoutOptions, widths: number[]): SeedLayout {
    const typed = (options.values ?? "typed") === "typed";
    let height = 0;
    let width = 0;
    for (const [key, cell] of this.cells) {
      if (cell.text === "") continue;
      const [r, c] = key.split(",").map(Number);
      height = Math.max(height, r);
      width = Math.max(width, c);
    }
    const rows: CellScalar[][] = [];
    const numberFormats: string[][] = [];
    const kinds: (CellKind | null)[][] = [];
    for (let r = 1; r <= height; r++) {
      rows.push(new Array<CellScalar>(width).fill(""));
      numberFormats.push(new Array<string>(width).fill("General"));
      kinds.push(new Array<CellKind | null>(width).fill(null));
    }
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(",").map(Number);
      if (r > height || c > width) continue;
      const { value, format } =
        typed && cell.typed ? typedValue(cell.text) : { value: cell.text, format: null };
      rows[r - 1][c - 1] = value;
      numberFormats[r - 1][c - 1] = format ?? (cell.textFormat ? "@" : "General");
      kinds[r - 1][c - 1] = cell.kind;
    }
    // a merged area's other cells carry the first cell's format, as Excel keeps them when merging
    for (const [r1, c1, r2, c2] of this.merges) {
      if (r1 > height || c1 > width) continue;
      for (let r = r1; r <= Math.min(r2, height); r++)
        for (let c = c1; c <= Math.min(c2, width); c++)
          if (r !== r1 || c !== c1) numberFormats[r - 1][c - 1] = numberFormats[r1 - 1][c1 - 1];
    }
    const range = ([r1, c1, r2, c2]: [number, number, number, number]): string =>
      `${toAddress(r1, c1)}:${toAddress(r2, c2)}`;
    return {
      rows,
      merges: this.merges.map(range),
      numberFormats,
      kinds,
      bordered: this.bordered.map(range),
      columnWidths: widths.slice(0, Math.max(width, 1)),
      forms: this.forms,
    };
  }
}

/**
 * The typing rule (see the top): a number when Excel, showing it in a General cell, would display
 * the printed text exactly; a percentage as its fraction with a percent format of the printed
 * decimals; anything else as printed.
 */
export function typedValue(text: string): { value: CellScalar; format: string | null } {
  if (/^\d+(\.\d+)?$/.test(text) && String(Number(text)) === text)
    return { value: Number(text), format: null };
  const pct = /^(\d+)(?:\.(\d+))?%$/.exec(text);
  if (pct) {
    const decimals = pct[2]?.length ?? 0;
    return {
      value: Number(`${text.slice(0, -1)}e-2`),
      format: decimals ? `0.${"0".repeat(decimals)}%` : "0%",
    };
  }
  return { value: text, format: null };
}

// ---------------------------------------------------------------------------------------------
// The pieces every template has

type Role =
  | "label"
  | "level1"
  | "level2"
  | "level3"
  | "target"
  | "actual"
  | "weight"
  | "rate"
  | "score"
  | "rule"
  | "reason"
  | { extra: string };

const squash = (s: string): string =>
  s
    .replace(/[\s\u3000]+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")");

/** The role of an indicator-table column from its header text as printed. */
function indicatorRole(header: string, index: number): Role {
  const h = squash(header);
  if (index === 0 && /^(绩效指标|年度绩效目标(\(\d+分\))?|年度绩效指标完成情况)$/.test(h))
    return "label";
  if (h === "一级指标") return "level1";
  if (h === "二级指标") return "level2";
  if (h === "三级指标") return "level3";
  if (/^(年度设定指标值|年初目标值\(A\)|目标值|预期指标值|年度指标值)$/.test(h)) return "target";
  if (/^(实际完成值|实际完成值\(B\)|业绩值|实际完成指标值)$/.test(h)) return "actual";
  if (/^(分值|权重|分值权重)$/.test(h)) return "weight";
  if (/^(得分|指标得分)$/.test(h)) return "score";
  if (/^完成率(\(%\))?$/.test(h)) return "rate";
  if (h === "赋分规则") return "rule";
  if (/^(偏差原因分析及改进措施|未完成原因和改进措施)$/.test(h)) return "reason";
  return { extra: header };
}

type BudgetKey = "initial" | "annual" | "executed" | "weight" | "rate" | "score";

function budgetRole(header: string): BudgetKey | "rowLabel" {
  const h = squash(header);
  if (/年初/.test(h)) return "initial";
  if (/^得分/.test(h)) return "score"; // 得分（20分*执行率） before 执行率
  if (/全年预|预算数/.test(h)) return "annual";
  if (/执行数|完成数/.test(h)) return "executed";
  if (/执行率/.test(h)) return "rate";
  if (/分值/.test(h)) return "weight";
  return "rowLabel";
}

/** Where a template puts the budget block: column spans [first, last]. */
interface BudgetSpec {
  label: [number, number];
  rowLabel: [number, number];
  columns: Partial<Record<BudgetKey, [number, number]>>;
  /** Header texts as printed: [block label, …column headers] (meta.budget_columns). */
  headers: string[];
}

function titleLines(b: SheetBuilder, row: number, t: SeedTableJson, width: number): number {
  let r = row;
  const attachment = attachmentLine(t);
  if (attachment) b.put(r++, 1, attachment, "caption");
  b.span(r++, 1, width, t.title_line, "title");
  if (t.meta.year_line) b.span(r++, 1, width, t.meta.year_line, "caption");
  if (t.meta.subtitle_line) b.span(r++, 1, width, t.meta.subtitle_line, "caption");
  return r;
}

/** One identity row: pairs of label and value, each with its column span. */
function identityRow(
  b: SheetBuilder,
  row: number,
  parts: [string, string | null | undefined, [number, number], [number, number]][]
): void {
  for (const [label, value, lc, vc] of parts) {
    b.span(row, lc[0], lc[1], label, "header");
    b.span(row, vc[0], vc[1], value ?? "", "text");
  }
}

/** The budget block: a header row and one row per budget row; returns the next row. */
function budgetBlock(
  b: SheetBuilder,
  row: number,
  t: SeedTableJson,
  spec: BudgetSpec,
  quirks: { labelInColumnA?: (label: string) => boolean } = {}
): number {
  const rows = t.budget?.rows ?? [];
  const [blockLabel, ...columnHeaders] = spec.headers;
  b.put(row, spec.label[0], blockLabel, "header");
  const keys = columnHeaders.map(budgetRole);
  columnHeaders.forEach((h, i) => {
    const key = keys[i];
    const cols = key === "rowLabel" ? spec.rowLabel : spec.columns[key];
    if (cols) b.span(row, cols[0], cols[1], h, "header");
  });
  if (!keys.includes("rowLabel")) b.merge(row, spec.rowLabel[0], row, spec.rowLabel[1]);
  for (const key of Object.keys(spec.columns) as BudgetKey[]) {
    const cols = spec.columns[key]!;
    if (!keys.includes(key)) b.merge(row, cols[0], row, cols[1]);
  }
  // the block label runs down over the rows until one prints its own label in column A (Renhe)
  let labelBottom = row;
  let r = row + 1;
  let open = true;
  for (const br of rows) {
    if (quirks.labelInColumnA?.(br.label)) {
      open = false;
      b.put(r, 1, br.label, "label");
    } else {
      if (open) labelBottom = r;
      b.span(r, spec.rowLabel[0], spec.rowLabel[1], br.label, "label");
    }
    for (const key of Object.keys(spec.columns) as BudgetKey[]) {
      const cols = spec.columns[key]!;
      b.span(r, cols[0], cols[1], br[key], "number", { typed: true });
    }
    r++;
  }
  b.merge(row, spec.label[0], labelBottom, spec.label[1]);
  return r;
}

/** 年度总体目标: a label over two rows, the two sub-headers, and the two texts. */
function goalsBlock(
  b: SheetBuilder,
  row: number,
  t: SeedTableJson,
  label: string,
  headers: [string, string],
  expectedCols: [number, number],
  actualCols: [number, number]
): number {
  b.put(row, 1, label, "header");
  b.merge(row, 1, row + 1, 1);
  b.span(row, expectedCols[0], expectedCols[1], headers[0], "header");
  b.span(row, actualCols[0], actualCols[1], headers[1], "header");
  b.span(row + 1, expectedCols[0], expectedCols[1], fullCellText(t, t.goals?.expected), "text");
  b.span(row + 1, actualCols[0], actualCols[1], fullCellText(t, t.goals?.actual), "text");
  return row + 2;
}

interface IndicatorSpec {
  /** Column roles in sheet order (column 1 first). */
  roles: Role[];
  /** Header texts in sheet order ("" where the header cell is empty). */
  headers: string[];
  /** The vertical label: in the header row (Renhe, Hubei, Fengtai) or on the first indicator row (Changji). */
  label?: { text: string; where: "header" | "firstRow" };
  /** Hubei prints a "……" row after the last indicator on some forms. */
  placeholder?: boolean;
}

/** Row shift from the extraction's cell_note: "(row shifted -1)". */
function rowShift(ind: { cell_note?: string }): number {
  const m = /row shifted ([+-]\d+)/.exec(ind.cell_note ?? "");
  return m ? Number(m[1]) : 0;
}

/** The indicator table: header row and one row per indicator; returns { next row, role columns }. */
function indicatorTable(
  b: SheetBuilder,
  row: number,
  t: SeedTableJson,
  spec: IndicatorSpec
): { next: number; col: (role: string) => number } {
  const col = (role: string): number =>
    spec.roles.findIndex((r) => (typeof r === "string" ? r : "extra") === role) + 1;
  spec.headers.forEach((h, i) => b.put(row, i + 1, h, "header"));
  const first = row + 1;
  let r = first;
  // merges of the level cells, each open from its master row, in the template's own columns
  const open: Record<"level1" | "level2" | "level3", number | null> = {
    level1: null,
    level2: null,
    level3: null,
  };
  const close = (key: keyof typeof open, last: number): void => {
    const start = open[key];
    if (start !== null) b.merge(start, col(key), last, col(key));
    open[key] = null;
  };
  let labelBottom = first - 1;
  let labelOpen = true;
  for (const ind of t.indicators) {
    const shift = rowShift(ind);
    const filled = new Set(ind.filled_from_above ?? []);
    // 004#10: blank level-3 cells under a merged level 2 are part of the level-3 cell above
    if (ind.level3 === "" && filled.has("level2")) filled.add("level3");
    for (const key of ["level1", "level2", "level3"] as const) {
      if (filled.has(key) && open[key] !== null) continue; // part of the merge above
      close(key, r - 1);
      if (filled.has(key)) continue; // filled from above but nothing to merge with: left empty
      if (shift === 0) open[key] = r;
    }
    spec.roles.forEach((role, i) => {
      const c = i + 1 + shift;
      if (typeof role !== "string") {
        b.put(r, c, ind.extra?.[role.extra] ?? null, "text");
        return;
      }
      switch (role) {
        case "label":
          return;
        case "level1":
        case "level2":
        case "level3":
          if (!filled.has(role)) b.put(r, c, ind[role], role === "level3" ? "text" : "label");
          return;
        case "target":
        case "actual":
          b.put(r, c, ind[role], "text", { textFormat: true });
          return;
        case "weight":
        case "score":
          b.put(r, c, ind[role], "number", { typed: true });
          return;
        case "rate":
          b.put(r, c, ind.completion_rate, "number", { typed: true });
          return;
        case "rule":
          b.put(r, c, ind.rule, "text");
          return;
        case "reason":
          b.put(r, c, ind.deviation, "text");
          return;
      }
    });
    if (shift < 0) labelOpen = false;
    if (labelOpen) labelBottom = r;
    r++;
  }
  if (spec.placeholder) {
    b.put(r, col("level2"), "……", "label");
    for (const key of ["level2", "level3"] as const) close(key, r - 1);
    if (labelOpen) labelBottom = r;
    r++;
  }
  for (const key of ["level1", "level2", "level3"] as const) close(key, r - 1);
  if (spec.label?.where === "header") b.merge(row, 1, labelBottom, 1);
  if (spec.label?.where === "firstRow") {
    b.put(first, 1, spec.label.text, "header");
    b.merge(first, 1, labelBottom, 1);
  }
  return { next: r, col };
}

/** 总分: the label across to the weight (or score) column, the weight total and the total. */
function totalRow(
  b: SheetBuilder,
  row: number,
  t: SeedTableJson,
  col: (role: string) => number
): number {
  const weightCol = col("weight");
  const scoreCol = col("score");
  const labelEnd = (weightCol > 0 ? weightCol : scoreCol) - 1;
  b.span(row, 1, labelEnd, "总分", "header");
  if (weightCol > 0)
    b.put(row, weightCol, t.meta.total_weight_stated ?? null, "number", { typed: true });
  if (scoreCol > 0) b.put(row, scoreCol, t.total_stated, "number", { typed: true });
  return row + 1;
}

function noteRows(b: SheetBuilder, row: number, t: SeedTableJson, width: number): number {
  let r = row;
  for (const line of notesAfter(t)) b.span(r++, 1, width, line, "note");
  return r;
}

const hasTotal = (t: SeedTableJson): boolean =>
  t.total_stated !== null || !!t.meta.total_weight_stated;

// ---------------------------------------------------------------------------------------------
// The six templates; each lays one table out from `row` and returns the row after it

type Template = (b: SheetBuilder, row: number, t: SeedTableJson) => number;

/** 000: 项目支出绩效自评表 (2023年度), 8 columns, 完成率(%) per indicator, no weights, no scores. */
const renhe2023: Template = (b, row, t) => {
  const W = 8;
  let r = titleLines(b, row, t, W);
  const top = r;
  identityRow(b, r++, [["专项(项目)名称", t.project, [1, 2], [3, W]]]);
  identityRow(b, r++, [["项目主管单位", t.meta.dept, [1, 2], [3, W]]]);
  identityRow(b, r++, [["项目实施单位", t.unit, [1, 2], [3, W]]]);
  const notes = t.notes ?? "";
  // 000#1: the budget header and its rows one column left (全年预算数 in D instead of E)
  const shifted = /budget header row shifted/.test(notes);
  const otherInA = /'其他资金' shifted into column 0/.test(notes);
  const spec: BudgetSpec = shifted
    ? {
        label: [1, 1],
        rowLabel: [2, 3],
        columns: { annual: [4, 4], executed: [5, 5], rate: [6, 6] },
        headers: [],
      }
    : {
        label: [1, 2],
        rowLabel: [3, 4],
        columns: { annual: [5, 5], executed: [6, 6], rate: [7, 7] },
        headers: [],
      };
  spec.headers = t.meta.budget_columns ?? [
    "项目资金 (万元)",
    "全年预算数",
    "实际完成数",
    "执行率(%)",
  ];
  r = budgetBlock(b, r, t, spec, {
    labelInColumnA: (label) => otherInA && /^其他资金/.test(label),
  });
  r = goalsBlock(b, r, t, renheGoalLabel(t), ["年度设定目标", "实际完成情况"], [2, 4], [5, W]);
  const headers = t.meta.columns ?? [];
  const table = indicatorTable(b, r, t, {
    roles: headers.map(indicatorRole),
    headers,
    label: { text: headers[0], where: "header" },
  });
  r = table.next;
  b.border(top, r - 1, W);
  return r;
};

/** 001: …特定目标类部门预算项目绩效目标自评, 6 columns, 预算数：/执行数： inside the budget rows. */
const renhe2022: Template = (b, row, t) => {
  const W = 6;
  let r = titleLines(b, row, t, W);
  const top = r;
  identityRow(b, r++, [["项目名称", t.project, [1, 1], [2, W]]]);
  identityRow(b, r++, [
    ["主管部门及代码", t.meta.dept_code ?? t.meta.dept, [1, 1], [2, 2]],
    ["实施单位", t.unit, [3, 4], [5, W]],
  ]);
  const rows = t.budget?.rows ?? [];
  b.put(r, 1, "项目预算\n执行情况\n（万元）", "header");
  b.merge(r, 1, r + rows.length - 1, 1);
  for (const br of rows) {
    // the first row prints its two labels in the cells: " 预算数：" and " 执行数："
    const [left, right] = br.label.includes("/")
      ? br.label.split("/").map((s) => ` ${s}`)
      : [br.label, br.label];
    b.put(r, 2, left, br.label.includes("/") ? "header" : "label");
    b.put(r, 3, br.annual, "number", { typed: true });
    b.put(r, 4, right, br.label.includes("/") ? "header" : "label");
    b.span(r, 5, W, br.executed, "number", { typed: true });
    r++;
  }
  r = goalsBlock(
    b,
    r,
    t,
    "年度总体目标\n完成情况",
    ["预期目标", "目标实际完成情况"],
    [2, 4],
    [5, W]
  );
  const headers = t.meta.columns ?? [];
  r = indicatorTable(b, r, t, {
    roles: headers.map(indicatorRole),
    headers,
    label: { text: headers[0], where: "header" },
  }).next;
  b.border(top, r - 1, W);
  return r;
};

/** 002: …项目自评表, 7 columns, budget （20分）, group weights in the level-1 text, form-level reasons. */
const wuhan: Template = (b, row, t) => {
  const W = 7;
  let r = titleLines(b, row, t, W);
  const top = r;
  identityRow(b, r++, [["项目名称", t.project, [1, 1], [2, W]]]);
  identityRow(b, r++, [
    ["主管部门", t.meta.dept, [1, 1], [2, 3]],
    ["项目实施单位", t.unit, [4, 5], [6, W]],
  ]);
  identityRow(b, r++, [["项目类别", t.meta.category, [1, 1], [2, W]]]);
  identityRow(b, r++, [["项目属性", t.meta.attribute, [1, 1], [2, W]]]);
  identityRow(b, r++, [["项目类型", t.meta.type, [1, 1], [2, W]]]);
  r = budgetBlock(b, r, t, {
    label: [1, 1],
    rowLabel: [2, 2],
    columns: { annual: [3, 3], executed: [4, 4], rate: [5, 5], score: [6, W] },
    headers: t.meta.budget_columns ?? [],
  });
  const headers = t.meta.columns ?? [];
  const table = indicatorTable(b, r, t, {
    roles: headers.map(indicatorRole),
    headers,
    label: { text: headers[0], where: "header" },
    placeholder: /placeholder row '……'/.test(t.notes ?? ""),
  });
  r = table.next;
  r = totalRow(b, r, t, table.col);
  // 偏差大或目标未完成原因分析 / 改进措施及结果应用方案: one cell each for the whole form
  identityRow(b, r++, [["偏差大或\n目标未完成\n原因分析", t.deviation_text, [1, 1], [2, W]]]);
  identityRow(b, r++, [["改进措施及\n结果应用方案", t.improvement_text, [1, 1], [2, W]]]);
  identityRow(b, r++, [
    ["单位主要负责人\n签批意见", "\n\n签名：\n\n年      月      日", [1, 1], [2, W]],
  ]);
  b.border(top, r - 1, W);
  return noteRows(b, r, t, W);
};

/** 003#1…: 项目支出绩效自评表 (2024年度), 14 columns, 权重 / 完成率 / 指标得分 / 赋分规则 and three extra columns. */
const changji: Template = (b, row, t) => {
  const W = 14;
  let r = titleLines(b, row, t, W);
  const top = r;
  identityRow(b, r++, [["项目名称", t.project, [1, 1], [2, W]]]);
  identityRow(b, r++, [
    ["主管部门", t.meta.dept, [1, 1], [2, 6]],
    ["实施单位", t.unit, [7, 8], [9, W]],
  ]);
  r = budgetBlock(b, r, t, {
    label: [1, 1],
    rowLabel: [2, 2],
    columns: {
      initial: [3, 4],
      annual: [5, 6],
      executed: [7, 8],
      weight: [9, 10],
      rate: [11, 12],
      score: [13, 14],
    },
    headers: t.meta.budget_columns ?? [],
  });
  r = goalsBlock(b, r, t, "年度总体目标", ["预期目标", "实际完成情况"], [2, 7], [8, W]);
  const headers = t.meta.columns ?? [];
  // the header row's first cell is empty; 年度绩效指标完成情况 starts on the first indicator row
  const table = indicatorTable(b, r, t, {
    roles: ["label", ...headers.map((h, i) => indicatorRole(h, i + 1))],
    headers: ["", ...headers],
    label: { text: "年度绩效指标完成情况", where: "firstRow" },
  });
  r = table.next;
  if (hasTotal(t)) r = totalRow(b, r, t, table.col);
  b.border(top, r - 1, W);
  return noteRows(b, r, t, W);
};

/** 003#0: 单位整体支出绩效自评表, 8 columns, 资金来源 / 合计 / 上级资金 / 本级资金, level 1 履职效能, no 总分. */
const changjiUnit: Template = (b, row, t) => {
  const W = 8;
  let r = titleLines(b, row, t, W);
  const top = r;
  identityRow(b, r++, [["单位名称", t.unit, [1, 1], [2, W]]]);
  r = budgetBlock(b, r, t, {
    label: [1, 1],
    rowLabel: [2, 2],
    columns: {
      initial: [3, 3],
      annual: [4, 4],
      executed: [5, 5],
      weight: [6, 6],
      rate: [7, 7],
      score: [8, 8],
    },
    headers: t.meta.budget_columns ?? [],
  });
  r = goalsBlock(b, r, t, "年度总体目标", ["预期目标", "实际完成情况"], [2, 4], [5, W]);
  const headers = t.meta.columns ?? [];
  const table = indicatorTable(b, r, t, { roles: headers.map(indicatorRole), headers });
  r = table.next;
  if (hasTotal(t)) r = totalRow(b, r, t, table.col);
  b.border(top, r - 1, W);
  return noteRows(b, r, t, W);
};

/** 004: 项目支出绩效自评表 （2020年度）, 9 columns, 分值 / 得分 / 偏差原因分析及改进措施, 总分. */
const fengtai: Template = (b, row, t) => {
  const W = 9;
  let r = titleLines(b, row, t, W);
  const top = r;
  identityRow(b, r++, [["项目名称", t.project, [1, 1], [2, W]]]);
  identityRow(b, r++, [
    ["主管部门", t.meta.dept, [1, 1], [2, 4]],
    ["实施单位", t.unit, [5, 6], [7, W]],
  ]);
  identityRow(b, r++, [
    ["项目负责人", t.meta.owner, [1, 1], [2, 4]],
    ["联系电话", t.meta.phone, [5, 6], [7, W]],
  ]);
  r = budgetBlock(b, r, t, {
    label: [1, 1],
    rowLabel: [2, 2],
    columns: {
      initial: [3, 3],
      annual: [4, 4],
      executed: [5, 5],
      weight: [6, 6],
      rate: [7, 7],
      score: [8, W],
    },
    headers: t.meta.budget_columns ?? [],
  });
  r = goalsBlock(b, r, t, "年度总体目标", ["预期目标", "实际完成情况"], [2, 5], [6, W]);
  const headers = t.meta.columns ?? [];
  const table = indicatorTable(b, r, t, {
    roles: headers.map(indicatorRole),
    headers,
    label: { text: headers[0], where: "header" },
  });
  r = table.next;
  if (hasTotal(t)) r = totalRow(b, r, t, table.col);
  b.border(top, r - 1, W);
  return noteRows(b, r, t, W);
};

const TEMPLATES: Record<string, { build: Template; widths: number[] }> = {
  "renhe-2023-completion-rate": { build: renhe2023, widths: [9, 10, 12, 24, 30, 30, 10, 22] },
  "renhe-2022-text": { build: renhe2022, widths: [12, 10, 12, 26, 36, 20] },
  "wuhan-20-80": { build: wuhan, widths: [12, 12, 16, 24, 14, 14, 10] },
  "changji-10-90-weights": {
    build: changji,
    widths: [10, 10, 13, 26, 7, 14, 14, 9, 9, 12, 10, 14, 10, 24],
  },
  "changji-unit-overall-10-90": { build: changjiUnit, widths: [10, 12, 28, 14, 16, 10, 14, 10] },
  "fengtai-10-90": { build: fengtai, widths: [10, 12, 14, 32, 20, 20, 9, 9, 24] },
};

function template(t: SeedTable): { build: Template; widths: number[] } {
  const tpl = TEMPLATES[t.layout];
  if (!tpl) throw new Error(`没有这个版式：${t.layout}`);
  return tpl;
}

function lay(b: SheetBuilder, row: number, t: SeedTableJson): number {
  const next = template(t).build(b, row, t);
  b.forms.push({ id: tableId(t), top: row, bottom: next - 1 });
  return next;
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** One seed table as a sheet of its own, from A1. */
export function seedTableGrid(table: SeedTable, options: LayoutOptions = {}): SeedLayout {
  const t = table as SeedTableJson;
  const b = new SheetBuilder();
  lay(b, 1, t);
  return b.layout(options, template(t).widths);
}

/** Rows left blank between forms stacked on one sheet (seed 000). */
const STACK_GAP = 2;

/**
 * A seed document as the workbook an accountant would keep: one form a tab (001–004, the tab named
 * after the project), or, for Renhe 2023 (000), all eight forms stacked on one sheet as printed.
 */
export function seedWorkbookSheets(seedFile: string, options: LayoutOptions = {}): SeedSheet[] {
  const tables = loadSeedTables(seedFile);
  const sheets: { sheet: string; layout: SeedLayout }[] = [];
  if (tables.every((t) => t.layout === "renhe-2023-completion-rate")) {
    const b = new SheetBuilder();
    let row = 1;
    for (const t of tables) row = lay(b, row, t) + STACK_GAP;
    sheets.push({
      sheet: `${tables[0].year ?? ""}年度项目支出绩效自评表`,
      layout: b.layout(options, template(tables[0]).widths),
    });
  } else {
    const used = new Set<string>();
    for (const t of tables)
      sheets.push({
        sheet: sheetName(t.project ?? t.title_line, used),
        layout: seedTableGrid(t, options),
      });
  }
  return sheets.map(({ sheet, layout }) => ({ sheet, layout, grid: layoutGrid(sheet, layout) }));
}

/** The Grid a host would hand over for a laid-out sheet. */
export function layoutGrid(sheet: string, layout: SeedLayout): Grid {
  return {
    sheet,
    origin: "A1",
    values: layout.rows,
    numberFormats: layout.numberFormats,
    merges: layout.merges,
  };
}

/**
 * An Excel-legal, unique sheet name: no : \ / ? * [ ], no leading or trailing apostrophe or space,
 * at most 31 characters, "(2)" added on a repeat.
 */
export function sheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[:\\/?*[\]]/g, "_")
      .replace(/[\s\u3000]+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "")
      .slice(0, 31)
      .trim() || "Sheet";
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++)
    candidate = `${base.slice(0, 31 - `(${n})`.length)}(${n})`;
  used.add(candidate.toLowerCase());
  return candidate;
}
