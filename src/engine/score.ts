/** One recognised form scored under one profile: the steps in order, each in its own file. */
import { readBudget } from "./budget";
import { blockWithoutPoints, scoreBudget } from "./budgetScore";
import { budgetRateRows } from "./budgetRateRow";
import type { Profile } from "./profiles";
import { promptAt } from "./prompts";
import { readValue, type ValueReader } from "./quantity";
import type { Form, FormResult, Prompt } from "./types";
import { isPlaceholderRow } from "./placeholder";
import { text } from "./rowState";
import { readRows } from "./readRows";
import { weighForm } from "./formWeights";
import { scoreRow } from "./row";
import { budgetReason, checkWeights, executionInconsistent, reasonPrompts } from "./formChecks";
import { totalAndGrade } from "./total";
import { reasonInconsistent } from "./reasonChecks";
import { goalReportCheck } from "./goalReportCheck";
import { unreadPrompt, withoutUnreadDependents } from "./formUnread";

export interface ScoreOptions {
  /** Reason for the profile choice, reported with the result. */
  readonly profileReason?: string;
  /** How cell texts are read (a memo shared by the forms of one workbook). */
  readonly read?: ValueReader;
  /** The project names of the workbook's forms (a reason naming another one is checked). */
  readonly workbookProjects?: readonly string[];
}

/**
 * Score one recognised form under one profile (domain §3–§4): pure, decimal throughout, every
 * figure explained, every disagreement with what the sheet prints a prompt naming its cell.
 * Prompts are listed budget first, then weights, rows, form checks, total and grade.
 */
export function scoreForm(input: Form, profile: Profile, options: ScoreOptions = {}): FormResult {
  // template placeholder rows are not indicators: no weight, no score, no prompt (domain §1)
  const form = input.indicators.some(isPlaceholderRow)
    ? { ...input, indicators: input.indicators.filter((r) => !isPlaceholderRow(r)) }
    : input;
  const sheet = form.sheet;

  // 1. The budget is read first (an indicator may mirror it), then every indicator, weight-free.
  const read = options.read ?? readValue;
  const budgetReading = readBudget(form, read);
  const { states, satisfactionBlank } = readRows(
    form,
    profile,
    budgetReading?.mirror ?? null,
    read
  );

  // 2. Weights. States, weights and results below are joined by index.
  const weighing = weighForm(sheet, profile, states);
  const { weights, scoring } = weighing;
  const noRows =
    form.indicators.length === 0
      ? [
          promptAt(
            sheet,
            form.indicatorHeader?.address ?? form.anchor,
            "missing-value",
            "绩效指标表中没有指标行，无法评分"
          ),
        ]
      : [];

  // 3. Score every indicator.
  const rowsAsRead = states.map((s, i) => scoreRow(form, profile, s, weights[i], scoring));

  // 4. Budget with the indicator weights known (a printed 分值 of 100 − their sum is accepted);
  // the money reason is looked for only where the rate is low (it reads every reason cell).
  let moneyReason: string | null = null;
  const reason = (): string => (moneyReason ??= budgetReason(text(form.formReason), states));
  const budgetOutcome = budgetReading
    ? scoreBudget(
        form,
        budgetReading,
        profile,
        weighing.weighted ? weighing.weightSum : null,
        reason
      )
    : null;
  const budget = budgetOutcome?.result ?? null;
  // a 预算执行率 row is the budget's score where the block prints no points (§9)
  const blockHasPoints = !budgetReading?.row || !blockWithoutPoints(form, budgetReading.row);
  const rows = scoring
    ? budgetRateRows(form, profile, states, rowsAsRead, budget, blockHasPoints)
    : rowsAsRead;
  const indicators = rows.map((r) => r.result);

  // 5. Form-level checks: weights, reasons, consistency.
  const weightCheck = checkWeights(
    form,
    profile,
    weighing,
    budgetOutcome?.acceptedWeight ?? null,
    states
  );

  // 6. Total and grade.
  const total = totalAndGrade({
    form,
    profile,
    scoring,
    budget,
    states,
    weights,
    indicators,
    weightTotal: weightCheck.weightTotal,
    satisfactionBlank,
  });

  // one form-unread prompt replaces the per-row prompts of a part recognition could not place (§9)
  const unread = unreadPrompt(form);
  const prompts: Prompt[] = [
    ...(unread ? [unread] : []),
    ...(budgetOutcome?.prompts ?? []),
    ...noRows,
    ...weighing.prompts,
    ...rows.flatMap((r) => r.prompts),
    ...weightCheck.prompts,
    ...reasonPrompts(form, states, indicators),
    ...reasonInconsistent({
      form,
      states,
      indicators,
      budget,
      read,
      otherProjects: (options.workbookProjects ?? []).filter((p) => p !== text(form.project)),
    }),
    ...goalReportCheck(form, budgetReading, budget),
    ...executionInconsistent(form, profile, budget, states, reason),
    ...total.prompts,
  ];
  // a budget without its indicator table is read, but it is no total and no grade (§9)
  const noTable = form.unread?.missing.includes("table") ?? false;
  return {
    sheet,
    anchor: form.anchor,
    project: text(form.project).replace(/\s+/g, " "),
    profile: profile.id,
    profileReason: options.profileReason ?? "",
    budget,
    indicators,
    total: noTable ? null : total.total,
    totalCell: form.total?.score?.address,
    statedTotal: total.statedTotal,
    totalExplain: total.totalExplain,
    grade: noTable ? null : total.grade,
    gradeCell: form.grade?.address,
    statedGrade: total.statedGrade,
    prompts: dedupe(withoutUnreadDependents(form, prompts)),
  };
}

/** The same prompt raised twice (one cell, one kind, one message) is listed once. */
function dedupe(prompts: readonly Prompt[]): Prompt[] {
  const seen = new Set<string>();
  return prompts.filter((p) => {
    const key = `${p.cell}|${p.kind}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
