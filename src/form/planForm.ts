/** One scored form planned on its sheet: scores, rates, the total and grade, prompts as notes. */
import type Decimal from "decimal.js";
import { parseAddress, toAddress } from "../address";
import { plain } from "../engine/decimal";
import { isProfileId, PROFILES } from "../engine/profiles";
import type { Form, FormResult, Prompt } from "../engine/types";
import type { Grid } from "./grid";
import { formColumns, gradeFormat, gradePlace } from "./layout/gradePlace";
import { totalRows } from "./layout/totalRows";
import { isBlank, Planner, toNumber } from "./planner";
import type { CellState, PlanOptions } from "./writePlan";

/** The plan for one scored form on its sheet (the person's view of it: see personView). */
export function planForm(
  grid: Grid,
  form: Form,
  result: FormResult,
  options: PlanOptions = {}
): Planner {
  const shifted = new Set(form.indicators.filter((r) => r.shift).map((r) => r.row));
  const p = new Planner(grid, shifted);
  const b = result.budget;
  if (b) {
    p.number(b.cell, b.value, "预算执行得分", b.explain, undefined, b.score);
    if (b.rateCell && b.rate && (b.rateStated === null || !b.rateValue?.equals(b.rateStated))) {
      p.number(b.rateCell, b.rate, "执行率", b.explain, (now) =>
        rateInConvention(b.rate as Decimal, now)
      );
    }
  }
  for (const ind of result.indicators) {
    p.number(ind.cell, ind.value, "指标得分", ind.explain, undefined, ind.score);
    if (
      ind.rateCell &&
      ind.completionRate &&
      (ind.rateStated === null || !ind.rateValue?.equals(ind.rateStated))
    ) {
      p.number(ind.rateCell, ind.completionRate, "完成率", ind.explain, (now) =>
        rateInConvention(ind.completionRate as Decimal, now)
      );
    }
  }
  placeTotalAndGrade(p, form, result);
  for (const prompt of result.prompts) promptNote(p, prompt, options);
  return p;
}

function placeTotalAndGrade(p: Planner, form: Form, result: FormResult): void {
  if (result.total === null) return;
  let totalAddress = form.total?.score?.address;
  if (!totalAddress) {
    // no 总分 row (the unit-overall table): labelled rows under the table, never in an
    // indicator's row (layout/totalRows.ts)
    const place = totalRows(p.grid, form);
    if (!place) {
      const last = form.indicators[form.indicators.length - 1];
      if (last)
        p.skipped.push(
          `${p.grid.sheet}!${last.name.address} 下方没有空行，未写入总分 ${plain(result.total)}`
        );
      return;
    }
    const { row, valueCol } = place;
    if (!p.text(toAddress(row, place.totalLabel), "总分", "总分标签")) return;
    totalAddress = toAddress(row, valueCol);
    if (!p.text(toAddress(row + 1, place.gradeLabel), "等级", "等级标签")) return;
    // the two rows are part of the table: drawn like its last row, across its columns
    const { left, right } = formColumns(p.grid, form);
    for (let c = left; c <= right; c++)
      for (const r of [row, row + 1]) p.styleLike(toAddress(r, c), toAddress(row - 1, c));
  }
  p.number(totalAddress, result.total, "总分", result.totalExplain);
  if (!result.grade) return;
  const why = `等级：总分 ${plain(result.total)} 按${profileName(result.profile)}的分档评为“${result.grade}”`;
  if (!form.total?.score) {
    // the labelled rows under the unit-overall table: the grade under the total
    const t = parseAddress(totalAddress);
    const gradeAddress = toAddress(t.row + 1, t.col);
    if (p.text(gradeAddress, result.grade, "等级")) p.note(gradeAddress, why, null);
    return;
  }
  // inside the printed form: the template's cell, a free cell of the total row, or the total's display
  const place = gradePlace(p.grid, form, totalAddress);
  if (place.kind === "template" || place.kind === "labelled") {
    if (place.kind === "labelled" && !p.text(place.label, "等级", "等级标签")) return;
    if (p.text(place.address, result.grade, "等级")) p.note(place.address, why, null);
  } else if (place.kind === "single") {
    if (p.text(place.address, `等级：${result.grade}`, "等级")) p.note(place.address, why, null);
  } else if (place.kind === "format" && p.numeric(totalAddress)) {
    p.format(totalAddress, gradeFormat(result.grade), "等级");
    p.note(totalAddress, why, null);
  } else if (place.kind === "format" && p.numericText(totalAddress) !== null) {
    // "99.90" typed as text: the same number, shown with the same decimals and the grade
    const { value, decimals } = p.numericText(totalAddress) as { value: number; decimals: number };
    p.setNumber(totalAddress, value, gradeFormat(result.grade, decimals), "等级");
    p.note(totalAddress, why, null);
  } else {
    p.note(totalAddress, `${why}（表内没有空位，等级未单独写入）`, null);
  }
}

function promptNote(p: Planner, prompt: Prompt, options: PlanOptions): void {
  p.note(prompt.cell, prompt.message, prompt.severity);
  if (
    options.promptTextInReasonCells &&
    prompt.kind === "deviation-reason-missing" &&
    isBlank(p.state(prompt.cell).value)
  ) {
    p.text(prompt.cell, prompt.message.replace(/，请在 .*$/, ""), "偏差原因提示");
  }
}

/** A rate written in the cell's own convention: 0.9875 with 0.00%, 98.75 bare, or "98.75%" as text. */
function rateInConvention(rate: Decimal, now: CellState): Partial<CellState> {
  const v = now.value;
  if (typeof v === "string" && /%/.test(v))
    return { value: `${plain(rate.times(100).toDecimalPlaces(2))}%` };
  if (typeof v === "number" && !(now.numberFormat ?? "").includes("%") && v > 1.5)
    return { value: toNumber(rate.times(100).toDecimalPlaces(2)) };
  if (typeof v === "string" && v.trim() !== "" && Number(v) > 1.5)
    return { value: plain(rate.times(100).toDecimalPlaces(2)) };
  const fraction = toNumber(rate.toDecimalPlaces(6));
  return now.numberFormat && now.numberFormat.includes("%")
    ? { value: fraction }
    : { value: fraction, numberFormat: "0.00%" };
}

function profileName(id: string): string {
  return isProfileId(id) ? PROFILES[id].name : id;
}
