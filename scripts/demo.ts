/**
 * Scores the 75 seed tables (../shared/seeds/cases) with the engine and prints, per table,
 * the project, the profile chosen, the total and grade, and every prompt. `npm run demo`;
 * `--verbose` adds every indicator with its formula.
 */
import { scoreWorkbook } from "../src/engine";
import { plain } from "../src/engine/decimal";
import { loadSeedCases } from "../test/support/seeds";

const verbose = process.argv.includes("--verbose");
const only = process.argv.find((a) => /^\d{3}(#\d+)?$/.test(a));
const cases = loadSeedCases();
const bySeed = new Map<string, typeof cases>();
for (const c of cases) bySeed.set(c.table.seed, [...(bySeed.get(c.table.seed) ?? []), c]);

const num = (d: { toFixed(): string } | null): string => (d === null ? "—" : plain(d as never));
let forms = 0;
let prompts = 0;
for (const [seed, group] of bySeed) {
  const results = scoreWorkbook(group.map((c) => c.form));
  console.log(`\n== ${seed} ==`);
  results.forEach((r, i) => {
    const id = group[i].id;
    if (only && !id.startsWith(only)) return;
    forms++;
    prompts += r.prompts.length;
    const total = r.total === null ? "—" : num(r.total);
    const stated = r.statedTotal === null ? "" : `（填报 ${num(r.statedTotal)}）`;
    const b = r.budget;
    console.log(
      `${id.padEnd(7)} ${r.profile.padEnd(8)} 总分 ${total}${stated} 等级 ${r.grade ?? "—"}  执行率 ${b?.rate ? plain(b.rate.times(100).toDecimalPlaces(2)) + "%" : "—"}  ${r.project.slice(0, 28)}`,
    );
    if (verbose) {
      if (b) console.log(`    预算 ${b.cell ?? ""}: ${b.explain} → ${num(b.value)}`);
      for (const ind of r.indicators) console.log(`    ${ind.cell ?? ""} [${ind.method}] ${ind.name.slice(0, 18)}: ${ind.explain} → ${num(ind.value)}`);
      console.log(`    ${r.totalExplain}`);
    }
    for (const p of r.prompts) console.log(`    ! ${p.kind.padEnd(24)} ${p.message}`);
  });
}
console.log(`\n${forms} 张表，${prompts} 条提示`);
