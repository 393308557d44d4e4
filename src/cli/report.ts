import type { WorkbookOutcome } from "../form/pipeline";
import { formRun, type FormRun } from "../form/report";
import { textWidth } from "../form/layout/sheetLayout";

/**
 * The JSON contract of `selfeval score --json` (design.md): every number a decimal string as the
 * engine computed it; scores rounded per the profile, rates and ratios as fractions with 6 decimals.
 */
export interface FileReport {
  readonly file: string;
  readonly output: string | null;
  /** The 提交版 written beside the scored copy (`--clean`). */
  readonly clean?: string;
  readonly sheets?: SheetReport[];
  readonly error?: string;
  /** What could not be written (typed text, protected sheets), in Chinese. */
  readonly notWritten?: string[];
  /** What could not be read whole (where a sheet's reading stopped, and why), in Chinese. */
  readonly warnings?: string[];
  /** Files found at the output's name that this command did not write there: kept as they were. */
  readonly kept?: string[];
  /** The sentence saying so, in Chinese (also on the terminal). */
  readonly notice?: string;
}

export interface SheetReport {
  readonly sheet: string;
  readonly forms: FormReport[];
  readonly skipped: string | null;
}

export type FormReport = FormRun;

export function workbookReport(
  file: string,
  output: string | null,
  outcome: WorkbookOutcome
): FileReport {
  const notWritten = outcome.sheets.flatMap((s) => [...s.plan.skipped]);
  return {
    file,
    output,
    sheets: outcome.sheets.map((s) => ({
      sheet: s.sheet,
      forms: s.forms.map((f) => formRun(f.result)),
      skipped: s.skipped,
    })),
    ...(notWritten.length ? { notWritten } : {}),
  };
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - textWidth(text)));
}

function cut(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (textWidth(out + ch) > width - 1) return `${out}…`;
    out += ch;
  }
  return out;
}

/** The readable summary: one line per form (file, sheet, project, total, grade, prompts). */
export function summaryTable(reports: readonly FileReport[]): string {
  const rows: string[][] = [["文件", "工作表", "项目", "总分", "等级", "提示"]];
  for (const r of reports) {
    const name = r.file.split(/[\\/]/).pop() ?? r.file;
    if (r.error) {
      rows.push([name, "—", `错误：${r.error}`, "", "", ""]);
      continue;
    }
    for (const s of r.sheets ?? []) {
      if (s.forms.length === 0) rows.push([name, s.sheet, s.skipped ?? "", "", "", ""]);
      for (const f of s.forms)
        rows.push([
          name,
          s.sheet,
          f.project || "（未填项目名称）",
          f.total ?? "待定",
          f.grade ?? "—",
          String(f.prompts.length),
        ]);
    }
  }
  const limits = [28, 20, 36, 8, 4, 4];
  const cells = rows.map((row) => row.map((c, i) => cut(c, limits[i])));
  const widths = limits.map((_, i) => Math.max(...cells.map((row) => textWidth(row[i] ?? ""))));
  return cells
    .map((row) =>
      row
        .map((c, i) => pad(c, widths[i]))
        .join("  ")
        .trimEnd()
    )
    .join("\n");
}
