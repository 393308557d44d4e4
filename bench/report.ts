/**
 * reportMs200 (issue 13): the 自评报告 model and its .docx for the 200-tab benchmark workbook,
 * from the scored forms (reading and scoring are the other keys' business). Median of 3, in ms.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { scoreWorkbookGrids } from "../src/form/pipeline";
import { readWorkbookGrids } from "../src/host/xlsx/read";
import { buildReport, scoredForms } from "../src/report";
import { reportDocx } from "../src/report/docx";
import { make200 } from "./cli";
import { median } from "./median";

export async function report200(): Promise<{ reportMs200: number; reportKB200: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-report-bench-"));
  try {
    const file = path.join(dir, "200张表.xlsx");
    await make200(file);
    const { grids } = await readWorkbookGrids(fs.readFileSync(file), { name: file });
    const forms = scoredForms(scoreWorkbookGrids(grids).sheets, grids);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const docx = await reportDocx(buildReport(forms));
      times.push(performance.now() - t0);
      bytes = docx.length;
    }
    return { reportMs200: Math.round(median(times)), reportKB200: Math.round(bytes / 1024) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module)
  void report200().then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
