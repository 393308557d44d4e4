/**
 * The 网页版 (issue 19), built as `npm run build:web` builds it (dist-web/):
 *
 * webBundleGzipKB: every file of dist-web/ gzipped (level 9), index.html and web.js, the Web
 * Worker's code inlined in it: what a browser loads, once.
 * webScore200Seconds: the 200-tab workbook (make200, the one cliSeconds200 times) scored by the page
 * opened from file:// in headless Chromium, from the file chosen (setInputFiles) to its
 * `<name>.scored.xlsx` link ready to download; a fresh page each time, median of 3.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { launchChromium } from "../test/support/browser";
import { gzipKB } from "../test/support/bundle";
import { ensureWebBuild, WEB_DIR, WEB_INDEX } from "../test/support/webBuild";
import { make200 } from "./cli";
import { median } from "./median";

export async function webFigures(): Promise<{
  webScore200Seconds: number;
  webBundleGzipKB: number;
}> {
  ensureWebBuild();
  const files = fs.readdirSync(WEB_DIR).filter((f) => /\.(html|js)$/.test(f));
  const kb = files.reduce((sum, f) => sum + gzipKB(fs.readFileSync(path.join(WEB_DIR, f))), 0);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-web-"));
  const browser = await launchChromium();
  try {
    const book = path.join(tmp, "200.xlsx");
    await make200(book);
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(pathToFileURL(WEB_INDEX).href);
      const input = page.locator('input[type="file"]');
      await input.waitFor({ state: "attached" });
      const t0 = Date.now();
      await input.setInputFiles(book);
      await page.getByRole("link", { name: "下载 200.scored.xlsx" }).waitFor({ timeout: 300_000 });
      runs.push((Date.now() - t0) / 1000);
      await context.close();
    }
    return {
      webScore200Seconds: Math.round(median(runs) * 100) / 100,
      webBundleGzipKB: Math.round(kb * 10) / 10,
    };
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
