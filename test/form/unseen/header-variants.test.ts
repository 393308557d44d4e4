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
