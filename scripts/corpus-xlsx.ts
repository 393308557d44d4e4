/**
 * Writes the corpus of real published forms (test/corpus/forms) as .xlsx workbooks, one per form,
 * so that a person can open them or run `selfeval` over them. The acceptance test builds the same
 * workbooks in memory; nothing here is committed.
 * `npx tsx scripts/corpus-xlsx.ts [out-dir]` (default: a folder under the system's temp dir)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildCorpusWorkbook } from "../test/corpus/build";
import { CORPUS } from "../test/corpus/forms";

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? path.join(os.tmpdir(), "selfeval-corpus"));
  fs.mkdirSync(out, { recursive: true });
  for (const form of CORPUS) {
    const file = path.join(out, `${form.id}.xlsx`);
    fs.writeFileSync(file, await buildCorpusWorkbook(form));
    console.log(`${file}  ${form.province} ${form.unit} ${form.year}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
