/**
 * Grid → forms → results → plan → applied grid, on a hand-laid Fengtai sheet (004#0): what is
 * written, what is kept, idempotence and restore.
 */
import { applyPlanToGrid } from "../../src/form/apply";
import type { Grid } from "../../src/form/grid";
import { cellState, NOTE_MARK, planRestore, type LedgerEntry } from "../../src/form/plan";
import { scoreGrids } from "../../src/form/pipeline";
import { formCells, formRows, recognizeSheet } from "../../src/form/recognize";

const N = null;
/** 《丰台报》相关费用 as an accountant's sheet: rows 1–22, columns A–I, padding column A. */
function fengtai(): Grid {
  const rows: (string | number | null)[][] = [
    [N, "项目支出绩效自评表", N, N, N, N, N, N, N],
    [N, "（2020年度）", N, N, N, N, N, N, N],
    [N, "项目名称", N, "《丰台报》相关费用", N, N, N, N, N],
    [N, "主管部门", N, "丰台区融媒体中心", N, "实施单位", "丰台区融媒体中心", N, N],
    [N, "项目资金\n（万元）", N, "年初预\n算数", "全年预\n算数", "全年\n执行数", "分值", "执行率", "得分"],
    [N, N, "年度资金总额", 322.06, 322.06, 290.88, 10, 0.9032, 8.8],
    [N, N, "其中：当年财政拨款", 322.06, 322.06, 290.88, "—", 0.9032, "—"],
    [N, N, "上年结转资金", N, N, N, "—", N, "—"],
    [N, "年度总体目标", "预期目标", N, N, "实际完成情况", N, N, N],
    [N, N, "保障全年预计57期", N, N, "全年出报67期", N, N, N],
    [N, "绩\n效\n指\n标", "一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分"],
    [N, N, "产出指标", "数量指标", "全年预计57期《丰台报》的顺利出刊", "57期", "67期", 10, 10],
    [N, N, N, "质量指标", "做好新闻报道", "2000篇", "2500余篇", 10, 10],
    [N, N, N, "时效指标", "按时按点投递", "当年12月底完成", "当年12月底完成", 10, 10],
    [N, N, N, "成本指标", "按照年度预算执行", "322.06", "290.88", 10, 8.8],
    [N, N, "效益指标", "经济效益\n指标", "促进区域经济社会发展", "有效提升", "有效提升", 10, 9.1],
    [N, N, N, "社会效益\n指标", "提升丰台区对外影响", "有效提升", "有效提升", 10, 9.7],
    [N, N, N, "生态效益\n指标", "展示良好生态环境", "有效提升", "有效提升", 10, 10],
    [N, N, N, "可持续影响指标", "不断提升整体形象", "有效提升", "有效提升", 10, 9.5],
    [N, N, "满意度\n指标", "服务对象满意度标", "得到好评", "≥90%", "好评率达到90%", 10, 9.3],
    [N, "总分", N, N, N, N, N, 100, 95.2],
    [N, "填报注意事项：", N, N, N, N, N, N, N],
    [N, "2.…若计算结果在200%-300%（含200%）区间，则按照该指标分值的10%扣分；计算结果在300%-500%（含300%）区间…高于500%（含500%）…扣分。", N, N, N, N, N, N, N],
  ];
  const numberFormats = rows.map((r, i) => r.map((_, c) => (c === 7 && (i === 5 || i === 6) ? "0.00%" : null)));
  return {
    sheet: "丰台报",
    origin: "A1",
    values: rows,
    numberFormats,
    merges: ["B1:I1", "B2:I2", "B3:C3", "D3:I3", "B5:B8", "B11:B20", "C12:C15", "C16:C19", "B9:B10"],
  };
}

describe("recognition of a Fengtai sheet", () => {
  test("finds one form with its budget, nine indicators, total and rule text", () => {
    const rec = recognizeSheet(fengtai());
    expect(rec.skipped).toBeNull();
    expect(rec.forms).toHaveLength(1);
    const f = rec.forms[0];
    expect(f.project?.value).toBe("《丰台报》相关费用");
    expect(f.budget?.rows[0].annual).toEqual({ address: "E6", value: 322.06 });
    expect(f.budget?.rows[0].rate).toEqual({ address: "H6", value: 0.9032, numberFormat: "0.00%" });
    expect(f.indicators).toHaveLength(9);
    expect(f.indicators[1]).toMatchObject({ row: 13, level1Inherited: true, level1: { address: "C13", value: "产出指标" } });
    expect(f.indicators[8].score).toEqual({ address: "I20", value: 9.3 });
    expect(f.total?.score).toEqual({ address: "I21", value: 95.2 });
    expect(f.ruleText).toContain("500%");
  });

  test("the cells and rows a form spans: from its title to its total (自动评分 re-scores only edits there)", () => {
    const form = recognizeSheet(fengtai()).forms[0];
    const cells = formCells(form);
    expect(cells).toEqual(expect.arrayContaining(["D3", "E6", "F6", "G6", "H6", "I6", "F12", "G12", "H20", "I20", "I21"]));
    expect(cells).not.toContain("B23");
    expect(formRows(form)).toEqual({ top: 1, bottom: 21 });
  });

  test("the other tabs' forms count as evidence for auto whether given as grids or as forms recognised earlier", () => {
    const noRules: Grid = { ...fengtai(), sheet: "甲", values: fengtai().values.slice(0, 21) };
    const withRules: Grid = { ...fengtai(), sheet: "乙" };
    const alone = scoreGrids([noRules], [], { profile: "auto" })[0].forms[0].result;
    const byGrid = scoreGrids([noRules], [], { profile: "auto", evidence: [withRules] })[0].forms[0].result;
    const byForm = scoreGrids([noRules], [], { profile: "auto", evidenceForms: recognizeSheet(withRules).forms })[0].forms[0].result;
    expect(byGrid.profileReason).toBe("乙 的填报注意事项列明超额 200%/300%/500% 扣分档");
    expect(alone.profileReason).not.toBe(byGrid.profileReason);
    expect(byForm.profile).toBe(byGrid.profile);
    expect(byForm.profileReason).toBe(byGrid.profileReason);
  });

  test("a sheet without the header words is not a form, and says why", () => {
    expect(recognizeSheet({ sheet: "说明", origin: "A1", values: [["本工作簿说明"], [1, 2, 3]], merges: [] }).skipped).toBe(
      "不是自评表：没有找到“一级指标、二级指标、三级指标”及目标值、实际完成值表头",
    );
    expect(recognizeSheet({ sheet: "空", origin: "A1", values: [], merges: [] }).skipped).toBe("不是自评表：工作表是空的");
  });
});

describe("scoring a sheet in place", () => {
  test("writes the budget score and total, keeps agreeing printed numbers, notes every prompt", () => {
    const grid = fengtai();
    const [out] = scoreGrids([grid], []);
    const r = out.forms[0].result;
    expect(r.profile).toBe("beijing");
    const byAddress = new Map(out.plan.edits.map((e) => [e.address, e]));
    expect(byAddress.get("I6")?.set.value).toBe(9.03);
    expect(byAddress.get("I6")?.set.fill).toBe("FFC7CE");
    expect(byAddress.get("I6")?.set.note).toContain("得分填写为 8.8，按规则应为 9.03");
    // 67期 → 10 agrees with the printed 10: value untouched, only the explanation note
    expect(byAddress.get("I12")?.set.value).toBeUndefined();
    expect(byAddress.get("I12")?.set.note).toContain("正向指标");
    // the total is the form's last column (I): the grade shows in the total's own display, the
    // cell stays a number, and nothing is written outside the form (J, K)
    expect(byAddress.get("I21")?.set.value).toBe(Number(r.total));
    expect(byAddress.get("I21")?.set.numberFormat).toBe(`0.00"（${r.grade}）"`);
    expect(byAddress.get("I21")?.set.note).toContain(`评为“${r.grade}”`);
    expect(out.plan.edits.filter((e) => /^[J-Z]/.test(e.address))).toEqual([]);
    // the backup holds the cell as it was
    const entry = out.plan.ledger.find((e) => e.address === "I6") as LedgerEntry;
    expect(entry.before).toEqual({ value: 8.8, formula: null, numberFormat: null, note: null, fill: null });
  });

  test("scoring twice equals scoring once, and restore brings back every cell exactly", () => {
    const grid = fengtai();
    const [first] = scoreGrids([grid], []);
    const once = applyPlanToGrid(grid, first.plan);
    const [second] = scoreGrids([once], first.plan.ledger);
    const twice = applyPlanToGrid(once, second.plan);
    expect(twice).toEqual(once);
    expect(second.plan.ledger).toEqual(first.plan.ledger);
    const restored = applyPlanToGrid(twice, planRestore(twice, second.plan.ledger));
    for (const e of first.plan.ledger) expect(cellState(restored, e.address)).toEqual(e.before);
  });

  test("a cell the person edits after scoring is theirs again: kept on re-scoring and on restore", () => {
    const grid = fengtai();
    const [first] = scoreGrids([grid], []);
    const once = applyPlanToGrid(grid, first.plan);
    const edited = applyPlanToGrid(once, { edits: [{ sheet: "丰台报", address: "I6", set: { value: "见说明" }, why: "person" }], ledger: [], skipped: [] });
    const [again] = scoreGrids([edited], first.plan.ledger);
    expect(again.plan.edits.find((e) => e.address === "I6")?.set.value).toBeUndefined();
    expect(again.plan.skipped.some((s) => s.includes("I6 已有文字“见说明”"))).toBe(true);
    const undo = planRestore(edited, first.plan.ledger);
    expect(undo.edits.some((e) => e.address === "I6")).toBe(false);
    expect(undo.skipped).toContain("丰台报!I6 评分后已被修改，保留现有内容");
  });

  test("a person's own note is kept, the add-in's lines follow it", () => {
    const grid = { ...fengtai(), notes: { I6: "财务科复核" } };
    const [out] = scoreGrids([grid], []);
    const note = out.plan.edits.find((e) => e.address === "I6")?.set.note ?? "";
    expect(note.startsWith(`财务科复核\n${NOTE_MARK}\n`)).toBe(true);
  });

  test("a protected sheet is reported, nothing is written", () => {
    const [out] = scoreGrids([{ ...fengtai(), protected: true }], []);
    expect(out.plan.edits).toEqual([]);
    expect(out.plan.skipped).toEqual(["工作表“丰台报”受保护，无法写入评分结果；请撤销保护后再评分"]);
  });
});
