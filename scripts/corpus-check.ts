/**
 * Lists, per corpus form (the tested index and the awaiting list), every discrepancy between what
 * the product reads and prompts and the form's hand-computed expectations; "passes" where there is none.
 * `npx tsx scripts/corpus-check.ts [id…]`
 */
import { discrepancies } from "../test/corpus/check";
import { CORPUS } from "../test/corpus/forms";
import { AWAITING } from "../test/corpus/forms/awaiting";

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const all = [
    ...CORPUS.map((form) => ({ form, list: "index" })),
    ...AWAITING.map(({ form }) => ({ form, list: "awaiting" })),
  ].filter(({ form }) => only.length === 0 || only.includes(form.id));
  for (const { form, list } of all) {
    const found = await discrepancies(form);
    console.log(
      `${form.id} [${list}]: ${found.length === 0 ? "passes" : `${found.length} discrepancies`}`
    );
    for (const d of found) console.log(`  ${d}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
