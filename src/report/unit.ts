import Decimal from "decimal.js";
import { budgetScale } from "../engine/budget";
import { money } from "./format";
import { placeholder, text, type Run } from "./model";
import type { ScoredForm } from "./project";
import { projectName } from "./project";
import { BANDS, PENDING_TOTAL, REVIEW_TITLE, SELF_TITLE } from "./words";

/**
 * The unit's paragraph of its 部门决算 report, as the seeds print it: the number of projects,
 * 涉及金额 (the sum of 全年预算数, in 万元 with thousands separators), the count per band of the
 * computed totals, and the projects whose total is still pending, named. Pure.
 */
const TEN_THOUSAND = new Decimal(10000);

/** 全年预算数 in 万元 (a block in 元 is converted exactly). */
function annualWan(s: ScoredForm): Decimal | null {
  const a = s.result.budget?.annual ?? null;
  if (a === null) return null;
  return s.form.budget && budgetScale(s.form.budget).unit === "元" ? a.dividedBy(TEN_THOUSAND) : a;
}

export function bandCounts(totals: readonly (Decimal | null)[]): number[] {
  const scored = totals.filter((t): t is Decimal => t !== null);
  return BANDS.map(
    (b) => scored.filter((t) => t.gte(b.lo) && (b.hi === null || t.lt(b.hi))).length
  );
}

/** 评价项目N个，涉及金额X万元，评价得分在…的k个… for a list of projects. */
function bandSentence(projects: readonly ScoredForm[], lead: string): string {
  const sum = projects.reduce((acc, s) => acc.plus(annualWan(s) ?? 0), new Decimal(0));
  const missing = projects.filter((s) => annualWan(s) === null).length;
  const counts = bandCounts(projects.map((s) => s.result.total));
  const bands = BANDS.map((b, i) => `评价得分在${b.label}的${counts[i]}个`).join("、");
  return (
    `${lead}${projects.length}个，涉及金额${money(sum)}万元` +
    (missing ? `（其中${missing}个项目未填全年预算数，未计入）` : "") +
    `，${bands}`
  );
}

/**
 * A form titled 绩效评价表 (not 自评) was evaluated by the department (丰台's 《丰台报》 form, issue
 * 21): where the forms are of both kinds, the paragraph says so, as the unit's own report does.
 */
function reviewedByDepartment(s: ScoredForm): boolean {
  const title = s.form.title ?? "";
  return REVIEW_TITLE.test(title) && !SELF_TITLE.test(title);
}

export function unitParagraph(
  projects: readonly ScoredForm[],
  unit: string | null,
  year: string | null
): Run[] {
  const pending = projects.filter((s) => s.result.total === null);
  const runs: Run[] = unit ? [text(unit)] : [placeholder("单位名称")];
  const reviewed = projects.filter(reviewedByDepartment);
  const own = projects.filter((s) => !reviewedByDepartment(s));
  const when = year ? `${year}年度` : "";
  if (reviewed.length > 0 && own.length > 0)
    runs.push(
      text(
        `对${when}项目支出实施绩效评价，${bandSentence(projects, "评价项目")}。其中，${bandSentence(reviewed, "部门评价项目")}；${bandSentence(own, "单位自评项目")}。`
      )
    );
  else
    runs.push(
      text(
        `对${when}项目支出开展绩效${reviewed.length > 0 ? "评价" : "自评"}，${bandSentence(projects, "评价项目")}。`
      )
    );
  if (pending.length)
    runs.push(
      text(
        `另有${pending.length}个项目总分${PENDING_TOTAL}：${pending.map((s) => `“${projectName(s) || s.result.sheet}”`).join("、")}。`
      )
    );
  return runs;
}
