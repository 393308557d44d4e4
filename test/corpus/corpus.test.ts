/**
 * Issue 11 §4: real published forms from provinces the seeds do not cover, read through the real
 * reader (ExcelJS) and the whole pipeline. For each form: every indicator row is read (count, names),
 * its target, actual, weight and printed score as a correct reading gives them, the budget figures,
 * the printed total, every hand error flagged (kind and cell) and no other prompt.
 * All discrepancies of a form are collected and reported together, so one run shows all of them.
 */
import type Decimal from "decimal.js";
import { readWorkbookGrids } from "../../src/host/xlsx/read";
import { scoreWorkbookGrids } from "../../src/form/pipeline";
import { buildCorpusWorkbook } from "./build";
import { CORPUS } from "./forms";
import type { CorpusForm, ExpectedPrompt } from "./types";

const squeeze = (s: string | null | undefined): string => (s ?? "").replace(/\s+/g, "");
const num = (d: Decimal | null | undefined): string | null => (d ? d.toString() : null);

async function discrepancies(form: CorpusForm): Promise<string[]> {
  const out: string[] = [];
  const buffer = await buildCorpusWorkbook(form);
  const { grids } = await readWorkbookGrids(buffer, { name: `${form.id}.xlsx` });
  const outcome = scoreWorkbookGrids(grids);
  const sheet = outcome.sheets.find((s) => s.sheet === form.sheet);
  if (!sheet || sheet.forms.length !== 1) {
    return [`forms recognised on ${form.sheet}: ${sheet?.forms.length ?? 0} (${sheet?.skipped ?? "no sheet"}), want 1`];
  }
  const { result } = sheet.forms[0];
  const want = form.expected;

  if (result.profile !== want.profile) out.push(`profile ${result.profile}, want ${want.profile}`);
  const budget = result.budget;
  if (num(budget?.annual) !== want.budget.annual || num(budget?.executed) !== want.budget.executed)
    out.push(
      `budget ${num(budget?.annual)} → ${num(budget?.executed)}, want ${want.budget.annual} → ${want.budget.executed}`
    );

  const gotNames = result.indicators.map((i) => `${i.row}:${squeeze(i.name)}`);
  const wantNames = want.indicators.map((i) => `${i.row}:${squeeze(i.name)}`);
  if (gotNames.join("|") !== wantNames.join("|"))
    out.push(`indicators read [${gotNames.join(", ")}], want [${wantNames.join(", ")}]`);
  for (const w of want.indicators) {
    const g = result.indicators.find((i) => i.row === w.row);
    if (!g) continue;
    const fields: [string, string | null, string | null][] = [
      ["target", squeeze(g.target), squeeze(w.target)],
      ["actual", squeeze(g.actual), squeeze(w.actual)],
      ["weight", num(g.weight), w.weight],
      ["stated", num(g.stated), w.stated],
    ];
    for (const [field, got, expected] of fields)
      if (got !== expected) out.push(`row ${w.row} ${field} ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
  }
  if (num(result.statedTotal) !== want.statedTotal)
    out.push(`printed total ${num(result.statedTotal)}, want ${want.statedTotal}`);

  // prompts: each expected one matched once (kind and cell, "*" any cell), nothing left over
  const left = [...result.prompts];
  const missing: ExpectedPrompt[] = [];
  for (const w of want.prompts) {
    const k = left.findIndex((p) => p.kind === w.kind && (w.cell === "*" || p.cell === w.cell));
    if (k >= 0) left.splice(k, 1);
    else missing.push(w);
  }
  for (const m of missing) out.push(`missing prompt ${m.kind}@${m.cell} (${m.why})`);
  for (const p of left) out.push(`unexpected prompt ${p.kind}@${p.cell}: ${p.message}`);
  return out;
}

describe("real published forms (test/corpus) are read fully and checked as an accountant would", () => {
  it.each(CORPUS.map((f) => [`${f.id} (${f.province} ${f.unit} ${f.year})`, f] as const))(
    "%s",
    async (_name, form) => {
      expect(await discrepancies(form)).toEqual([]);
    }
  );
});
