/**
 * The 自评报告's length as a bureau prints it (issue 21): the five samples' reports converted to PDF
 * by LibreOffice in one soffice run; the page counts are written to test-artifacts/report/pages.txt.
 * Issue 21 asks for Fengtai at most 20 pages; it was 57 before the issue and is 39 with the summary table, fully met
 * rows counted in one sentence, docked rows named with their score, deviations not recited twice
 * and projects not each on a new page. The bound below holds what is reached; 20 is not yet.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { scoreWorkbookGrids } from "../../src/form/pipeline";
import { readWorkbookFile } from "../../src/host/xlsx/readFile";
import { buildReport, scoredForms } from "../../src/report";
import { reportDocx } from "../../src/report/docx";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLES = fs
  .readdirSync(path.join(ROOT, "samples"))
  .filter((f) => f.endsWith(".xlsx"))
  .sort();
/** Reached so far (issue 21's target is 20). */
const FENGTAI_MAX_PAGES = 39;

test("the samples' reports as PDF: page counts kept, Fengtai within the bound reached", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-pages-"));
  try {
    const files: string[] = [];
    for (const sample of SAMPLES) {
      const { grids } = await readWorkbookFile(path.join(ROOT, "samples", sample));
      const outcome = scoreWorkbookGrids(grids);
      const model = buildReport(scoredForms(outcome.sheets, grids));
      const file = path.join(dir, sample.replace(/\.xlsx$/, ".docx"));
      fs.writeFileSync(file, await reportDocx(model));
      files.push(file);
    }
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...files,
      ],
      { stdio: "pipe", timeout: 400_000 }
    );
    const pages = new Map<string, number>();
    for (const f of files) {
      const info = execFileSync("pdfinfo", [f.replace(/\.docx$/, ".pdf")], { encoding: "utf8" });
      pages.set(path.basename(f, ".docx"), Number(/Pages:\s+(\d+)/.exec(info)?.[1]));
    }
    const out = path.join(ROOT, "test-artifacts", "report");
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(
      path.join(out, "pages.txt"),
      [...pages].map(([name, n]) => `${name}\t${n}`).join("\n") + "\n"
    );
    expect([...pages.values()].every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    expect(pages.get("004-fengtai-2020")).toBeLessThanOrEqual(FENGTAI_MAX_PAGES);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 450_000);
