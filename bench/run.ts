/**
 * The product's one benchmark: `npm run -s bench -- --json` prints one JSON object on stdout.
 * Each issue adds its keys; progress goes to stderr.
 *
 * engineFormsPerSecond: the 64 scored seed tables (auto profile, evidence pooled per document)
 * scored repeatedly; the median of several timed runs after a warm-up.
 */
import { performance } from "perf_hooks";
import { scoreWorkbook } from "../src/engine";
import type { Form } from "../src/engine/types";
import { loadSeedCases } from "../test/support/seeds";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function engineFormsPerSecond(): number {
  const cases = loadSeedCases().filter((c) => c.table.layout !== "renhe-2023-completion-rate" && c.table.layout !== "renhe-2022-text");
  const books = new Map<string, Form[]>();
  for (const c of cases) books.set(c.table.seed, [...(books.get(c.table.seed) ?? []), c.form]);
  const workbooks = [...books.values()];
  const forms = workbooks.reduce((n, b) => n + b.length, 0);
  if (forms !== 64) throw new Error(`expected the 64 scored seed tables, found ${forms}`);
  const rounds = 50;
  const once = (): void => {
    for (let i = 0; i < rounds; i++) for (const book of workbooks) scoreWorkbook(book);
  };
  once(); // warm-up
  const rates: number[] = [];
  for (let run = 0; run < 7; run++) {
    const t0 = performance.now();
    once();
    const seconds = (performance.now() - t0) / 1000;
    rates.push((forms * rounds) / seconds);
  }
  return Math.round(median(rates));
}

const json = process.argv.includes("--json");
const result: Record<string, number> = {};
process.stderr.write("engine: scoring the 64 seed tables…\n");
result.engineFormsPerSecond = engineFormsPerSecond();
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else for (const [k, v] of Object.entries(result)) process.stdout.write(`${k}: ${v}\n`);
