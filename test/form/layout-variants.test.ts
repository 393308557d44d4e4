/**
 * Issue 11 §4: layout variants generated from the seed grids and from small forms (fast-check):
 * headers split over two rows, weights moved to block cells, placeholder rows inserted, totals merged across the row, header
 * synonyms swapped, the weight column moved before the target, the target split into sign | value |
 * unit columns. Only the layout changes, so the scores, the total, the grade and the set of prompts
 * (their kinds and the indicator they are about) must not.
 */
import fc from "fast-check";
import type { ProfileId } from "../../src/engine/profiles";
import type { Form, FormResult } from "../../src/engine/types";
import { type Grid } from "../../src/form/grid";
import { parseAddress } from "../../src/address";
import { scoreGrids } from "../../src/form/pipeline";
import {
  indicatorHeader,
  insertPlaceholders,
  mergeTotal,
  moveWeightFirst,
  splitHeader,
  splitTargetColumns,
  swapSynonyms,
} from "../support/gridEdits";
import {
  evenBlockWeights,
  layoutForm,
  type Layout,
  type PlainForm,
  type PlainIndicator,
} from "../support/layouts";
import { loadSeedTables, seedFiles, seedTableGrid, layoutGrid } from "../support/seedGrids";

interface Signature {
  readonly indicators: string[];
  readonly budget: string | null;
  readonly total: string | null;
  readonly grade: string | null;
  readonly prompts: string[];
}

/** What an accountant reads of a scored form, with every cell named by what it is about. */
function signature(form: Form, r: FormResult): Signature {
  const rowOf = (a: string): number => parseAddress(a).row;
  const about = (cell: string): string => {
    const row = rowOf(cell);
    const i = form.indicators.findIndex((x) => x.row === row);
    if (i >= 0) return `指标${i + 1}`;
    if (form.budget?.rows.some((b) => rowOf(b.label.address) === row)) return "预算";
    if (form.total && rowOf(form.total.label.address) === row) return "总分";
    return "表";
  };
  return {
    indicators: r.indicators.map(
      (i) => `${i.name}|${i.method}|${i.weight?.toString() ?? "-"}|${i.score?.toString() ?? "-"}`
    ),
    budget: r.budget?.score?.toString() ?? null,
    total: r.total?.toString() ?? null,
    grade: r.grade,
    prompts: r.prompts.map((p) => `${p.kind}@${about(p.cell)}`).sort(),
  };
}

function scoreOne(g: Grid, profile?: ProfileId): { sig: Signature; profile: ProfileId } {
  const [out] = scoreGrids([g], [], profile ? { profile } : {});
  expect(out.forms).toHaveLength(1);
  const { form, result } = out.forms[0];
  return { sig: signature(form, result), profile: result.profile as ProfileId };
}

const seedTables = seedFiles().flatMap((f) => loadSeedTables(f));

describe("layout variants of the seed tables", () => {
  test("all 75 seed tables are available as single-form grids", () => {
    expect(seedTables).toHaveLength(75);
  });

  test("split headers, targets split into sign | value | unit, weight columns first, placeholder rows, merged totals and synonyms change no score and no prompt", () => {
    const base = new Map<number, { grid: Grid; sig: Signature; profile: ProfileId }>();
    const original = (i: number) => {
      let b = base.get(i);
      if (!b) {
        const grid = layoutGrid(`表${i}`, seedTableGrid(seedTables[i]));
        b = { grid, ...scoreOne(grid) };
        base.set(i, b);
      }
      return b;
    };
    fc.assert(
      fc.property(
        fc.nat(seedTables.length - 1),
        fc.record({
          synonym: fc.option(fc.nat(10), { nil: undefined }),
          split: fc.boolean(),
          merged: fc.boolean(),
          weightFirst: fc.boolean(),
          splitTarget: fc.boolean(),
          placeholders: fc.array(fc.nat(40), { maxLength: 3 }),
          kind: fc.constantFrom("label" as const, "dashes" as const),
        }),
        (i, v) => {
          const b = original(i);
          let g = b.grid;
          const h = indicatorHeader(g);
          if (!h) return;
          const read = scoreGrids([g], [])[0].forms[0].form.indicators;
          const rows = read.map((x) => x.row);
          // a row printed a column off (Renhe) has its fields elsewhere: its target is not split
          const shifted = read.some((x) => x.shift);
          const after = [...new Set(v.placeholders.map((k) => rows[k % rows.length]))];
          if (v.weightFirst) g = moveWeightFirst(g);
          if (after.length) g = insertPlaceholders(g, after, v.kind);
          if (v.merged) g = mergeTotal(g);
          if (v.synonym !== undefined) g = swapSynonyms(g, v.synonym);
          if (v.splitTarget && !shifted) g = splitTargetColumns(g);
          else if (v.split) g = splitHeader(g);
          expect(scoreOne(g, b.profile).sig).toEqual(b.sig);
        }
      ),
      { numRuns: 200, seed: 11 }
    );
  });
});

/** Small correct-or-not forms: targets at least / at most, actuals around them, weights summing to 90. */
const indicatorArb: fc.Arbitrary<PlainIndicator> = fc
  .record({
    group: fc.constantFrom(
      ["产出指标", "数量指标"],
      ["产出指标", "质量指标"],
      ["效益指标", "社会效益指标"],
      ["满意度指标", "服务对象满意度指标"]
    ),
    sign: fc.constantFrom("≥", "≤", "", "＞", "≧", "≦", "不少于", "不超过"),
    target: fc.integer({ min: 1, max: 2000 }),
    actualPct: fc.integer({ min: 40, max: 160 }),
    unit: fc.constantFrom("个", "%", "次", "人", "万元"),
    printed: fc.constantFrom("none", "weight", "zero"),
  })
  .map(({ group, sign, target, actualPct, unit, printed }) => ({
    level1: group[0],
    level2: group[1],
    name: `指标${group[1]}${target}`,
    target: { sign, value: target, unit },
    actual: { sign: "", value: Math.round((target * actualPct) / 100), unit },
    weight: 0,
    score: printed === "none" ? null : printed === "zero" ? 0 : -1,
  }));

const formArb: fc.Arbitrary<PlainForm> = fc
  .record({
    indicators: fc.array(indicatorArb, { minLength: 1, maxLength: 6 }),
    executed: fc.integer({ min: 50, max: 100 }),
    total: fc.option(fc.integer({ min: 60, max: 100 }), { nil: null }),
  })
  .map(({ indicators, executed, total }) => {
    const n = indicators.length;
    const each = Math.floor(90 / n);
    return {
      project: "生成项目",
      budget: { annual: 100, executed, score: null },
      indicators: indicators.map((ind, k) => {
        const weight = k === 0 ? 90 - each * (n - 1) : each;
        return {
          ...ind,
          name: `${ind.name}-${k + 1}`,
          weight,
          score: ind.score === -1 ? weight : ind.score,
        };
      }),
      total,
    };
  });

const layoutArb: fc.Arbitrary<Layout> = fc.record({
  splitTarget: fc.boolean(),
  weightFirst: fc.boolean(),
  mergedTotal: fc.boolean(),
  synonym: fc.nat(10),
  pad: fc.nat(2),
  blocks: fc.constantFrom(undefined, "one" as const, "two" as const),
  placeholders: fc.array(
    fc.record({ before: fc.nat(6), kind: fc.constantFrom("label" as const, "dashes" as const) }),
    { maxLength: 3 }
  ),
});

describe("layout variants of small forms", () => {
  test("any layout of the same form gives the same scores, total, grade and prompts", () => {
    fc.assert(
      fc.property(formArb, layoutArb, (generated, layout) => {
        // weights moved to block cells: the form with the weights the blocks imply
        const form = layout.blocks ? evenBlockWeights(generated, layout.blocks) : generated;
        const plain = scoreOne(layoutForm("原样", form));
        const varied = scoreOne(layoutForm("变体", form, layout), plain.profile);
        expect(varied.sig).toEqual(plain.sig);
      }),
      { numRuns: 200, seed: 11 }
    );
  });
});
