import { checkText, type ReportModel, type Run } from "./model";
import { CHECK_TITLE } from "./words";

/**
 * The 自评报告 as a sheet (issue 13): one wide merged, wrapped cell a paragraph, A4 portrait
 * width, one block per project, 提交前请核对 at the end. Plain rows; the host writes them. Pure.
 */
export type SheetRowKind = "title" | "heading" | "body" | "blank";

export interface SheetRow {
  readonly text: string;
  readonly kind: SheetRowKind;
  /** Points; estimated from the text's length at the sheet's width. */
  readonly height: number;
  /** The row holds a placeholder (（待填写：…）): the host gives it a fill. */
  readonly placeholder: boolean;
}

export interface ReportSheetLayout {
  readonly rows: readonly SheetRow[];
  /** Columns merged across each row, and their width in points (A4 portrait, 1.8 cm margins). */
  readonly columns: number;
  readonly columnWidth: number;
}

export const REPORT_SHEET = "自评报告";
const COLUMNS = 8;
const COLUMN_WIDTH = 62;
const FONT_PT = 11;
const LINE_PT = 15;
/** Excel's highest row: a longer paragraph is split at sentence ends over several rows. */
const MAX_ROW_PT = 400;
const CHARS_PER_LINE = Math.floor((COLUMNS * COLUMN_WIDTH - 8) / FONT_PT);
const MAX_CHARS = Math.floor(MAX_ROW_PT / LINE_PT) * CHARS_PER_LINE;

function height(text: string): number {
  const lines = text
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil([...line].length / CHARS_PER_LINE)), 0);
  return Math.min(MAX_ROW_PT, lines * LINE_PT + 4);
}

/** A long paragraph in pieces that each fit one row, cut after 。；or at the limit. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while ([...rest].length > MAX_CHARS) {
    const head = [...rest].slice(0, MAX_CHARS).join("");
    const cut = Math.max(head.lastIndexOf("。"), head.lastIndexOf("；"));
    const at = cut > MAX_CHARS / 2 ? cut + 1 : head.length;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  return [...out, rest];
}

function row(kind: SheetRowKind, runs: readonly Run[]): SheetRow[] {
  const text = runs.map((r) => r.text).join("");
  const placeholder = runs.some((r) => r.placeholder);
  const indent = kind === "body" ? "　　" : "";
  return pieces(text).map((t, i) => ({
    text: `${i === 0 ? indent : ""}${t}`,
    kind,
    height: kind === "title" ? 30 : height(`${indent}${t}`),
    placeholder,
  }));
}

const blank: SheetRow = { text: "", kind: "blank", height: LINE_PT, placeholder: false };

export function reportSheetLayout(model: ReportModel): ReportSheetLayout {
  const rows: SheetRow[] = [
    ...row("title", [{ text: model.title }]),
    ...row("heading", [{ text: "项目支出绩效自评总体情况" }]),
    ...row("body", model.unit),
  ];
  for (const p of model.projects) {
    rows.push(blank, ...row("title", [{ text: p.title }]));
    for (const b of p.blocks)
      rows.push(...row(b.kind === "paragraph" ? "body" : "heading", b.runs));
  }
  if (model.closing?.length) rows.push(blank);
  for (const line of model.closing ?? []) rows.push(...row("body", line));
  const checked = model.projects.filter((p) => p.checks.length);
  if (checked.length) {
    rows.push(blank, ...row("title", [{ text: CHECK_TITLE }]));
    for (const p of checked) {
      rows.push(...row("heading", [{ text: p.title }]));
      for (const c of p.checks) rows.push(...row("body", [{ text: checkText(c) }]));
    }
  }
  return { rows, columns: COLUMNS, columnWidth: COLUMN_WIDTH };
}
