/**
 * Issue 11 §4: real published forms from provinces the seeds do not cover, read through the real
 * reader (ExcelJS) and the whole pipeline. For each form: every indicator row is read (count, names),
 * its target, actual, weight and printed score as a correct reading gives them, the budget figures,
 * the printed total, every hand error flagged (kind and cell) and no other prompt.
 * All discrepancies of a form are collected and reported together, so one run shows all of them.
 */
import { discrepancies } from "./check";
import { CORPUS } from "./forms";

describe("real published forms (test/corpus) are read fully and checked as an accountant would", () => {
  it.each(CORPUS.map((f) => [`${f.id} (${f.province} ${f.unit} ${f.year})`, f] as const))(
    "%s",
    async (_name, form) => {
      expect(await discrepancies(form)).toEqual([]);
    }
  );
});
