import { scoreWorkbook, type EngineOptions } from "../../src/engine";
import { plain } from "../../src/engine/decimal";
import type { Form, FormResult } from "../../src/engine/types";
import { loadSeedCases, type SeedCase } from "./seeds";

let cached: SeedCase[] | null = null;
export function seedCases(): SeedCase[] {
  cached ??= loadSeedCases();
  return cached;
}

export function seedCase(id: string): SeedCase {
  const c = seedCases().find((x) => x.id === id);
  if (!c) throw new Error(`no seed table ${id}`);
  return c;
}

/** The forms of one seed document, in order: the workbook `auto` pools its evidence over. */
export function seedWorkbook(id: string): SeedCase[] {
  const seed = seedCase(id).table.seed;
  return seedCases().filter((c) => c.table.seed === seed);
}

/** Score a seed table the way the product does: with the evidence of its whole document. */
export function scoreSeed(id: string, options: EngineOptions = {}, edit?: (form: Form) => Form): FormResult {
  const book = seedWorkbook(id);
  const forms = book.map((c) => (c.id === id && edit ? edit(c.form) : c.form));
  return scoreWorkbook(forms, options)[book.findIndex((c) => c.id === id)];
}

/** A Decimal (or null) as a plain string for assertions. */
export function s(d: { toFixed(): string } | null | undefined): string | null {
  return d === null || d === undefined ? null : plain(d as never);
}

export function kinds(r: FormResult): string[] {
  return r.prompts.map((p) => p.kind);
}
