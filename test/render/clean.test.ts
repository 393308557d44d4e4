/**
 * The 提交版 (issue 21) as a finance bureau prints it, in LibreOffice headless: Fengtai's clean copy
 * prints every form sheet on as many pages as the input, shows the corrected total, and PNGs of
 * its first form beside the scored copy's (before: with the marks; after: without) are kept under
 * test-artifacts/clean/.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { scoreFile } from "../../src/cli/scoreFile";
import { STATE_SHEET } from "../../src/form/state";
import { SUMMARY_SHEET } from "../../src/form/summary";
import {
  convertToPdf,
  pagesBySheet,
  pdfPages,
  printCopy,
  renderPng,
  sheetNames,
} from "../support/libreoffice";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "004-fengtai-2020.xlsx");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "clean");

let dir: string;
const pdfs = new Map<string, string>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "clean-render-"));
  const report = await scoreFile({
    file: SAMPLE,
    profile: "auto",
    outDir: dir,
    dryRun: false,
    clean: true,
  });
  expect(report.error ?? null).toBeNull();
  const scored = fs.readFileSync(report.output as string);
  const clean = fs.readFileSync(report.clean as string);
  const first = (await sheetNames(clean))[0].name;
  const ours = (n: string): boolean => n === STATE_SHEET || n.startsWith(SUMMARY_SHEET);
  const files: [string, Buffer][] = [
    ["in", await printCopy(fs.readFileSync(SAMPLE), () => true, true)],
    ["clean", await printCopy(clean, () => true, true)],
    ["scored-form", await printCopy(scored, (n) => n === first && !ours(n), false)],
    ["clean-form", await printCopy(clean, (n) => n === first, false)],
  ];
  const paths = files.map(([name, bytes]) => {
    const file = path.join(dir, `${name}.xlsx`);
    fs.writeFileSync(file, bytes);
    return file;
  });
  convertToPdf(paths, dir).forEach((pdf, i) => pdfs.set(files[i][0], pdf));
}, 600_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("the 提交版 prints every form sheet on as many pages as the input, and nothing more", () => {
  const before = pagesBySheet(pdfs.get("in") as string);
  const after = pagesBySheet(pdfs.get("clean") as string);
  expect(before.size).toBeGreaterThan(1);
  expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before));
});

test("the printed 提交版 shows the corrected total, the scored copy's marks are not on paper", () => {
  const text = (pdf: string): string =>
    execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  const clean = text(pdfs.get("clean-form") as string);
  const input = text(pdfs.get("in") as string);
  // Fengtai's first form: printed 95.2, computed 96.36 (the scored copy's corrected total)
  expect(input).toContain("95.2");
  expect(clean).toContain("96.36");
  expect(clean).not.toContain("【绩效自评】");
});

test("PNGs of the first form, scored (before) and 提交版 (after), are kept for review", () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of fs.readdirSync(ARTIFACTS)) fs.rmSync(path.join(ARTIFACTS, f));
  const pngs = [
    ...renderPng(
      pdfs.get("scored-form") as string,
      path.join(ARTIFACTS, "scored"),
      pdfPages(pdfs.get("scored-form") as string)
    ),
    ...renderPng(
      pdfs.get("clean-form") as string,
      path.join(ARTIFACTS, "clean"),
      pdfPages(pdfs.get("clean-form") as string)
    ),
  ];
  expect(pngs.length).toBeGreaterThanOrEqual(2);
  for (const png of pngs) expect(fs.statSync(png).size).toBeGreaterThan(10_000);
});
