/**
 * Counts, over the whole corpus of real forms (the tested index and the awaiting list), the prompts the
 * product raises against the hand-computed expectations: expected, raised, matched, missing, and the
 * false ones (raised where the transcription expects no prompt of that kind on that cell), per form and
 * per issue-24 feature (test/corpus/features.ts). Issue 24's closing-note measure.
 * `npx tsx scripts/corpus-prompts.ts`
 */
import { diffPrompts, scoreCorpusForm } from "../test/corpus/check";
import { FEATURES } from "../test/corpus/features";
import { CORPUS } from "../test/corpus/forms";
import { AWAITING } from "../test/corpus/forms/awaiting";
import type { CorpusForm } from "../test/corpus/types";

interface Count {
  readonly id: string;
  readonly list: string;
  readonly expected: number;
  readonly raised: number;
  readonly missing: number;
  readonly falsePrompts: number;
  /** False prompts on a cell where no prompt at all is expected (a row correct as printed). */
  readonly onCorrectCells: number;
  /** Expected indicator rows the product did not read as indicators (silence). */
  readonly unreadRows: number;
}

async function count(form: CorpusForm, list: string): Promise<Count> {
  const sheet = await scoreCorpusForm(form);
  const raised = (sheet?.forms ?? []).flatMap((f) => f.result.prompts);
  const { missing, unexpected } = diffPrompts(form.expected.prompts, raised);
  const expectedCells = new Set(form.expected.prompts.map((p) => p.cell));
  const readRows = new Set(
    (sheet?.forms ?? []).flatMap((f) => f.result.indicators.map((i) => i.row))
  );
  return {
    id: form.id,
    list,
    expected: form.expected.prompts.length,
    raised: raised.length,
    missing: missing.length,
    falsePrompts: unexpected.length,
    onCorrectCells: unexpected.filter((p) => !expectedCells.has(p.cell)).length,
    unreadRows: form.expected.indicators.filter((i) => !readRows.has(i.row)).length,
  };
}

const sum = (rows: readonly Count[], key: keyof Omit<Count, "id" | "list">): number =>
  rows.reduce((n, r) => n + r[key], 0);

async function main(): Promise<void> {
  const rows: Count[] = [];
  for (const form of CORPUS) rows.push(await count(form, "index"));
  for (const { form } of AWAITING) rows.push(await count(form, "awaiting"));
  console.log(
    "| form | list | expected | raised | missing | false | false on correct cells | rows unread |"
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rows)
    console.log(
      `| ${r.id} | ${r.list} | ${r.expected} | ${r.raised} | ${r.missing} | ${r.falsePrompts} | ${r.onCorrectCells} | ${r.unreadRows} |`
    );
  console.log(
    `| total (${rows.length} forms) | | ${sum(rows, "expected")} | ${sum(rows, "raised")} | ${sum(rows, "missing")} | ${sum(rows, "falsePrompts")} | ${sum(rows, "onCorrectCells")} | ${sum(rows, "unreadRows")} |`
  );
  console.log("\n| feature | forms | missing | false | rows unread |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const { feature, forms } of FEATURES) {
    const of = rows.filter((r) => forms.includes(r.id));
    console.log(
      `| ${feature} | ${forms.join(", ") || "—"} | ${sum(of, "missing")} | ${sum(of, "falsePrompts")} | ${sum(of, "unreadRows")} |`
    );
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
