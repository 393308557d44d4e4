/**
 * The add-in in a browser:
 * - bundleGzipKB: the task pane's initial JavaScript (the scripts dist/taskpane.html loads:
 *   react.js, fluent.js and taskpane.js of a production build of webpack.config.js, built here into a
 *   temporary folder), gzip level 9, in KiB: what loads before the first render. bundleGzipKBTotal: every chunk of the task pane (the scoring code, the result
 *   view, the .docx report and their libraries, loaded after the first render or on demand) with it.
 * - firstRenderMs: headless Chromium on the workbench page (production build, sample workbook,
 *   a fresh browser context each load so nothing is cached): milliseconds from navigation start to
 *   the task pane's first commit (its first effect, after the first paint), median of 7 loads. The
 *   page records the time itself; the bench reads it with a script started at the navigation's
 *   commit, so that Playwright's own injected script is not evaluated between the pane's first
 *   paint and that effect (it was, in some loads, for 30–80 ms: issue 12, docs/decisions.md).
 * - workbenchBatch200Seconds: the same page over the 200-tab workbook of bench/cli.ts: from the
 *   click on 批量评分 to the pane's line "批量评分：200 张自评表…", median of 3 page loads.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildWorkbench, startWorkbench } from "../workbench/server";
import type { Browser } from "playwright-core";
import { launchChromium } from "../test/support/browser";
import { buildProduction, gzipKB, initialGzipKB, readBuilt } from "../test/support/bundle";
import { make200 } from "./cli";
import { median } from "./median";

/** Milliseconds from navigation start to the pane's first commit, for `loads` fresh loads of `url`. */
export async function firstRenders(browser: Browser, url: string, loads = 7): Promise<number[]> {
  const renders: number[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit" });
    // a string, polled by the page itself: nothing of Playwright's is injected while it loads
    const ms = await page.evaluate(`new Promise((resolve) => {
      const check = () => {
        const t = window.workbench && window.workbench.firstRenderMs;
        if (t != null) resolve(t);
        else setTimeout(check, 50);
      };
      check();
    })`);
    renders.push(Number(ms));
    await context.close();
  }
  return renders;
}

/** Gzip KiB of every .js file a production build wrote for the task pane (not the ribbon's). */
function totalGzipKB(dir: string): number {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".js") && f !== "commands.js");
  return Math.round(files.reduce((kb, f) => kb + gzipKB(readBuilt(dir, f)), 0) * 10) / 10;
}

export async function browserFigures(): Promise<{
  bundleGzipKB: number;
  bundleGzipKBTotal: number;
  firstRenderMs: number;
  workbenchBatch200Seconds: number;
}> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-browser-"));
  try {
    await buildProduction(path.join(tmp, "dist"));
    const bundleGzipKB = initialGzipKB(path.join(tmp, "dist"));
    const bundleGzipKBTotal = totalGzipKB(path.join(tmp, "dist"));

    await buildWorkbench();
    const browser = await launchChromium();
    try {
      const sample = await startWorkbench({ build: false });
      let renders: number[];
      try {
        renders = await firstRenders(browser, sample.url);
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
        bundleGzipKBTotal,
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
