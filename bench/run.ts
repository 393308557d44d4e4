/**
 * The product's one benchmark: `npm run -s bench -- --json` prints one JSON object on stdout
 * (progress on stderr). Each issue adds its keys.
 */
import { cli200 } from "./cli";
import { engineAllCores, engineOneCore } from "./engine";
import { excelFake } from "./excel";
import { browserFigures } from "./browser";
import { recognizeFigures } from "./recognize";
import { report200 } from "./report";
import { robustMemory } from "./robust";
import { webFigures } from "./web";

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const result: Record<string, number> = {};
  process.stderr.write("engine: the 64 scored seed tables on one core…\n");
  result.engineFormsPerSecondOneCore = engineOneCore();
  process.stderr.write("engine: on every core…\n");
  const all = await engineAllCores();
  result.engineFormsPerSecond = all.formsPerSecond;
  result.engineCores = all.cores;
  process.stderr.write(
    "cli: selfeval score on a 200-tab workbook against a bare ExcelJS load and save…\n"
  );
  Object.assign(result, await cli200());
  Object.assign(result, await recognizeFigures()); // recognition alone, 200 tabs
  process.stderr.write("report: the 自评报告 model and .docx for the 200-tab workbook…\n");
  Object.assign(result, await report200());
  process.stderr.write("add-in: 批量评分 in the fake Excel over 1 tab and 200 tabs…\n");
  Object.assign(result, await excelFake());
  process.stderr.write(
    "browser: the task pane bundle, its first render and 批量评分 over 200 tabs in headless Chromium…\n"
  );
  Object.assign(result, await browserFigures());
  process.stderr.write("robust: peak memory on a million-row sheet and an eight-sheet zip bomb…\n");
  Object.assign(result, await robustMemory());
  Object.assign(result, await webFigures()); // the 网页版: webScore200Seconds, webBundleGzipKB
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else for (const [k, v] of Object.entries(result)) process.stdout.write(`${k}: ${v}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
