/**
 * 存在的问题 (issue 21) on the five sample workbooks: low execution with its rate, every deviation
 * the engine found without a reason (its cell), every hand error (score, total, rate: its cell,
 * printed and computed), each figure as the engine gives it; a project with none says so once.
 */
import Decimal from "decimal.js";
import { PROFILES, isProfileId } from "../../src/engine/profiles";
import { SAMPLE_FILES as FILES, sampleReports, type SampleReport } from "../support/sampleReports";
import type { ReportModel } from "../../src/report";
import { rate, score } from "../../src/report/format";
import { runsText } from "../../src/report/model";
import { NO_PROBLEMS, PROBLEM_LEAD, SECTION_TITLES } from "../../src/report/words";

let reports = new Map<string, SampleReport>();

beforeAll(async () => {
  reports = await sampleReports();
}, 120_000);

/** The text of section 四 onwards up to 五, of project i. */
function problems(report: ReportModel, i: number): string {
  const blocks = report.projects[i].blocks.map((b) => runsText(b.runs));
  const from = blocks.indexOf(SECTION_TITLES[3]);
  const to = blocks.indexOf(SECTION_TITLES[4]);
  const section = blocks.slice(from + 1, to);
  const lead = section.findIndex((t) => t.startsWith(PROBLEM_LEAD));
  expect(lead).toBeGreaterThanOrEqual(0);
  return section.slice(lead).join("\n");
}

const HAND = ["score-mismatch", "total-mismatch", "rate-mismatch"];

test.each(FILES)(
  "%s: 存在的问题 holds every low rate, unexplained deviation and hand error",
  (f) => {
    const { forms, report } = reports.get(f)!;
    let found = 0;
    forms.forEach(({ result }, i) => {
      const text = problems(report, i);
      const b = result.budget;
      const floor = isProfileId(result.profile)
        ? new Decimal(PROFILES[result.profile].lowExecution)
        : null;
      const low = b?.rate && floor && b.rate.lessThan(floor);
      if (low) expect(text).toContain(`预算执行率为${rate(b.rate!)}，低于${rate(floor)}`);
      const listed = result.prompts.filter(
        (p) => p.kind === "deviation-reason-missing" || HAND.includes(p.kind)
      );
      for (const p of listed) expect(text).toContain(`${p.sheet}!${p.cell}）`);
      if (listed.some((x) => x.kind === "total-mismatch"))
        if (result.total === null)
          expect(text).toContain(`总分填写为${score(result.statedTotal!)}`);
        else
          expect(text).toContain(
            `总分填写为${score(result.statedTotal!)}分，按规则计算为${score(result.total!)}分`
          );
      for (const r of result.indicators) {
        const p = result.prompts.find((x) => x.kind === "score-mismatch" && x.cell === r.cell);
        if (p && r.stated && r.score)
          expect(text).toContain(`得分填写为${score(r.stated)}分，按规则计算为${score(r.score)}分`);
      }
      if (!low && listed.length === 0) expect(text).toBe(NO_PROBLEMS);
      else expect(text).not.toContain(NO_PROBLEMS);
      found += listed.length + (low ? 1 : 0);
    });
    // every sample has something to say somewhere, except where the engine found nothing
    const engine = forms.some(({ result }) =>
      result.prompts.some((p) => p.kind === "deviation-reason-missing" || HAND.includes(p.kind))
    );
    if (engine) expect(found).toBeGreaterThan(0);
  }
);

test("the samples together show each kind of problem at least once", () => {
  const all = [...reports.values()]
    .flatMap(({ report }) => report.projects.map((_, i) => problems(report, i)))
    .join("\n");
  expect(all).toMatch(/预算执行率为[\d.]+%，低于90\.00%/);
  expect(all).toMatch(/未填写偏差原因（|偏差原因分析未填写（/);
  expect(all).toMatch(/填写为[\d.]+%?分?，按(规则|金额)计算为/);
  expect(all).toContain(NO_PROBLEMS);
});
