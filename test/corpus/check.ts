/**
 * What a correct reading of a corpus form gives against what the product reads and prompts: every
 * discrepancy of one form (rows read, target/actual/weight/score, budget, totals, grade, prompts missing
 * and prompts that should not be there), as sentences. Used by corpus.test.ts and scripts/corpus-check.ts.
 */
import type Decimal from "decimal.js";
import { readWorkbookGrids } from "../../src/host/xlsx/read";
import { scoreWorkbookGrids, type SheetOutcome } from "../../src/form/pipeline";
import type { Prompt } from "../../src/engine/types";
import { buildCorpusWorkbook } from "./build";
import type { CorpusForm, ExpectedPrompt } from "./types";

const squeeze = (s: string | null | undefined): string => (s ?? "").replace(/\s+/g, "");

/** Comparison words and sign variants as one symbol, so 大于等于1次, ≧1次 and ≥1次 read alike. */
const SIGNS: readonly [RegExp, string][] = [
  [/大于等于|不少于|不低于|≧|>=|＞=|＞＝/g, "≥"],
  [/小于等于|不高于|不超过|≦|<=|＜=|＜＝/g, "≤"],
  [/^(等于|＝|﹦|═)/, "="],
  [/％/g, "%"],
];
const quantity = (s: string | null | undefined): string =>
  SIGNS.reduce((t, [re, sign]) => t.replace(re, sign), squeeze(s));

/** The text read equals the expected one; a bare number for an expected number + unit is accepted. */
function sameQuantity(got: string, want: string): boolean {
  if (got === want) return true;
  return /^[\d.,]+$/.test(got) && want.startsWith(got) && !/^[\d.]/.test(want.slice(got.length));
}
const num = (d: Decimal | null | undefined): string | null => (d ? d.toString() : null);

/** The form's workbook built, read through the real reader and scored: the outcome of its sheet. */
export async function scoreCorpusForm(form: CorpusForm): Promise<SheetOutcome | undefined> {
  const buffer = await buildCorpusWorkbook(form);
  const { grids } = await readWorkbookGrids(buffer, { name: `${form.id}.xlsx` });
  return scoreWorkbookGrids(grids).sheets.find((s) => s.sheet === form.sheet);
}

/**
 * Expected prompts against raised ones: each expected one matched once (kind and cell; "*" any cell,
 * matched last); what is left over on either side is missing or unexpected.
 */
export function diffPrompts(
  want: readonly ExpectedPrompt[],
  got: readonly Prompt[]
): { missing: ExpectedPrompt[]; unexpected: Prompt[] } {
  const unexpected = [...got];
  const missing: ExpectedPrompt[] = [];
  const anyCellLast = [...want].sort((a, b) => Number(a.cell === "*") - Number(b.cell === "*"));
  for (const w of anyCellLast) {
    const k = unexpected.findIndex(
      (p) => p.kind === w.kind && (w.cell === "*" || p.cell === w.cell)
    );
    if (k >= 0) unexpected.splice(k, 1);
    else missing.push(w);
  }
  return { missing, unexpected };
}

export async function discrepancies(form: CorpusForm): Promise<string[]> {
  const out: string[] = [];
  const sheet = await scoreCorpusForm(form);
  if (!sheet || sheet.forms.length !== 1) {
    const found = (sheet?.forms ?? []).map(
      ({ form: f, result: r }) =>
        `${f.anchor}: ${r.indicators.map((i) => `${i.row}:${squeeze(i.name)}`).join(", ")}`
    );
    return [
      `forms recognised on ${form.sheet}: ${sheet?.forms.length ?? 0}${sheet?.skipped ? ` (${sheet.skipped})` : ""}, want 1`,
      ...found,
    ];
  }
  const { result } = sheet.forms[0];
  const want = form.expected;

  if (result.profile !== want.profile) out.push(`profile ${result.profile}, want ${want.profile}`);
  const budget = result.budget;
  const wantAnnual = want.budget?.annual ?? null;
  const wantExecuted = want.budget?.executed ?? null;
  if (num(budget?.annual) !== wantAnnual || num(budget?.executed) !== wantExecuted)
    out.push(
      `budget ${num(budget?.annual)} → ${num(budget?.executed)}, want ${wantAnnual} → ${wantExecuted}`
    );

  const gotNames = result.indicators.map((i) => `${i.row}:${squeeze(i.name)}`);
  const wantNames = want.indicators.map((i) => `${i.row}:${squeeze(i.name)}`);
  if (gotNames.join("|") !== wantNames.join("|"))
    out.push(`indicators read [${gotNames.join(", ")}], want [${wantNames.join(", ")}]`);
  for (const w of want.indicators) {
    const g = result.indicators.find((i) => i.row === w.row);
    if (!g) continue;
    const fields: [string, string | null, string | null, boolean][] = [
      ["target", quantity(g.target), quantity(w.target), quantity(g.target) === quantity(w.target)],
      [
        "actual",
        quantity(g.actual),
        quantity(w.actual),
        sameQuantity(quantity(g.actual), quantity(w.actual)),
      ],
      ["weight", num(g.weight), w.weight, num(g.weight) === w.weight],
      ["stated", num(g.stated), w.stated, num(g.stated) === w.stated],
    ];
    for (const [field, got, expected, same] of fields)
      if (!same)
        out.push(`row ${w.row} ${field} ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
  }
  // rule 4 (a target equal to the budget is scored like the budget) is for money: a count is no mirror
  // (a bare 万 is money in a (万元) block: 150万 against 全年预算数 150)
  for (const i of result.indicators)
    if (
      i.explain.includes("目标为预算数") &&
      !/^[^\d]*[\d.,]+(万元|万|元)?$/.test(quantity(i.target))
    )
      out.push(`row ${i.row} ${quantity(i.target)} explained as a budget mirror: ${i.explain}`);
  if (num(result.statedTotal) !== want.statedTotal)
    out.push(`printed total ${num(result.statedTotal)}, want ${want.statedTotal}`);
  if (want.total !== undefined && num(result.total) !== want.total)
    out.push(`total ${num(result.total)}, want ${want.total}`);
  if (want.grade !== undefined && result.grade !== want.grade)
    out.push(`grade ${result.grade}, want ${want.grade}`);

  const { missing, unexpected } = diffPrompts(want.prompts, result.prompts);
  for (const m of missing) out.push(`missing prompt ${m.kind}@${m.cell} (${m.why})`);
  for (const p of unexpected) out.push(`unexpected prompt ${p.kind}@${p.cell}: ${p.message}`);
  // messages are Chinese and name sheet and cell (domain.md §4)
  for (const p of result.prompts)
    if (!p.message.includes(`${form.sheet}!${p.cell}`))
      out.push(`prompt ${p.kind}@${p.cell} does not name ${form.sheet}!${p.cell}: ${p.message}`);
  return out;
}
