/**
 * domain.md §6: each worked example, from the real seed table, as its own test.
 */
import { kinds, s, scoreSeed, seedCase } from "../support/score";

describe("domain §6 worked examples", () => {
  test("004#0 budget: 322.06 → 290.88, printed 90.32% / 8.8 → rate agrees, 9.03, score-mismatch", () => {
    const r = scoreSeed("004#0");
    expect(r.profile).toBe("beijing");
    expect(r.budget?.rate?.toDecimalPlaces(4).toString()).toBe("0.9032");
    expect(r.prompts.filter((p) => p.kind === "rate-mismatch")).toHaveLength(0);
    expect(s(r.budget?.score)).toBe("9.03");
    expect(s(r.budget?.value)).toBe("9.03");
    const p = r.prompts.find((x) => x.kind === "score-mismatch" && x.cell === r.budget?.cell);
    expect(p?.message).toBe("004#0!H5 得分填写为 8.8，按规则应为 9.03（10 × 90.32%）");
  });

  test("004#0#0 数量 57期 → 67期: positive, ratio 1.1754, 10, no overshoot", () => {
    const r = scoreSeed("004#0");
    const ind = r.indicators[0];
    expect(ind.method).toBe("positive");
    expect(ind.ratio?.toDecimalPlaces(4).toString()).toBe("1.1754");
    expect(s(ind.score)).toBe("10");
    expect(r.prompts.filter((p) => p.kind === "overshoot")).toHaveLength(0);
    expect(ind.explain).toContain("67期 ÷ 57期 = 117.54%，封顶 100%");
  });

  test("004#0#1 质量 2000篇 → 2500余篇: positive, 10", () => {
    const ind = scoreSeed("004#0").indicators[1];
    expect(ind.method).toBe("positive");
    expect(s(ind.score)).toBe("10");
  });

  test("004#0#3 成本 按照年度预算执行 322.06 → 290.88, printed 8.8: budget mirror, 9.03, score-mismatch", () => {
    const r = scoreSeed("004#0");
    const ind = r.indicators[3];
    expect(ind.method).toBe("positive");
    expect(ind.explain).toContain("与预算执行率一致");
    expect(ind.ratio?.toDecimalPlaces(4).toString()).toBe("0.9032");
    expect(s(ind.score)).toBe("9.03");
    expect(r.prompts.some((p) => p.kind === "score-mismatch" && p.cell === ind.cell)).toBe(true);
  });

  test("004#7#4 运维响应速度 2小时 → 2.5, 分值 10, printed 8: negative by name (A ÷ B), 8 agrees", () => {
    const r = scoreSeed("004#7");
    const ind = r.indicators[4];
    expect(ind.name).toContain("响应速度");
    expect(ind.method).toBe("negative");
    expect(s(ind.score)).toBe("8");
    expect(r.prompts.some((p) => p.cell === ind.cell)).toBe(false);
  });

  test("002#0 budget 20 → 19.75 （20分）: rate 0.9875, 19.75, total 99.75 = printed, no prompt on a figure", () => {
    const r = scoreSeed("002#0");
    expect(r.profile).toBe("hubei");
    expect(s(r.budget?.rate)).toBe("0.9875");
    expect(s(r.budget?.score)).toBe("19.75");
    expect(s(r.total)).toBe("99.75");
    // issue 24: its form-level reason tells another project's story (新媒体平台线上线下推广, 80 → 90万元)
    expect(r.prompts.map((p) => `${p.kind}@${p.cell}`)).toEqual(["reason-inconsistent@C18"]);
  });

  test("002#9 budget 680万 against 6727625.90元, printed 98.94% / 19: rate agrees, 19.79, score-mismatch", () => {
    const r = scoreSeed("002#9");
    expect(r.budget?.rate?.toDecimalPlaces(4).toString()).toBe("0.9894");
    expect(r.prompts.some((p) => p.kind === "rate-mismatch")).toBe(false);
    expect(s(r.budget?.score)).toBe("19.79");
    expect(r.budget?.explain).toContain("6727625.90元 折合 672.76259万元");
    expect(r.prompts.some((p) => p.kind === "score-mismatch" && p.cell === r.budget?.cell)).toBe(true);
  });

  test("002#12#0 报告材料（12分） ≥16套 → 11: weight 12, ratio 0.6875, 8.25; reason owed on the form-level cell when empty", () => {
    const r = scoreSeed("002#12");
    const ind = r.indicators[0];
    expect(s(ind.weight)).toBe("12");
    expect(ind.weightSource).toBe("name");
    expect(s(ind.ratio)).toBe("0.6875");
    expect(s(ind.score)).toBe("8.25");
    expect(ind.explain).toContain("正向指标 11 ÷ 16套 = 68.75%，12 × 68.75% = 8.25");
    // the printed reason cell has text: no prompt
    expect(kinds(r)).not.toContain("deviation-reason-missing");
    const emptied = scoreSeed("002#12", {}, (f) => ({ ...f, formReason: f.formReason && { ...f.formReason, value: null } }));
    const p = emptied.prompts.filter((x) => x.kind === "deviation-reason-missing");
    expect(p).toHaveLength(1);
    expect(p[0].cell).toBe(seedCase("002#12").form.formReason?.address);
    expect(p[0].message).toContain("“报告材料（12分）”完成率 68.75%（11 ÷ 16套）");
  });

  test("002#7 budget 30 → 20.5, printed 68.33% / 13.666: 13.666 agrees and is kept; the written reason is quoted, no prompt", () => {
    const r = scoreSeed("002#7");
    expect(r.budget?.rate?.toDecimalPlaces(4).toString()).toBe("0.6833");
    expect(s(r.budget?.value)).toBe("13.666");
    expect(r.prompts.some((p) => p.kind === "score-mismatch" && p.cell === r.budget?.cell)).toBe(false);
    expect(kinds(r)).not.toContain("budget-low-execution");
    expect(r.budget?.explain).toContain("已说明原因：“本次预算金额为30万元");
  });

  test("002#13#4 曝光量（5分） ≥100000次 → 6352.3万: hubei 5 with the reason explaining; beijing 635.23× → −30% → 3.5", () => {
    const hubei = scoreSeed("002#13");
    const ind = hubei.indicators[4];
    expect(s(ind.score)).toBe("5");
    expect(kinds(hubei)).not.toContain("overshoot");
    expect(ind.explain).toContain("已说明原因");
    const beijing = scoreSeed("002#13", { profile: "beijing" });
    const b = beijing.indicators[4];
    expect(s(b.ratio?.toDecimalPlaces(2) ?? null)).toBe("635.23");
    expect(s(b.score)).toBe("3.5");
    expect(b.explain).toContain("扣分值的 30%");
  });

  test("002#5 implied weights 10,10,5,5,10 under 产出指标（40分） and 5,5,10 under 效益（20分）: no prompt at all", () => {
    const r = scoreSeed("002#5");
    expect(r.prompts).toEqual([]);
    const costRow = r.indicators[4];
    expect(costRow.level1).toBe("产出指标");
    expect(costRow.weightSource).toBe("implied");
    expect(s(costRow.weight)).toBe("10");
    expect(costRow.explain).toContain("按二级指标归类");
    expect(s(r.total)).toBe("100");
  });

  test("002#11 printed 总分 85, parts add to 105: no total, no grade, weight-sum on the total cell (groups add to 120), total-mismatch", () => {
    const r = scoreSeed("002#11");
    expect(r.total).toBeNull();
    expect(r.grade).toBeNull();
    const cell = r.totalCell as string;
    const w = r.prompts.filter((p) => p.kind === "weight-sum");
    expect(w.map((p) => p.cell)).toEqual([cell]);
    expect(w[0].message).toContain("合计 120 分，超过 100 分，不计算总分、不评等级");
    const t = r.prompts.filter((p) => p.kind === "total-mismatch");
    expect(t.map((p) => p.message)).toEqual([`002#11!${cell} 总分填写为 85，所填各项得分合计为 105`]);
  });

  test("003#1#4 成本 <=3.84万元 → =3.86万元: xinjiang 100.52% (printed 100.5% agrees), 9.95; national 9.95", () => {
    const r = scoreSeed("003#1");
    expect(r.profile).toBe("xinjiang");
    const ind = r.indicators[4];
    expect(ind.method).toBe("deviation");
    expect(ind.completionRate?.toDecimalPlaces(4).toString()).toBe("1.0052");
    expect(r.prompts.some((p) => p.kind === "rate-mismatch")).toBe(false);
    expect(s(ind.score)).toBe("9.95");
    const national = scoreSeed("003#1", { profile: "national" }).indicators[4];
    expect(national.method).toBe("negative");
    expect(s(national.score)).toBe("9.95");
  });

  test("003#1#5 成本 <=3.25万元 → =3.23万元, printed 9.84: computed 9.85, 9.84 kept; total 99.79; the only prompt is the reason on 003#1#4", () => {
    const r = scoreSeed("003#1");
    const ind = r.indicators[5];
    expect(s(ind.score)).toBe("9.85");
    expect(s(ind.value)).toBe("9.84");
    expect(s(r.total)).toBe("99.79");
    expect(s(r.statedTotal)).toBe("99.79");
    expect(r.prompts).toHaveLength(1);
    expect(r.prompts[0].kind).toBe("deviation-reason-missing");
    expect(r.prompts[0].cell).toBe(r.indicators[4].cell?.replace(/^I/, "K"));
  });

  test("003#1#6 长期坚持 → 达到预期指标, 按评判等级赋分, 30: qualitative 达成, 30, no prompt", () => {
    const r = scoreSeed("003#1");
    const ind = r.indicators[6];
    expect(ind.method).toBe("qualitative");
    expect(ind.level).toBe("achieved");
    expect(s(ind.value)).toBe("30");
    expect(r.prompts.some((p) => p.cell === ind.cell)).toBe(false);
  });

  test("003#5#1 网站系统故障率 <=1% → =0%, printed 10: full, 完成率 100%, no prompt", () => {
    const r = scoreSeed("003#5");
    const ind = r.indicators[1];
    expect(ind.name).toContain("故障率");
    expect(s(ind.score)).toBe("10");
    expect(s(ind.completionRate)).toBe("1");
    expect(r.prompts).toEqual([]);
  });

  test("003#11 budget 89.51%, printed 7.38: xinjiang deviation agrees; low execution explained by a row's reason, no prompt", () => {
    const r = scoreSeed("003#11");
    expect(s(r.budget?.value)).toBe("7.38");
    expect(r.prompts.some((p) => p.kind === "score-mismatch" && p.cell === r.budget?.cell)).toBe(false);
    expect(kinds(r)).not.toContain("budget-low-execution");
    expect(r.budget?.explain).toContain("已说明原因：“由于软件开发价格具有弹性，中标价较标底价低");
  });

  test("004#3 较好完成 typed 9 of 10: 达成, kept, no prompt", () => {
    const r = scoreSeed("004#3");
    const ind = r.indicators.find((i) => i.actual.includes("较好完成"));
    expect(ind).toBeDefined();
    expect(ind?.level).toBe("achieved");
    expect(s(ind?.value)).toBe("9");
    expect(r.prompts.some((p) => p.cell === ind?.cell)).toBe(false);
  });

  test("000#1 sichuan: the 成本 row mirrors the budget, 44.04% agrees; its reason explains the low, inconsistent execution", () => {
    const r = scoreSeed("000#1");
    expect(r.profile).toBe("sichuan");
    expect(kinds(r)).toEqual([]);
    expect(r.budget?.explain).toContain("已说明原因：“项目已经完成,财政未按进度支付资金");
    // without that reason: budget-low-execution and execution-inconsistent
    const bare = scoreSeed("000#1", {}, (f) => ({
      ...f,
      indicators: f.indicators.map((row) => (row.reason ? { ...row, reason: { ...row.reason, value: null } } : row)),
    }));
    expect(kinds(bare).sort()).toEqual(["budget-low-execution", "deviation-reason-missing", "execution-inconsistent"]);
    const cost = r.indicators[4];
    expect(cost.explain).toContain("与预算执行率一致");
    expect(cost.completionRate?.toDecimalPlaces(4).toString()).toBe("0.4404");
    expect(r.total).toBeNull();
  });

  test("001#0#3 成本 100万元 → 未支付完成: qualitative 未达成, deviation-reason-missing", () => {
    const r = scoreSeed("001#0");
    const ind = r.indicators[3];
    expect(ind.method).toBe("qualitative");
    expect(ind.level).toBe("failed");
    expect(kinds(r)).toContain("deviation-reason-missing");
  });
});
