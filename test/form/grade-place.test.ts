/**
 * The grade inside the printed form (issue 14), over every seed layout: in a free cell of the total
 * row within the form's columns, or in the total's own display (a number format that keeps the cell
 * a number); nothing the plan writes lands right of the form's bordered table. The unit-overall
 * form (003#0) gets its 总分 / 等级 rows drawn like the table's last row, across its columns.
 */
import { parseAddress, parseRange } from "../../src/address";
import { gradeFormat } from "../../src/form/layout/gradePlace";
import { scoreGrids } from "../../src/form/pipeline";
import { seedFiles, seedWorkbookSheets } from "../support/seedGrids";

const sheets = seedFiles().flatMap((f) => {
  const laid = seedWorkbookSheets(f);
  const outcomes = scoreGrids(
    laid.map((s) => s.grid),
    []
  );
  return outcomes.map((o, i) => ({ seed: f.slice(0, 3), outcome: o, layout: laid[i].layout }));
});

test.each(sheets.map((s) => [`${s.seed} ${s.outcome.sheet}`, s] as const))(
  "%s: every edit, the grade included, stays within the form's columns",
  (_name, { outcome, layout }) => {
    const right = Math.max(...layout.bordered.map((b) => parseRange(b).right));
    for (const e of outcome.plan.edits)
      expect([e.address, parseAddress(e.address).col <= right]).toEqual([e.address, true]);
    for (const { result } of outcome.forms) {
      if (!result.grade) continue;
      const shown = outcome.plan.edits.filter(
        (e) =>
          e.set.value === result.grade ||
          e.set.value === `等级：${result.grade}` ||
          e.set.numberFormat?.endsWith(`"（${result.grade}）"`)
      );
      expect(shown.length).toBeGreaterThan(0);
      for (const e of shown) expect(parseAddress(e.address).col).toBeLessThanOrEqual(right);
      // a grade in the total's display keeps the total a number
      for (const e of shown.filter((x) => x.set.numberFormat)) {
        const value =
          e.set.value ??
          layout.rows[parseAddress(e.address).row - 1][parseAddress(e.address).col - 1];
        expect(typeof value).toBe("number");
      }
    }
  }
);

test("the unit-overall form's 总分 and 等级 rows are drawn like the table's last row, across its columns", () => {
  const unit = sheets.find((s) =>
    s.outcome.forms.some((f) => !f.form.total?.score && f.result.total !== null)
  );
  expect(unit).toBeDefined();
  const { outcome, layout } = unit!;
  const table = parseRange(layout.bordered[0]);
  const styled = outcome.plan.edits.filter((e) => e.style);
  const rows = [...new Set(styled.map((e) => parseAddress(e.address).row))];
  expect(rows).toEqual([table.bottom + 1, table.bottom + 2]);
  for (const r of rows) {
    const cols = styled
      .filter((e) => parseAddress(e.address).row === r)
      .map((e) => parseAddress(e.address).col);
    expect(cols.sort((a, b) => a - b)).toEqual(
      Array.from({ length: table.right - table.left + 1 }, (_, i) => table.left + i)
    );
  }
  for (const e of styled) expect(parseAddress(e.style!.like).row).toBe(table.bottom);
  // the drawn-only cells are not the add-in's to own: no ledger entry
  const owned = new Set(outcome.plan.ledger.map((e) => e.address));
  expect(
    styled.filter((e) => Object.keys(e.set).length === 0).some((e) => owned.has(e.address))
  ).toBe(false);
});

test("the grade's number format keeps the total's two decimals", () => {
  expect(gradeFormat("优")).toBe('0.00"（优）"');
  expect(gradeFormat("良", 1)).toBe('0.0"（良）"');
});
