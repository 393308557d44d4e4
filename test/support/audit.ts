/**
 * The audit of the seed tables: every figure the accountant printed (budget rate and score,
 * indicator score and 完成率, total) is either reproduced within the §4 agreement rule or
 * explained by a prompt of the right kind on the right cell.
 */
import { scoreWorkbook } from "../../src/engine";
import { plain } from "../../src/engine/decimal";
import type { FormResult, PromptKind } from "../../src/engine/types";
import { seedCases } from "./score";
import type { SeedCase } from "./seeds";

export interface Figure {
  readonly table: string;
  readonly what: string;
  readonly cell: string;
  readonly printed: string;
  /** kept: a manual row's typed score, kept without a prompt (the accountant judged it). */
  readonly outcome: "reproduced" | "kept" | PromptKind | "UNEXPLAINED";
}

/** Prompts that explain why a row's printed score was not recomputed or not adopted. */
const ROW_EXPLAINERS: readonly PromptKind[] = [
  "score-mismatch",
  "unparseable",
  "missing-value",
  "qualitative-judgement",
  "unit-mismatch",
  "multi-value",
  "unscored",
  "deadline-missed",
];

export function scoreAllSeeds(): { c: SeedCase; r: FormResult }[] {
  const cases = seedCases();
  const out: { c: SeedCase; r: FormResult }[] = [];
  for (const seed of [...new Set(cases.map((c) => c.table.seed))]) {
    const book = cases.filter((c) => c.table.seed === seed);
    const results = scoreWorkbook(book.map((c) => c.form));
    book.forEach((c, i) => out.push({ c, r: results[i] }));
  }
  return out;
}

export function auditFigures(): Figure[] {
  const figures: Figure[] = [];
  for (const { c, r } of scoreAllSeeds()) {
    const promptAt = (cell: string | undefined, kinds: readonly PromptKind[]): PromptKind | null =>
      (cell && r.prompts.find((p) => p.cell === cell && kinds.includes(p.kind))?.kind) || null;
    const rowPrompt = (row: number, kinds: readonly PromptKind[]): PromptKind | null =>
      r.prompts.find((p) => Number(/\d+$/.exec(p.cell)?.[0]) === row && kinds.includes(p.kind))?.kind ?? null;
    const b = r.budget;
    if (b?.stated !== null && b?.stated !== undefined && b.cell) {
      const agreed = b.value !== null && b.value.equals(b.stated);
      figures.push({ table: c.id, what: "预算得分", cell: b.cell, printed: plain(b.stated), outcome: agreed ? "reproduced" : promptAt(b.cell, ["score-mismatch"]) ?? "UNEXPLAINED" });
    }
    if (b?.rateStated && b.rateCell) {
      const agreed = b.rateValue !== null && b.rateValue.equals(b.rateStated);
      figures.push({ table: c.id, what: "执行率", cell: b.rateCell, printed: plain(b.rateStated), outcome: agreed ? "reproduced" : promptAt(b.rateCell, ["rate-mismatch"]) ?? "UNEXPLAINED" });
    }
    for (const ind of r.indicators) {
      if (ind.stated !== null && ind.cell) {
        const agreed = ind.value !== null && ind.value.equals(ind.stated) && ind.method !== "manual";
        const kept = ind.method === "manual" && ind.value !== null && ind.value.equals(ind.stated);
        const outcome = agreed
          ? "reproduced"
          : kept
            ? "kept"
            : promptAt(ind.cell, ROW_EXPLAINERS) ?? rowPrompt(ind.row, ROW_EXPLAINERS) ?? (ind.weightSource === "implied" ? weightSumPrompt(r) : null) ?? "UNEXPLAINED";
        figures.push({ table: c.id, what: `指标得分 ${ind.name.slice(0, 12)}`, cell: ind.cell, printed: plain(ind.stated), outcome });
      }
      if (ind.rateStated !== null && ind.rateCell) {
        const agreed = ind.rateValue !== null && ind.rateValue.equals(ind.rateStated);
        figures.push({ table: c.id, what: `完成率 ${ind.name.slice(0, 12)}`, cell: ind.rateCell, printed: plain(ind.rateStated), outcome: agreed ? "reproduced" : promptAt(ind.rateCell, ["rate-mismatch"]) ?? "UNEXPLAINED" });
      }
    }
    if (r.statedTotal !== null && r.totalCell) {
      const agreed = r.total !== null && r.total.equals(r.statedTotal);
      const outcome = agreed
        ? "reproduced"
        : promptAt(r.totalCell, ["total-mismatch"]) ?? (r.total === null ? firstKind(r, ROW_EXPLAINERS) : null) ?? "UNEXPLAINED";
      figures.push({ table: c.id, what: "总分", cell: r.totalCell, printed: plain(r.statedTotal), outcome });
    }
  }
  return figures;
}

function weightSumPrompt(r: FormResult): PromptKind | null {
  return r.prompts.some((p) => p.kind === "weight-sum") ? "weight-sum" : null;
}

function firstKind(r: FormResult, kinds: readonly PromptKind[]): PromptKind | null {
  return r.prompts.find((p) => kinds.includes(p.kind))?.kind ?? null;
}

/** The golden listing: per table, profile, total, grade and each prompt (kind and cell). */
export function goldenText(): string {
  const lines: string[] = [
    "# Seed tables scored by the engine (auto profile, evidence pooled per seed document).",
    "# table | profile | total (printed) | grade | prompts: kind@cell",
    "# Regenerate after an intended change: UPDATE_GOLDEN=1 npx jest test/engine/seeds.golden.test.ts",
  ];
  for (const { c, r } of scoreAllSeeds()) {
    const total = r.total === null ? "—" : plain(r.total);
    const stated = r.statedTotal === null ? "" : ` (${plain(r.statedTotal)})`;
    lines.push(`${c.id} | ${r.profile} | ${total}${stated} | ${r.grade ?? "—"} | ${r.prompts.map((p) => `${p.kind}@${p.cell}`).join(" ") || "no prompt"}`);
  }
  return lines.join("\n") + "\n";
}
