/**
 * A rate the form printed at fewer than two decimals (issue 21) is quoted as printed, the computed
 * rate beside it, on the five sample workbooks: never reprinted with decimals the form did not
 * print (103% as 103.00%). Checked against the printed cells themselves (readRate's decimals).
 */
import Decimal from "decimal.js";
import { rateAgrees, readRate } from "../../src/engine/agree";
import { chooseBudgetRow } from "../../src/engine/budget";
import { SAMPLE_FILES as FILES, sampleReports, type SampleReport } from "../support/sampleReports";
import { quotedRate, rate } from "../../src/report/format";
import { runsText } from "../../src/report/model";

let reports = new Map<string, SampleReport>();

beforeAll(async () => {
  reports = await sampleReports();
}, 120_000);

let quoted = 0;

test.each(FILES)("%s: a budget rate printed at 0 or 1 decimals is quoted as printed", (f) => {
  const { forms, report } = reports.get(f)!;
  forms.forEach(({ form, result }, i) => {
    const cell = form.budget ? chooseBudgetRow(form.budget)?.rate : undefined;
    const b = result.budget;
    if (!cell || !b?.rate) return;
    const printed = readRate(cell.value, cell.numberFormat, b.rate);
    const body = report.projects[i].blocks.map((x) => runsText(x.runs)).join("\n");
    const shown = quotedRate(cell, b.rate);
    expect(body).toContain(`预算执行率${shown}`);
    const agrees = printed && rateAgrees(printed.fraction, printed.decimals, b.rate);
    if (printed && printed.decimals < 2 && agrees) {
      quoted++;
      const as = `${printed.fraction.times(100).toFixed(printed.decimals)}%`;
      expect(shown.startsWith(as)).toBe(true);
      // the printed rate is not reprinted with two decimals unless it is the computed one, labelled
      expect(body).not.toContain(`预算执行率${printed.fraction.times(100).toFixed(2)}%，`);
      if (shown !== as) expect(shown).toBe(`${as}（按金额计算为${rate(b.rate)}）`);
    }
  });
});

test("the samples hold rates printed at 0 decimals, quoted so", () => {
  expect(quoted).toBeGreaterThan(0);
});

test("103% printed for 103.50% computed: quoted as printed, the computed rate beside it", () => {
  const cell = { address: "E7", value: "103%" };
  expect(quotedRate(cell, new Decimal("1.035"))).toBe("103%（按金额计算为103.50%）");
  expect(quotedRate(cell, new Decimal("1.03"))).toBe("103%");
  // disagreeing: the computed rate (the mismatch is in 存在的问题)
  expect(quotedRate(cell, new Decimal("0.9"))).toBe("90.00%");
});
