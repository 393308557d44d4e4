/**
 * The add-in in a browser:
 * - bundleGzipKB: the task pane's JavaScript (dist/taskpane.js of a production build of
 *   webpack.config.js, built here into a temporary folder), gzip level 9, in KiB.
 * - firstRenderMs: headless Chromium on the workbench page (production build, sample workbook,
 *   a fresh browser context each load so nothing is cached): milliseconds from navigation start to
 *   the task pane's first commit, median of 7 loads.
 * - workbenchBatch200Seconds: the same page over the 200-tab workbook of bench/cli.ts: from the
 *   click on 批量评分 to the pane's line "批量评分：200 张自评表…", median of 3 page loads.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildWorkbench, startWorkbench } from "../workbench/server";
import { launchChromium } from "../test/support/browser";
import { buildProduction, gzipKB, readBuilt } from "../test/support/bundle";
import { make200 } from "./cli";
import { median } from "./median";

export async function browserFigures(): Promise<{
  bundleGzipKB: number;
  firstRenderMs: number;
  workbenchBatch200Seconds: number;
}> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-browser-"));
  try {
    await buildProduction(path.join(tmp, "dist"));
    const bundleGzipKB = gzipKB(readBuilt(path.join(tmp, "dist"), "taskpane.js"));

    await buildWorkbench();
    const browser = await launchChromium();
    try {
      const sample = await startWorkbench({ build: false });
      const renders: number[] = [];
      try {
        for (let i = 0; i < 7; i++) {
          const context = await browser.newContext();
          const page = await context.newPage();
          await page.goto(sample.url);
          await page.waitForFunction(() => window.workbench?.firstRenderMs != null);
          renders.push(await page.evaluate(() => window.workbench?.firstRenderMs ?? NaN));
          await context.close();
        }
      } finally {
        await sample.close();
      }

      const file = path.join(tmp, "200.xlsx");
      await make200(file);
      const big = await startWorkbench({ workbook: file, build: false });
      const batches: number[] = [];
      try {
        for (let i = 0; i < 3; i++) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
          const page = await context.newPage();
          await page.goto(big.url);
          const button = page.getByRole("button", { name: "批量评分" });
          await button.waitFor();
          const t0 = Date.now();
          await button.click();
          await page.getByText(/^批量评分：200 张自评表/).waitFor({ timeout: 300_000 });
          batches.push((Date.now() - t0) / 1000);
          await context.close();
        }
      } finally {
        await big.close();
      }
      return {
        bundleGzipKB,
        firstRenderMs: Math.round(median(renders)),
        workbenchBatch200Seconds: Math.round(median(batches) * 100) / 100,
      };
    } finally {
      await browser.close();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
