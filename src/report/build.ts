import type { Grid } from "../form/grid";
import type { SheetOutcome } from "../form/pipeline";
import { formIdentity, type FormIdentity } from "./identity";
import { placeholder, text, type ReportModel, type Run } from "./model";
import { isUnitForm, projectReport, type ScoredForm } from "./project";
import { summaryRows } from "./summaryTable";
import { unitParagraph } from "./unit";

/**
 * Scored forms → the 自评报告 model (issue 13): the unit paragraph first, then one section per
 * form. Pure: no Office, no DOM, no I/O.
 */
export function scoredForms(
  sheets: readonly Pick<SheetOutcome, "sheet" | "forms">[],
  grids: readonly Grid[]
): ScoredForm[] {
  const bySheet = new Map(grids.map((g) => [g.sheet, g]));
  return sheets.flatMap((s) => s.forms.map((f) => ({ ...f, grid: bySheet.get(s.sheet) })));
}

/** The value most forms agree on (the unit, the year). */
function mostCommon(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

/** 落款: the unit as the forms name it (codes stripped), else a placeholder; the date to fill in. */
function closing(unit: string | null): Run[][] {
  return [[unit ? text(unit) : placeholder("单位名称")], [placeholder("报告日期")]];
}

export function buildReport(forms: readonly ScoredForm[]): ReportModel {
  const ids: FormIdentity[] = forms.map((s) => formIdentity(s.grid, s.form));
  const unit = mostCommon(ids.map((id) => id.unit ?? id.implementer ?? id.department));
  const year = mostCommon(ids.map((id) => id.year));
  const projects = forms.filter((s) => !isUnitForm(s));
  return {
    title: `${unit ?? ""}${year ? `${year}年度` : ""}项目支出绩效自评报告`,
    unit: unitParagraph(projects, unit, year),
    summary: summaryRows(forms),
    projects: forms.map((s, i) => projectReport(s, ids[i])),
    closing: closing(unit),
  };
}
