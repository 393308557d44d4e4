import type Decimal from "decimal.js";
import { budgetScale, chooseBudgetRow } from "../engine/budget";
import { saysNothing } from "../engine/placeholder";
import type { Form, FormResult, IndicatorResult, IndicatorRow } from "../engine/types";
import type { Grid } from "../form/grid";
import { cellWords, money, printedAmount, quotedRate, score } from "./format";
import type { FormIdentity } from "./identity";
import { indicatorBlocks, standing } from "./indicators";
import { problemBlocks } from "./problems";
import {
  placeholder,
  text,
  type Block,
  type CheckItem,
  type ProjectReport,
  type Run,
} from "./model";
import { CHECK_TITLE, PENDING_TOTAL, SECTION_TITLES, UNIT_FORM_TITLE } from "./words";

/**
 * One project's 自评报告, sections 一 to 五 (issue 13), from its form, the engine's result and the
 * identity found on its sheet. Nothing is written that the form does not support: what it cannot
 * tell is a placeholder. Pure.
 */
export interface ScoredForm {
  readonly form: Form;
  readonly result: FormResult;
  /** The sheet the form is on (for 主管部门, 实施单位, 年度总体目标). */
  readonly grid?: Grid;
}

const para = (...runs: Run[]): Block => ({ kind: "paragraph", runs });
const heading = (t: string): Block => ({ kind: "heading", runs: [text(t)] });

function field(label: string, value: string | null): Run[] {
  return value
    ? [text(`${label}：${value}。`)]
    : [text(`${label}：`), placeholder(label), text("。")];
}

function unitOf(form: Form): string {
  return form.budget ? budgetScale(form.budget).unit : "万元";
}

function amount(d: Decimal | null, unit: string): string | null {
  return d === null ? null : `${money(d)}${unit}`;
}

function basics(s: ScoredForm, id: FormIdentity, project: string): Block[] {
  const { form, result } = s;
  const unit = unitOf(form);
  const row = form.budget ? chooseBudgetRow(form.budget) : null;
  const initial = printedAmount(row?.initial?.value);
  const money3: string[] = [];
  if (initial) money3.push(`年初预算数${initial}${/[万元]$/.test(initial) ? "" : unit}`);
  const annual = amount(result.budget?.annual ?? null, unit);
  const executed = amount(result.budget?.executed ?? null, unit);
  if (annual) money3.push(`全年预算数${annual}`);
  if (executed) money3.push(`全年执行数${executed}`);
  const blocks: Block[] = [
    para(
      ...(isUnitForm(s) ? field("单位名称", id.unit) : field("项目名称", project)),
      ...field("主管部门", id.department),
      ...field("实施单位", id.implementer ?? id.unit),
      ...(id.year ? [text(`评价年度：${id.year}年度。`)] : field("评价年度", null)),
      // the funds in the same paragraph (issue 21: length)
      ...(money3.length
        ? [text(`项目资金：${money3.join("，")}。`)]
        : [text("项目资金："), placeholder("年初预算数、全年预算数、全年执行数"), text("。")])
    ),
  ];
  // the goal and what was done in one paragraph (issue 21: length)
  const goal = id.goalExpected
    ? [text(`年度总体目标：${id.goalExpected}`)]
    : [text("年度总体目标："), placeholder("年度总体目标")];
  const actual = id.goalActual
    ? [text(`${goalStop(id.goalExpected)}实际完成情况：${id.goalActual}`)]
    : [];
  blocks.push(para(...goal, ...actual));
  return blocks;
}

/** The stop between the goal and 实际完成情况 where the goal's text has none. */
function goalStop(goal: string | null): string {
  return goal !== null && /[。；！？]$/.test(goal) ? "" : "。";
}

function budgetSentence(form: Form, result: FormResult, unit: string): Block {
  const b = result.budget;
  if (!b || b.annual === null)
    return para(text("预算执行情况："), placeholder("全年预算数与全年执行数"), text("。"));
  const parts = [`全年预算数${money(b.annual)}${unit}`];
  if (b.executed !== null) parts.push(`全年执行数${money(b.executed)}${unit}`);
  const rateCell = form.budget ? chooseBudgetRow(form.budget)?.rate : undefined;
  if (b.rate !== null) parts.push(`预算执行率${quotedRate(rateCell, b.rate)}`);
  const got = b.value ?? b.score;
  const weight = b.weight !== null ? `（分值${score(b.weight)}分）` : "";
  if (got !== null) parts.push(`得分${score(got)}分${weight}`);
  else if (b.weight !== null) parts.push(`得分${PENDING_TOTAL}${weight}`);
  return para(text(`${parts.join("，")}。`));
}

function conclusion(result: FormResult): Block {
  const counts = { met: 0, partial: 0, failed: 0, pending: 0 };
  for (const r of result.indicators) counts[standing(r)]++;
  const total = result.total !== null ? `${score(result.total)}分` : PENDING_TOTAL;
  const grade = result.total !== null && result.grade ? `，自评等级为“${result.grade}”` : "";
  const pending = counts.pending ? `，${counts.pending}项待人工评判` : "";
  return para(
    text(
      `本项目自评总分${total}${grade}。共${result.indicators.length}项绩效指标，完全达成${counts.met}项，部分达成${counts.partial}项，未达成${counts.failed}项${pending}。`
    )
  );
}

function reasonOf(form: Form, row: number): string | null {
  const r: IndicatorRow | undefined = form.indicators.find((i) => i.row === row);
  const words = r?.reason ? cellWords(r.reason.value) : "";
  // "0", "无", "/" in a reason cell say nothing: not quoted as a reason
  return words && !saysNothing(words) && !/^0+$/.test(words) ? words : null;
}

/**
 * A row in 偏差原因分析: its name and score only (its facts are in 绩效目标完成情况 already, issue
 * 21: the report is not to recite a row twice).
 */
function deviationLead(r: IndicatorResult): string {
  const name = r.name ? `“${r.name}”` : "（未填指标名称）";
  const got = r.value ?? r.score;
  const weight = r.weight !== null ? `，分值${score(r.weight)}分` : "";
  return got !== null ? `${name}（得分${score(got)}分${weight}）` : name;
}

function deviations(s: ScoredForm, id: FormIdentity): Block[] {
  const { form, result } = s;
  const blocks: Block[] = [];
  const formReason = form.formReason ? cellWords(form.formReason.value) : "";
  const owed: IndicatorResult[] = [];
  for (const r of result.indicators) {
    const quoted = reasonOf(form, r.row);
    // every row the rules say is not fully met owes its reason (an over-achieved deviation too)
    const off = r.met === false || standing(r) === "partial" || standing(r) === "failed";
    if (quoted)
      blocks.push(para(text(`${deviationLead(r)}，表中偏差原因分析及改进措施：“${quoted}”。`)));
    else if (off && !formReason) owed.push(r);
  }
  // the rows still owing a reason in one paragraph, a placeholder each (issue 21: length)
  if (owed.length)
    blocks.push(
      para(
        ...owed.flatMap((r, i) => [
          text(`${i ? "；" : ""}${deviationLead(r)}：`),
          placeholder(`“${r.name}”的偏差原因及改进措施`),
        ]),
        text("。")
      )
    );
  if (formReason) blocks.push(para(text(`表中偏差大或目标未完成原因分析：“${formReason}”`)));
  const anyOff = result.indicators.some((r) => ["partial", "failed"].includes(standing(r)));
  if (id.measures) blocks.push(para(text(`表中改进措施：“${id.measures}”`)));
  // a template with a form-level reason has its own 改进措施 field: owed when anything fell short
  else if (anyOff && form.formReason)
    blocks.push(para(text("改进措施："), placeholder("改进措施")));
  if (blocks.length === 0) blocks.push(para(text("各项绩效指标均已达成目标，无偏差。")));
  return blocks;
}

function checks(result: FormResult): CheckItem[] {
  return result.prompts
    .filter((p) => p.severity !== "info")
    .map((p) => ({ sheet: p.sheet, cell: p.cell, message: p.message }));
}

export function projectName(s: ScoredForm): string {
  return cellWords(s.form.project?.value) || s.result.project || "";
}

export function isUnitForm(s: ScoredForm): boolean {
  return UNIT_FORM_TITLE.test(s.form.title ?? "");
}

export function projectReport(s: ScoredForm, id: FormIdentity): ProjectReport {
  const name = projectName(s);
  const unit = unitOf(s.form);
  const shown = name || (isUnitForm(s) ? (id.unit ?? "") : "");
  const title = isUnitForm(s)
    ? `${shown}单位整体支出绩效自评报告`
    : name
      ? `${name}${name.endsWith("项目") ? "" : "项目"}绩效自评报告`
      : `${s.result.sheet}（${s.form.anchor}）项目绩效自评报告`;
  const blocks: Block[] = [
    heading(SECTION_TITLES[0]),
    ...basics(s, id, name),
    heading(SECTION_TITLES[1]),
    budgetSentence(s.form, s.result, unit),
    ...indicatorBlocks(s.result, s.form),
    heading(SECTION_TITLES[2]),
    conclusion(s.result),
    heading(SECTION_TITLES[3]),
    ...deviations(s, id),
    ...problemBlocks(s.result),
    heading(SECTION_TITLES[4]),
    para(placeholder("其他需要说明的问题")),
  ];
  return {
    sheet: s.result.sheet,
    anchor: s.form.anchor,
    project: name,
    title,
    blocks,
    checks: checks(s.result),
  };
}

export { CHECK_TITLE };
