/**
 * `npm run workbench [-- --workbook path.xlsx --port N]`: builds the workbench page and serves it
 * on localhost with the workbook loaded into the strict fake Excel. Also the end-to-end tests' and
 * the benchmark's way to start it (startWorkbench).
 */
import { Command, InvalidArgumentError } from "commander";
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import webpack from "webpack";
import { loadFakeExcel } from "../fake-excel";
import type { WorkbookPayload } from "./protocol";

const ROOT = path.resolve(__dirname, "..");
export const DEFAULT_WORKBOOK = path.join(ROOT, "samples", "004-fengtai-2020.xlsx");
export const WORKBENCH_DIR = path.join(ROOT, "dist-workbench");

/** Sources the page is built from: a bundle newer than all of them is current. */
const SOURCE_DIRS = ["src", "workbench", "fake-excel"].map((d) => path.join(ROOT, d));

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsCurrent(): boolean {
  const bundle = path.join(WORKBENCH_DIR, "workbench.js");
  if (!fs.existsSync(bundle) || !fs.existsSync(path.join(WORKBENCH_DIR, "index.html")))
    return false;
  const built = fs.statSync(bundle).mtimeMs;
  // the page's build shares the add-in's chunk split (webpack.config.js)
  const rootConfig = fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs;
  return rootConfig < built && SOURCE_DIRS.every((d) => newestSource(d) < built);
}

/** Builds dist-workbench/ (production mode) unless it is newer than every source. */
export async function buildWorkbench(options: { force?: boolean } = {}): Promise<void> {
  if (!options.force && bundleIsCurrent()) return;

  const configFactory = require("./webpack.config.js") as (
    env: object,
    argv: object
  ) => webpack.Configuration;
  const compiler = webpack(configFactory({}, { mode: "production" }));
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) reject(err);
      else if (stats?.hasErrors())
        reject(new Error(stats.toString({ all: false, errors: true, colors: false })));
      else resolve();
    })
  );
}

/** The workbook as the page needs it, or a Chinese message naming the file. */
export async function workbookPayload(file: string, excelApi: string): Promise<WorkbookPayload> {
  const name = path.basename(file);
  if (!fs.existsSync(file)) return { error: `找不到工作簿“${file}”。` };
  try {
    const fake = await loadFakeExcel(file, { excelApi });
    return { name, excelApi, document: fake.doc.toData() };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { error: `工作簿“${name}”无法读取，它可能已损坏或不是 .xlsx 文件（${reason}）。` };
  }
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface Workbench {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves dist-workbench/ and /workbook.json on 127.0.0.1 (port 0: any free port). */
export async function startWorkbench(
  options: {
    readonly workbook?: string;
    readonly port?: number;
    readonly excelApi?: string;
    readonly build?: boolean;
  } = {}
): Promise<Workbench> {
  if (options.build !== false) await buildWorkbench();
  const file = path.resolve(options.workbook ?? DEFAULT_WORKBOOK);
  const payload = JSON.stringify(await workbookPayload(file, options.excelApi ?? "1.18"));
  const files = new Set(fs.readdirSync(WORKBENCH_DIR));
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const name = pathname === "/" ? "index.html" : pathname.slice(1);
    if (name === "workbook.json") {
      res.writeHead(200, {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": "no-store",
      });
      res.end(payload);
      return;
    }
    if (!files.has(name)) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("未找到");
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(name)] ?? "application/octet-stream",
    });
    fs.createReadStream(path.join(WORKBENCH_DIR, name)).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function portNumber(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError("端口应为 0 到 65535 之间的整数。");
  return n;
}

async function main(): Promise<void> {
  const program = new Command()
    .name("workbench")
    .description("在浏览器中运行任务窗格：真实的任务窗格 + 严格模拟的 Excel，载入一个工作簿")
    .option("--workbook <path>", "要载入的 .xlsx 工作簿", DEFAULT_WORKBOOK)
    .option("--port <n>", "监听的端口", portNumber, 3100)
    .option("--excel-api <version>", "模拟的 Excel 支持的最高 ExcelApi 要求集", "1.18")
    .parse();
  const opts = program.opts<{ workbook: string; port: number; excelApi: string }>();
  process.stderr.write("正在构建工作台页面…\n");
  const bench = await startWorkbench({
    workbook: opts.workbook,
    port: opts.port,
    excelApi: opts.excelApi,
  });
  process.stdout.write(`工作台已启动：${bench.url}  （工作簿：${path.resolve(opts.workbook)}）\n`);
  process.stdout.write("按 Ctrl+C 停止。\n");
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
