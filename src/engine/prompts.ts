import type { Prompt, PromptKind, Severity } from "./types";

/** Severity decides the fill colour a host gives the cell; one table, not scattered choices. */
export const SEVERITY: Readonly<Record<PromptKind, Severity>> = {
  "score-mismatch": "error",
  "rate-mismatch": "error",
  "total-mismatch": "error",
  "weight-sum": "error",
  "grade-mismatch": "error",
  "deviation-reason-missing": "warning",
  overshoot: "warning",
  "budget-low-execution": "warning",
  "budget-overspent": "error",
  "execution-inconsistent": "warning",
  "unit-mismatch": "warning",
  "multi-value": "warning",
  "deadline-missed": "warning",
  "qualitative-judgement": "info",
  "layout-shift": "info",
  unparseable: "error",
  "missing-value": "warning",
  unscored: "warning",
  "reason-inconsistent": "info",
  "form-unread": "info",
};

/** Chinese name of each kind, for the task pane and the summary sheet. */
export const KIND_NAMES: Readonly<Record<PromptKind, string>> = {
  "score-mismatch": "得分不符",
  "rate-mismatch": "比率不符",
  "total-mismatch": "总分不符",
  "weight-sum": "分值合计不符",
  "grade-mismatch": "等级不符",
  "deviation-reason-missing": "缺偏差原因",
  overshoot: "超额完成",
  "budget-low-execution": "执行率偏低",
  "budget-overspent": "超预算支出",
  "execution-inconsistent": "执行与产出不一致",
  "unit-mismatch": "单位不一致",
  "multi-value": "多个数值",
  "deadline-missed": "逾期",
  "qualitative-judgement": "定性判断待确认",
  "layout-shift": "版式错位",
  unparseable: "无法识别",
  "missing-value": "缺少数值",
  unscored: "未赋分值",
  "reason-inconsistent": "原因与数值不符",
  "form-unread": "表头未识别",
};

/**
 * A prompt on one cell, its message naming the cell once: a text is prefixed with "Sheet1!H6 ";
 * a function is given "Sheet1!H6" to place it where the sentence needs it (…，请在 Sheet1!J6 说明…).
 */
export function promptAt(
  sheet: string,
  cell: string,
  kind: PromptKind,
  message: string | ((where: string) => string)
): Prompt {
  const where = at(sheet, cell);
  const text = typeof message === "string" ? `${where} ${message}` : message(where);
  return { sheet, cell, kind, severity: SEVERITY[kind], message: text };
}

/** "Sheet1!H6" as the messages name a cell. */
function at(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/** A cell's text quoted in a message, cut to a readable length: “…”. */
export function quote(text: string, max = 40): string {
  const t = text.trim().replace(/\s+/g, " ");
  return `“${t.length > max ? `${t.slice(0, max)}…` : t}”`;
}
