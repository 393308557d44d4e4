/**
 * The 自评报告 as plain data (issue 13): what the .docx writer and the 自评报告 sheet both render.
 * A paragraph is a list of runs; a run marked `placeholder` is text the form cannot tell
 * (（待填写：…）), shown so that the accountant sees what is still to write.
 */
import { prose } from "./format";

export interface Run {
  readonly text: string;
  readonly placeholder?: boolean;
}

export type BlockKind = "heading" | "subheading" | "paragraph";

export interface Block {
  readonly kind: BlockKind;
  readonly runs: readonly Run[];
}

/** One prompt to check before the report is handed in (kept apart from the body). */
export interface CheckItem {
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
}

export interface ProjectReport {
  readonly sheet: string;
  readonly anchor: string;
  /** 项目名称 as the form states it (or a placeholder text). */
  readonly project: string;
  /** The section title, e.g. 《丰台报》相关费用项目绩效自评报告. */
  readonly title: string;
  /** Sections 一 to 五, in order. */
  readonly blocks: readonly Block[];
  /** 提交前请核对: the unresolved error and warning prompts of the form. */
  readonly checks: readonly CheckItem[];
}

/** One project in the summary table at the top (issue 21), every cell as the body gives it. */
export interface SummaryRow {
  readonly project: string;
  readonly annual: string;
  readonly executed: string;
  readonly rate: string;
  readonly total: string;
  readonly grade: string;
}

export interface ReportModel {
  /** The document's title, e.g. 丰台区融媒体中心2020年度项目支出绩效自评报告. */
  readonly title: string;
  /** The unit paragraph (部门决算: 评价项目14个，涉及金额…). */
  readonly unit: readonly Run[];
  /** The summary table under the unit paragraph (项目、全年预算数、执行数、执行率、总分、等级). */
  readonly summary?: readonly SummaryRow[];
  readonly projects: readonly ProjectReport[];
  /** 落款 (issue 21): the unit's name, then the date line, each a line right-aligned at the end. */
  readonly closing?: readonly (readonly Run[])[];
}

/** A run of the report's prose, its signs and stops as a Chinese report writes them (format.ts). */
export const text = (t: string): Run => ({ text: prose(t) });
export const placeholder = (what: string): Run => ({
  text: `（待填写：${what}）`,
  placeholder: true,
});

/** The plain text of runs (tests, the sheet). */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join("");
}

/** A check as printed: the prompt's message names its sheet and cell; one that does not gets them. */
export function checkText(c: CheckItem): string {
  return c.message.includes(`${c.sheet}!${c.cell}`)
    ? c.message
    : `${c.sheet}!${c.cell}：${c.message}`;
}
