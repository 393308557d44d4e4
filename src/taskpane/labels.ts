import type { ProfileSpec } from "../engine";
import { PROFILES, PROFILE_IDS, isProfileId } from "../engine/profiles";
import { KIND_NAMES } from "../engine/prompts";
import type { PromptKind } from "../engine/types";
import type { PromptRow, RunAction, RunReport } from "../host/contract";

/** What the 规则 dropdown offers: 自动 first, then every profile by its Chinese name. */
export const PROFILE_OPTIONS: readonly { readonly value: ProfileSpec; readonly text: string }[] = [
  { value: "auto", text: "自动（按表格识别）" },
  ...PROFILE_IDS.map((id) => ({ value: id, text: PROFILES[id].name })),
];

export function profileText(spec: string): string {
  if (spec === "auto") return PROFILE_OPTIONS[0].text;
  return isProfileId(spec) ? PROFILES[spec].name : spec;
}

export const ACTION_NAMES: Readonly<Record<RunAction, string>> = {
  "score-active": "评分当前表",
  "score-sheet": "自动评分",
  "score-all": "批量评分",
  undo: "撤销本次评分",
  "clear-marks": "清除标记",
};

export const STATUS_NAMES: Readonly<Record<RunReport["sheets"][number]["status"], string>> = {
  scored: "已评分",
  "not-a-form": "不是自评表",
  protected: "工作表受保护，未写入",
  failed: "部分内容未能写入",
  restored: "已恢复",
  cleared: "已清除标记",
};

/** The prompts grouped by kind, in the order KIND_NAMES lists the kinds. */
export function promptsByKind(
  prompts: readonly PromptRow[]
): { readonly kind: PromptKind; readonly name: string; readonly rows: readonly PromptRow[] }[] {
  return (Object.keys(KIND_NAMES) as PromptKind[])
    .map((kind) => ({ kind, name: KIND_NAMES[kind], rows: prompts.filter((p) => p.kind === kind) }))
    .filter((g) => g.rows.length > 0);
}

/** One line saying what the action did, e.g. "批量评分：3 张自评表，写入 42 个单元格、5 条批注". */
export function reportHeadline(report: RunReport): string {
  const forms = report.sheets.reduce((n, s) => n + s.forms.length, 0);
  const w = report.written;
  const wrote = `写入 ${w.cells} 个单元格、${w.notes} 条批注、${w.fills} 处填充色`;
  // the cells of the sheets' lines, so that the headline and the lines add up
  const touched = report.sheets.reduce((n, s) => n + s.edits, 0);
  if (report.action === "undo") return `${ACTION_NAMES.undo}：已恢复 ${touched} 个单元格`;
  if (report.action === "clear-marks")
    return `${ACTION_NAMES["clear-marks"]}：${touched} 个单元格的批注和填充色已清除，更正的数值保留`;
  return `${ACTION_NAMES[report.action]}：${forms} 张自评表，${wrote}`;
}

/** A thrown error as a sentence in Chinese (the gateway's own messages already are). */
export function errorText(action: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return `${action}未能完成：${message || "未知错误"}`;
}

/**
 * A score as the pane shows it: always two decimals (96.00 beside 96.36, issue 21), from the
 * engine's decimal string without a float; a weight inferred with more decimals is shown whole.
 */
export function points(value: string | null): string | null {
  if (value === null) return null;
  if (/^-?\d+$/.test(value)) return `${value}.00`;
  if (/^-?\d+\.\d$/.test(value)) return `${value}0`;
  return value;
}

/** A prompt's message without the sheet and cell it opens with (the row shows the cell). */
export function promptText(p: PromptRow): string {
  const at = `${p.sheet}!${p.cell}`;
  return p.message.startsWith(at) ? p.message.slice(at.length).replace(/^[\s：:]+/, "") : p.message;
}
