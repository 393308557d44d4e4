/** One helper makes every prompt: it names the sheet and cell once, and takes the kind's severity. */
import { promptAt, SEVERITY } from "../../src/engine/prompts";

describe("promptAt", () => {
  test("prefixes the location once, as every message begins", () => {
    expect(promptAt("自评表（3）", "H6", "score-mismatch", "得分填写为 9，按规则应为 8.5")).toEqual(
      {
        sheet: "自评表（3）",
        cell: "H6",
        kind: "score-mismatch",
        severity: SEVERITY["score-mismatch"],
        message: "自评表（3）!H6 得分填写为 9，按规则应为 8.5",
      }
    );
  });

  test("places the location where the sentence needs it", () => {
    const p = promptAt(
      "表1",
      "J6",
      "deviation-reason-missing",
      (where) => `“群众满意度”未完成，请在 ${where} 说明偏差原因`
    );
    expect(p.message).toBe("“群众满意度”未完成，请在 表1!J6 说明偏差原因");
    expect(p.severity).toBe("warning");
  });
});
