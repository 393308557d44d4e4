/**
 * One prompt per gap, never one per row (domain §9): where recognition reports a part of the form it
 * could not place (Form.unread), the form gets one `form-unread` 提示 on the header naming what is
 * missing and the header texts not understood, and the per-row prompts that only say that part is
 * missing (`missing-value`, `unscored`, `weight-sum`, `deviation-reason-missing`) are not raised; with
 * the reason column unread, neither are the budget prompts a written reason would waive.
 */
import { promptAt } from "./prompts";
import type { Form, Prompt, PromptKind, UnreadPart } from "./types";

/** What each part is called in the prompt. */
const PART_NAMES: Readonly<Record<UnreadPart, string>> = {
  target: "目标值列",
  actual: "实际完成值列",
  weight: "分值列",
  score: "得分列",
  reason: "偏差原因列",
  budget: "预算金额（全年预算数、全年执行数）",
  table: "绩效指标表",
};

/**
 * The prompts a missing part makes on every row, which the one form-unread prompt replaces: their
 * kind, and for `missing-value` the words of the message that name that part (evaluate.ts, budget.ts,
 * score.ts word them).
 */
const DEPENDENTS: Readonly<Record<UnreadPart, readonly [PromptKind, string?][]>> = {
  target: [["missing-value", "目标值未填写"]],
  actual: [["missing-value", "实际完成值未填写"]],
  weight: [["unscored"], ["weight-sum"]],
  score: [],
  // a written reason also waives these (domain §3): an unread reason column may hold it
  reason: [["deviation-reason-missing"], ["budget-low-execution"], ["execution-inconsistent"]],
  budget: [
    ["missing-value", "全年预算数未填写"],
    ["missing-value", "全年执行数未填写"],
  ],
  table: [["missing-value", "没有指标行"]],
};

/** The one form-unread prompt of a form, null when recognition placed everything. */
export function unreadPrompt(form: Form): Prompt | null {
  const unread = form.unread;
  if (!unread || unread.missing.length === 0) return null;
  const columns = unread.missing.filter((p) => p !== "table" && p !== "budget");
  const said: string[] = [];
  if (unread.missing.includes("table")) said.push("未找到绩效指标表");
  if (unread.missing.includes("budget")) said.push(`未读出${PART_NAMES.budget}`);
  if (columns.length) said.push(`未识别${columns.map((p) => PART_NAMES[p]).join("、")}`);
  const seen = unread.headers.length ? `（未识别的表头：${unread.headers.join("、")}）` : "";
  const rows = unread.missing.includes("table") ? "，本表只读取了预算" : "，本表未逐行提示";
  return promptAt(form.sheet, unread.cell, "form-unread", `${said.join("；")}${seen}${rows}`);
}

/** The prompts left once those that only repeat a reported gap, row after row, are taken out. */
export function withoutUnreadDependents(form: Form, prompts: readonly Prompt[]): Prompt[] {
  const missing = form.unread?.missing ?? [];
  if (missing.length === 0) return prompts.slice();
  const rules = missing.flatMap((p) => DEPENDENTS[p]);
  return prompts.filter(
    (p) => !rules.some(([kind, words]) => p.kind === kind && (!words || p.message.includes(words)))
  );
}
