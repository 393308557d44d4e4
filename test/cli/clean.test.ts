/**
 * `selfeval score --clean` (issue 21): the 提交版 of every sample beside its scored copy. It holds
 * the scored copy's corrected values, totals and grades, none of the add-in's notes and fills (no
 * comments or VML part, no 评分汇总, no ledger sheet), and every part nothing corrects is
 * byte-identical to the input's.
 */
import JSZip from "jszip";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cleanCopyPath } from "../../src/cli/cleanCopy";
import { main } from "../../src/cli/main";
import { scoreFile } from "../../src/cli/scoreFile";
import { STATE_SHEET } from "../../src/form/state";
import { SUMMARY_SHEET } from "../../src/form/summary";
import { readWorkbookFile } from "../../src/host/xlsx/readFile";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLES = fs
  .readdirSync(path.join(ROOT, "samples"))
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "clean-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files))
    if (!entry.dir) out.set(name, await entry.async("nodebuffer"));
  return out;
}

test("cleanCopyPath: <name>.提交版.xlsx beside the scored copy", () => {
  expect(cleanCopyPath(path.join("out", "丰台.scored.xlsx"))).toBe(
    path.join("out", "丰台.提交版.xlsx")
  );
});

test.each(SAMPLES)(
  "%s: the 提交版 keeps the corrections and drops every mark; the rest is the input's bytes",
  async (sample) => {
    const input = path.join(ROOT, "samples", sample);
    const out = path.join(tmp, sample.replace(/\.xlsx$/, ""));
    const report = await scoreFile({
      file: input,
      profile: "auto",
      outDir: out,
      dryRun: false,
      clean: true,
    });
    expect(report.error ?? null).toBeNull();
    expect(report.clean).toBe(cleanCopyPath(report.output as string));

    const source = await readWorkbookFile(input);
    const scored = await readWorkbookFile(report.output as string);
    const clean = await readWorkbookFile(report.clean as string);
    // the form sheets only: no 评分汇总, no ledger
    expect(clean.grids.map((g) => g.sheet)).toEqual(source.grids.map((g) => g.sheet));
    expect(clean.sheets.some((s) => s.name === STATE_SHEET || s.name === SUMMARY_SHEET)).toBe(
      false
    );
    let corrected = 0;
    for (const [i, grid] of clean.grids.entries()) {
      const was = source.grids[i];
      const marked = scored.grids.find((g) => g.sheet === grid.sheet);
      if (!marked) throw new Error(`scored copy lacks ${grid.sheet}`);
      // the corrected form: values, formulas and formats as in the scored copy
      expect(grid.values).toEqual(marked.values);
      expect(grid.formulas).toEqual(marked.formulas);
      expect(grid.numberFormats).toEqual(marked.numberFormats);
      // the marks: notes and fills as the person left them
      expect(grid.notes ?? {}).toEqual(was.notes ?? {});
      expect(grid.fills ?? {}).toEqual(was.fills ?? {});
      const form = (g: typeof grid): string =>
        JSON.stringify([g.values, g.formulas, g.numberFormats, g.looks ?? null]);
      if (form(grid) !== form(was)) corrected++;
    }

    const before = await parts(input);
    const after = await parts(report.clean as string);
    const marks = [...after.keys()].filter((p) => /comments|vmlDrawing|threadedComment/i.test(p));
    expect(marks).toEqual([...before.keys()].filter((p) => marks.includes(p)));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    // only the corrected sheets, their shared strings and styles, and workbook.xml (recalculation
    // on open) may differ from the input
    const changed = [...after.keys()].filter(
      (p) => !after.get(p)?.equals(before.get(p) ?? Buffer.alloc(0))
    );
    for (const p of changed)
      expect(p).toMatch(
        /^xl\/(worksheets\/sheet\d+\.xml|workbook\.xml|styles\.xml|sharedStrings\.xml)$/
      );
    // a sheet part changes exactly where the scoring corrected or added a value or its number
    // format (001 has none)
    expect(changed.filter((p) => p.startsWith("xl/worksheets/")).length).toBe(corrected);
    if (corrected === 0) expect(changed).toEqual([]);
  },
  60_000
);

test("--clean on the command line names the 提交版 and --json carries its path", async () => {
  const dir = path.join(tmp, "cli");
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(ROOT, "samples", SAMPLES[0]), path.join(dir, "表.xlsx"));
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (t: string) => (stdout += t),
    stderr: (t: string) => (stderr += t),
    isTTY: false,
  };
  expect(await main(["score", dir, "--clean", "--json", "--jobs", "1"], io)).toBe(0);
  const json = JSON.parse(stdout) as { files: { clean?: string }[] };
  expect(json.files).toHaveLength(1);
  expect(json.files[0].clean).toBe(path.join(dir, "表.提交版.xlsx"));
  expect(fs.existsSync(path.join(dir, "表.提交版.xlsx"))).toBe(true);
  // a folder scored again does not take the 提交版 (or the scored copy) for an input
  stdout = "";
  expect(await main(["score", dir, "--json", "--dry-run"], io)).toBe(0);
  expect((JSON.parse(stdout) as { files: unknown[] }).files).toHaveLength(1);
  expect(stderr).not.toContain("错误");
}, 60_000);
