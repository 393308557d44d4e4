/**
 * Issue 24 (domain §9, headers by meaning): every seed sheet with its headers annotated ((A), （B）,
 * （分）, (%), (B/A)) or printed with §9's synonyms (实际值, 标准分值, 未完成原因及拟采取的改进措施,
 * 调整预算数, 全年执行) scores exactly as printed: per indicator cell the same method and score, the
 * same budget, total and grade, and the same prompts on the same cells.
 */
import type { FormResult } from "../../../src/engine/types";
import type { Grid } from "../../../src/form/grid";
import { scoreWorkbookGrids } from "../../../src/form/pipeline";
import {
  ANNOTATED,
  SYNONYMS,
  rewriteHeaders,
  type HeaderVariant,
} from "../../support/headerVariants";
import { seedFiles, seedWorkbookSheets } from "../../support/seedGrids";

/** What a form's scoring says, per cell. */
function listing(r: FormResult): string[] {
  return [
    `budget ${r.budget?.cell ?? "-"} ${r.budget?.rate?.toFixed(4) ?? "-"} ${r.budget?.value?.toString() ?? "-"}`,
    ...r.indicators.map(
      (i) =>
        `${i.cell ?? i.row} ${i.method} ${i.weight?.toString() ?? "-"} ${i.value?.toString() ?? "-"}`
    ),
    `total ${r.totalCell ?? "-"} ${r.total?.toString() ?? "-"} ${r.grade ?? "-"}`,
    ...r.prompts.map((p) => `prompt ${p.kind}@${p.cell}`).sort(),
  ];
}

function score(grids: readonly Grid[]): string[][] {
  return scoreWorkbookGrids(grids).sheets.flatMap((s) => s.forms.map((f) => listing(f.result)));
}

const VARIANTS: [string, HeaderVariant][] = [
  ["annotated", ANNOTATED],
  ["synonyms", SYNONYMS],
];

describe.each(seedFiles().map((f) => [f.slice(0, 3), f]))("seed %s", (_id, file) => {
  const grids = seedWorkbookSheets(file).map((s) => s.grid);
  const printed = score(grids);
  test.each(VARIANTS)("%s headers score as printed", (_name, variant) => {
    const rewritten = grids.map((g) => rewriteHeaders(g, variant));
    // the variant did rewrite headers on every sheet
    for (const r of rewritten) expect(r.changed.length).toBeGreaterThan(0);
    expect(score(rewritten.map((r) => r.grid))).toEqual(printed);
  });
});

/**
 * One column renamed to a word no template uses: each form that had the column gets ONE form-unread
 * at its header, and the per-row prompts of that column go; every other prompt, score and method is
 * as printed (form-unread replaces, never adds to, the prompts of its column).
 */
describe.each(seedFiles().map((f) => [f.slice(0, 3), f]))(
  "seed %s, one column unread",
  (_id, file) => {
    const grids = seedWorkbookSheets(file).map((s) => s.grid);
    const printed = score(grids);
    // the prompts an unread reason column replaces: the reasons asked, and those a reason waives
    const dependent = (line: string): boolean =>
      ["deviation-reason-missing", "budget-low-execution", "execution-inconsistent"].some((k) =>
        line.startsWith(`prompt ${k}@`)
      );

    test("the reason column headed 情况说明", () => {
      const renamed = grids.map((g) =>
        rewriteHeaders(g, { indicator: { reason: () => "情况说明" } })
      );
      const after = score(renamed.map((r) => r.grid));
      expect(after).toHaveLength(printed.length);
      after.forEach((lines, i) => {
        const unread = lines.filter((l) => l.startsWith("prompt form-unread@"));
        const kept = lines.filter((l) => !l.startsWith("prompt form-unread@"));
        expect(unread.length).toBeLessThanOrEqual(1);
        expect(kept).toEqual(unread.length ? printed[i].filter((l) => !dependent(l)) : printed[i]);
      });
      // every sheet whose table had a reason column says so once per form
      const sheets = scoreWorkbookGrids(renamed.map((r) => r.grid)).sheets;
      sheets.forEach((s, k) => {
        if (renamed[k].changed.length === 0) return;
        for (const f of s.forms)
          expect(f.result.prompts.filter((p) => p.kind === "form-unread")).toHaveLength(1);
      });
    });

    test("the target column headed 考核标准值: no 目标值未填写 on any row", () => {
      const renamed = grids.map((g) =>
        rewriteHeaders(g, { indicator: { target: () => "考核标准值" } })
      );
      const results = scoreWorkbookGrids(renamed.map((r) => r.grid)).sheets.flatMap((s) =>
        s.forms.map((f) => f.result)
      );
      for (const r of results) {
        expect(r.prompts.filter((p) => p.kind === "form-unread")).toHaveLength(1);
        expect(r.prompts.filter((p) => p.message.includes("目标值未填写"))).toEqual([]);
        // no row is scored from a target it could not read
        for (const i of r.indicators) expect(["manual", "unscored"]).toContain(i.method);
      }
    });
  }
);
