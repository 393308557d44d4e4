/**
 * Builds engine Forms from the hand extraction of the seed documents (../shared/seeds/cases),
 * until recognition produces them from sheets. Each table is laid out on its own synthetic
 * sheet named after the table id (000#1), in the columns its template has, so that prompts
 * name real-looking cells.
 */
import * as fs from "fs";
import * as path from "path";
import type { BudgetRow, Cell, Form, IndicatorRow } from "../../src/engine/types";

/** A copy of ../shared/seeds (the five published documents and their extraction), bundled so the demo runs anywhere. */
export const SEEDS_DIR = path.resolve(__dirname, "../fixtures/seeds");

interface SeedBudgetRow {
  label: string;
  initial: string | null;
  annual: string | null;
  executed: string | null;
  weight: string | null;
  rate: string | null;
  score: string | null;
}

interface SeedIndicator {
  level1: string;
  level2: string;
  level3: string;
  weight: string | null;
  target: string | null;
  actual: string | null;
  completion_rate: string | null;
  score: string | null;
  rule: string | null;
  deviation: string | null;
  filled_from_above?: string[];
}

export interface SeedTable {
  seed: string;
  index: number;
  title_line: string;
  project: string | null;
  unit: string | null;
  layout: string;
  budget: { rows: SeedBudgetRow[]; weight_total: string | null } | null;
  indicators: SeedIndicator[];
  total_stated: string | null;
  deviation_text: string | null;
  goals?: { expected?: string | null; actual?: string | null } | null;
  improvement_text: string | null;
  meta: { source_line?: number; budget_columns?: string[]; columns?: string[]; total_weight_stated?: string };
}

export interface SeedCase {
  readonly id: string; // 004#0
  readonly table: SeedTable;
  readonly form: Form;
}

/** Rule notes of a seed document with the line they start on (填报注意事项, 备注). */
function ruleNotes(seedFile: string): { line: number; text: string }[] {
  const lines = fs.readFileSync(path.join(SEEDS_DIR, seedFile), "utf8").split("\n");
  const notes: { line: number; text: string }[] = [];
  lines.forEach((l, i) => {
    if (/^\s*(填报注意事项|备注)[：:]/.test(l)) notes.push({ line: i + 1, text: lines.slice(i, i + 6).join("\n") });
  });
  return notes;
}

const cell = (address: string, value: string | null | undefined): Cell => ({ address, value: value ?? null });

function has(columns: string[] | undefined, re: RegExp): boolean {
  return (columns ?? []).some((c) => re.test(c.replace(/\s+/g, "")));
}

/** Budget columns each layout prints. */
const BUDGET_CELLS: Record<string, (keyof SeedBudgetRow)[]> = {
  "renhe-2023-completion-rate": ["annual", "executed", "rate"],
  "renhe-2022-text": ["annual", "executed"],
  "wuhan-20-80": ["annual", "executed", "rate", "score"],
  "changji-10-90-weights": ["initial", "annual", "executed", "weight", "rate", "score"],
  "changji-unit-overall-10-90": ["initial", "annual", "executed", "weight", "rate", "score"],
  "fengtai-10-90": ["initial", "annual", "executed", "weight", "rate", "score"],
};
const BUDGET_COLUMN: Record<string, string> = { initial: "C", annual: "D", executed: "E", weight: "F", rate: "G", score: "H" };

export function seedToForm(id: string, t: SeedTable, ruleText?: string): Form {
  const sheet = id;
  const cols = t.meta.columns ?? [];
  const budgetCells = BUDGET_CELLS[t.layout] ?? [];
  let r = 4;
  const budgetHeaderText = t.meta.budget_columns?.[0] ?? (t.layout.startsWith("renhe") ? "项目资金(万元)" : "项目资金（万元）");
  const budgetRows: BudgetRow[] = [];
  const budgetHeader = cell(`A${r}`, budgetHeaderText);
  for (const row of t.budget?.rows ?? []) {
    r++;
    const b: Record<string, Cell> = {};
    for (const key of budgetCells) b[key] = cell(`${BUDGET_COLUMN[key]}${r}`, row[key]);
    budgetRows.push({ label: cell(`B${r}`, row.label), ...b });
  }
  // the 年度总体目标完成情况 text, on the row between the budget and the indicator table
  const goalReport = t.goals?.actual ? cell(`C${r + 1}`, t.goals.actual) : undefined;
  r += 2;
  const headerRow = r;
  const hasWeight = has(cols, /^(分值|权重|分值权重)$/);
  const hasRate = has(cols, /完成率/);
  const hasScore = has(cols, /^(得分|指标得分)$/);
  const hasRule = has(cols, /赋分规则/);
  const hasReason = has(cols, /偏差原因|未完成原因|改进措施/);
  const indicators: IndicatorRow[] = t.indicators.map((ind) => {
    r++;
    const filled = ind.filled_from_above ?? [];
    return {
      row: r,
      level1: cell(`B${r}`, ind.level1),
      level1Inherited: filled.includes("level1"),
      level2: cell(`C${r}`, ind.level2),
      level2Inherited: filled.includes("level2"),
      name: cell(`D${r}`, ind.level3),
      target: cell(`E${r}`, ind.target),
      actual: cell(`F${r}`, ind.actual),
      weight: hasWeight ? cell(`G${r}`, ind.weight) : undefined,
      rate: hasRate ? cell(`H${r}`, ind.completion_rate) : undefined,
      score: hasScore ? cell(`I${r}`, ind.score) : undefined,
      rule: hasRule ? cell(`J${r}`, ind.rule) : undefined,
      reason: hasReason ? cell(`K${r}`, ind.deviation) : undefined,
    };
  });
  r++;
  const hasTotal = t.total_stated !== null || (hasScore && t.layout !== "changji-unit-overall-10-90");
  const total = hasTotal
    ? { label: cell(`D${r}`, "总分"), weight: cell(`G${r}`, t.meta.total_weight_stated ?? null), score: cell(`I${r}`, t.total_stated) }
    : undefined;
  r++;
  const formReason = t.layout === "wuhan-20-80" ? cell(`C${r}`, t.deviation_text) : undefined;
  return {
    sheet,
    anchor: "A1",
    title: t.title_line,
    project: cell("B2", t.project),
    headers: [...(t.meta.budget_columns ?? []), ...cols],
    ruleText,
    budget: t.budget ? { header: budgetHeader, columnHeaders: t.meta.budget_columns ?? [], rows: budgetRows } : undefined,
    indicatorHeader: cols[0] ? cell(`A${headerRow}`, cols[0]) : undefined,
    indicators,
    total,
    grade: undefined,
    formReason,
    hasReasonColumn: hasReason,
    goalReport,
  };
}

/** Every seed table as a Form, rule notes attached to the table they follow, as printed. */
export function loadSeedCases(): SeedCase[] {
  const dir = path.join(SEEDS_DIR, "cases");
  const out: SeedCase[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const tables = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as SeedTable[];
    const notes = ruleNotes(tables[0].seed);
    const noteFor = new Map<number, string>();
    for (const note of notes) {
      const before = tables.filter((t) => (t.meta.source_line ?? 0) < note.line);
      const owner = before.length ? before[before.length - 1] : tables[0];
      if (!noteFor.has(owner.index)) noteFor.set(owner.index, note.text);
    }
    for (const t of tables) {
      const id = `${file.slice(0, 3)}#${t.index}`;
      out.push({ id, table: t, form: seedToForm(id, t, noteFor.get(t.index)) });
    }
  }
  return out;
}
