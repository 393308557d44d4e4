/** The form's total and grade (domain §3), and the printed total and grade checked against them (§4). */
import Decimal from "decimal.js";
import { readPrinted, scoreAgrees } from "./agree";
import { ZERO } from "./decimal";
import { n, roundScore } from "./format";
import type { Profile } from "./profiles";
import { promptAt } from "./prompts";
import { stripSpace } from "./text";
import type { BudgetResult, Form, IndicatorResult, Prompt } from "./types";
import type { RowWeight } from "./weights";
import { isBlank, text, type RowState } from "./rowState";
import { printedPartsSum } from "./formChecks";

/** What the total and grade are computed from; rows, weights and results joined by index. */
export interface TotalInput {
  readonly form: Form;
  readonly profile: Profile;
  readonly scoring: boolean;
  readonly budget: BudgetResult | null;
  readonly states: readonly RowState[];
  readonly weights: readonly RowWeight[];
  readonly indicators: readonly IndicatorResult[];
  /** Budget and indicator weights together (over 100: no total, no grade). */
  readonly weightTotal: Decimal;
  readonly satisfactionBlank: boolean;
}

export interface Total {
  readonly total: Decimal | null;
  readonly totalExplain: string;
  readonly statedTotal: Decimal | null;
  readonly grade: string | null;
  readonly statedGrade: string | null;
  readonly prompts: readonly Prompt[];
}

/** The total and grade, and the prompts where the printed ones disagree. */
export function totalAndGrade(x: TotalInput): Total {
  const { form, profile } = x;
  const { total, explain } = computeTotal(x);
  const prompts: Prompt[] = [];
  // a total printed outside a 总分 row (a header cell, the title, a sentence) is checked the same way
  const totalCell = form.total?.score ?? form.printedTotal;
  const statedTotal = totalCell ? readPrinted(totalCell.value) : null;
  if (statedTotal && totalCell) {
    const computedDisagrees = total !== null && !scoreAgrees(statedTotal, total);
    // where no total can be computed (weights over 100), the printed total is still checked against its parts
    const overWeighted = total === null && x.weightTotal.greaterThan(100);
    const printedSum =
      computedDisagrees || overWeighted ? printedPartsSum(x.budget, x.indicators) : null;
    const partsDisagree =
      overWeighted && printedSum !== null && !scoreAgrees(statedTotal, printedSum);
    if (computedDisagrees || partsDisagree) {
      const computed = total !== null ? `，按规则计算为 ${n(total)}` : "";
      const sum = printedSum !== null ? `所填各项得分合计为 ${n(printedSum)}` : "";
      const tail = computed && sum ? `${computed}（${sum}）` : computed || `，${sum}`;
      prompts.push(
        promptAt(
          form.sheet,
          totalCell.address,
          "total-mismatch",
          `总分填写为 ${text(totalCell)}${tail}`
        )
      );
    }
  }
  const grade = total !== null ? gradeOf(total, profile) : null;
  const statedGrade = form.grade && !isBlank(form.grade) ? stripSpace(text(form.grade)) : null;
  if (grade && total && statedGrade && form.grade && !statedGrade.startsWith(grade)) {
    prompts.push(
      promptAt(
        form.sheet,
        form.grade.address,
        "grade-mismatch",
        `等级填写为“${statedGrade}”，按总分 ${n(total)} 应为“${grade}”`
      )
    );
  }
  return {
    total,
    totalExplain: explain,
    statedTotal: statedTotal?.value ?? null,
    grade,
    statedGrade,
    prompts,
  };
}

/** The total of the budget's and the indicators' scores, or why there is none yet. */
function computeTotal(x: TotalInput): { total: Decimal | null; explain: string } {
  const { budget, indicators } = x;
  if (!x.scoring) return { total: null, explain: "" };
  if (x.weightTotal.greaterThan(100))
    return {
      total: null,
      explain: `分值合计 ${n(x.weightTotal)} 分，超过 100 分，不计算总分、不评等级`,
    };
  if (budget?.value === null || budget === null)
    return { total: null, explain: "预算执行得分无法计算，总分待定" };
  const waiting = indicators.filter(
    (r, i) =>
      (r.weight !== null || x.weights[i].unreadable) &&
      r.value === null &&
      !x.states[i].satisfactionLeftOut
  );
  if (waiting.length > 0)
    return {
      total: null,
      explain: `${waiting.map((r) => r.cell ?? `第${r.row}行`).join("、")} 需人工评分，总分待定`,
    };
  const parts = [
    budget.value,
    ...indicators
      .filter((r) => r.method !== "unscored" || r.value !== null)
      .map((r) => (r.weight === null && r.value === null ? ZERO : r.value)),
  ];
  const exact = parts.reduce<Decimal>((sum, p) => sum.plus(p ?? ZERO), ZERO);
  // a part kept as printed with more decimals (13.666) is added as printed; the total is rounded
  // once, as the profile says (002#7: 92.916 → 92.92)
  const total = roundScore(exact, x.profile.decimals);
  const rounded = total.equals(exact) ? "" : `，保留 ${x.profile.decimals} 位小数为 ${n(total)}`;
  const sum = parts
    .filter((p): p is Decimal => p !== null)
    .map(n)
    .join(" + ");
  const left = x.satisfactionBlank ? "（满意度指标未填报，不计入，不折算）" : "";
  return { total, explain: `总分 = ${sum} = ${n(exact)}${rounded}${left}` };
}

/** The grade a total earns under the profile's bands (优/良/中/差). */
export function gradeOf(total: Decimal, profile: Profile): string {
  for (const cut of profile.grades) if (total.greaterThanOrEqualTo(cut.min)) return cut.grade;
  return profile.grades[profile.grades.length - 1].grade;
}
