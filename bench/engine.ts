/**
 * engineFormsPerSecond: the 64 scored seed tables (auto profile, evidence pooled per document)
 * scored repeatedly, median of several timed runs after a warm-up. Measured on one core and on
 * every core at once (one worker thread per core, each scoring its own copy of the 64 tables),
 * since the command line scores workbooks in parallel across the cores.
 */
import * as os from "os";
import { performance } from "perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "worker_threads";
import { scoreWorkbook } from "../src/engine";
import type { Form } from "../src/engine/types";
import { loadSeedCases } from "../test/support/seeds";
import { median } from "./median";

const ROUNDS = 40;
const RUNS = 7;

function scoredWorkbooks(): Form[][] {
  const cases = loadSeedCases().filter((c) => !c.table.layout.startsWith("renhe"));
  const books = new Map<string, Form[]>();
  for (const c of cases) books.set(c.table.seed, [...(books.get(c.table.seed) ?? []), c.form]);
  const workbooks = [...books.values()];
  const forms = workbooks.reduce((n, b) => n + b.length, 0);
  if (forms !== 64) throw new Error(`expected the 64 scored seed tables, found ${forms}`);
  return workbooks;
}

/** Seconds to score the 64 tables ROUNDS times. */
function timeRounds(workbooks: Form[][]): number {
  const t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) for (const book of workbooks) scoreWorkbook(book);
  return (performance.now() - t0) / 1000;
}

if (!isMainThread && workerData?.engineBench) {
  const books = scoredWorkbooks();
  timeRounds(books); // warm-up
  parentPort?.on("message", (msg: string) => {
    if (msg === "run") parentPort?.postMessage(timeRounds(books));
    else process.exit(0);
  });
  parentPort?.postMessage("ready");
}

export function engineOneCore(): number {
  const books = scoredWorkbooks();
  timeRounds(books);
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) rates.push((64 * ROUNDS) / timeRounds(books));
  return Math.round(median(rates));
}

export async function engineAllCores(): Promise<{ cores: number; formsPerSecond: number }> {
  const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  // each worker loads this file through tsx's require hook
  const boot = `require("tsx/cjs"); require(${JSON.stringify(__filename)});`;
  const workers = Array.from(
    { length: cores },
    () => new Worker(boot, { eval: true, workerData: { engineBench: true } })
  );
  const next = (w: Worker): Promise<unknown> =>
    new Promise((resolve, reject) => {
      w.once("message", resolve);
      w.once("error", reject);
    });
  await Promise.all(workers.map(next)); // ready
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const done = workers.map(next);
    for (const w of workers) w.postMessage("run");
    await Promise.all(done);
    const seconds = (performance.now() - t0) / 1000;
    rates.push((64 * ROUNDS * cores) / seconds);
  }
  for (const w of workers) w.postMessage("exit");
  await Promise.all(workers.map((w) => new Promise((r) => w.once("exit", r))));
  return { cores, formsPerSecond: Math.round(median(rates)) };
}
