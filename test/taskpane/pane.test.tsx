/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import {
  DEFAULT_SETTINGS,
  type Capabilities,
  type Progress,
  type ScoringGateway,
  type Settings,
} from "../../src/host/contract";
import type { FormRun, RunReport } from "../../src/host/contract";
import { TaskPane } from "../../src/taskpane/TaskPane";

// ---------------------------------------------------------------------------------------------
// A form as the gateway reports it: 社区养老服务补助 on sheet 养老, scored 87.5 (良).
// ---------------------------------------------------------------------------------------------

const ELDER_CARE: FormRun = {
  anchor: "A1",
  project: "社区养老服务补助",
  profile: "national",
  profileReason: "表头为财预〔2020〕10号格式",
  total: "87.5",
  statedTotal: "90",
  totalCell: "H20",
  grade: "良",
  gradeCell: "H21",
  budget: {
    annual: "100",
    executed: "95",
    rate: "0.950000",
    weight: "10",
    score: "9.5",
    stated: "10",
    value: "9.5",
    cell: "H6",
    explain: "执行率 95 ÷ 100 = 95%，10 × 95% = 9.5",
  },
  indicators: [
    {
      cell: "H10",
      level1: "产出指标",
      level2: "数量指标",
      name: "服务老人人次",
      target: "≥57",
      actual: "67",
      weight: "10",
      method: "positive",
      ratio: "1.175439",
      completionRate: "1.000000",
      score: "10",
      stated: "10",
      value: "10",
      explain: "正向指标 67 ÷ 57 = 117.54%，封顶 100%，10 × 100% = 10",
    },
    {
      cell: "H11",
      level1: "效益指标",
      level2: "社会效益指标",
      name: "服务对象满意度",
      target: "≥90%",
      actual: "85%",
      weight: "10",
      method: "positive",
      ratio: "0.944444",
      completionRate: "0.944444",
      score: "9.44",
      stated: "10",
      value: "9.44",
      explain: "正向指标 85% ÷ 90% = 94.44%，10 × 94.44% = 9.44",
    },
  ],
  prompts: [],
};

const PROMPTS: RunReport["prompts"] = [
  {
    sheet: "养老",
    cell: "H20",
    kind: "total-mismatch",
    kindName: "总分不符",
    severity: "error",
    message: "填报总分 90 与计算总分 87.5 不符",
  },
  {
    sheet: "养老",
    cell: "J11",
    kind: "deviation-reason-missing",
    kindName: "缺偏差原因",
    severity: "warning",
    message: "满意度未达目标，偏差原因为空",
  },
];

function report(overrides: Partial<RunReport> = {}): RunReport {
  return {
    action: "score-active",
    ok: true,
    error: null,
    sheets: [
      {
        sheet: "养老",
        status: "scored",
        message: null,
        forms: [{ ...ELDER_CARE, prompts: PROMPTS }],
        edits: 6,
        notWritten: ["养老!J11 已有文字，未写入提示"],
      },
      {
        sheet: "说明",
        status: "not-a-form",
        message: "没有找到自评表",
        forms: [],
        edits: 0,
        notWritten: [],
      },
    ],
    prompts: PROMPTS,
    skipped: [{ sheet: "说明", reason: "没有找到自评表" }],
    notWritten: ["养老!J11 已有文字，未写入提示"],
    written: { cells: 6, notes: 2, fills: 2 },
    summary: null,
    notes: "notes",
    mergesRead: true,
    warnings: [],
    syncs: 4,
    ...overrides,
  };
}

const CAPABILITIES: Capabilities = {
  supported: true,
  reason: null,
  merges: true,
  notes: "notes",
  cellProperties: true,
  events: true,
  triggerSource: true,
};

type Fake = { [K in keyof ScoringGateway]: jest.Mock };

function fakeGateway(settings: Settings = DEFAULT_SETTINGS): Fake {
  return {
    scoreActiveSheet: jest.fn(async () => report()),
    rescoreSheet: jest.fn(async () => report({ action: "score-sheet" })),
    scoreAllSheets: jest.fn(async () => report({ action: "score-all" })),
    undo: jest.fn(async () => report({ action: "undo" })),
    selectCell: jest.fn(async () => undefined),
    loadSettings: jest.fn(async () => settings),
    saveSettings: jest.fn(async () => undefined),
    onSheetChanged: jest.fn(async () => jest.fn(async () => undefined)),
    capabilities: jest.fn(() => CAPABILITIES),
  };
}

async function renderPane(gateway: Fake) {
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane gateway={gateway as unknown as ScoringGateway} />
    </FluentProvider>
  );
  // The 规则 are usable once the workbook's settings are loaded.
  await waitFor(() => expect(screen.getByRole("combobox", { name: "评分规则" })).toBeEnabled());
  return view;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("task pane", () => {
  test("评分当前表 shows the project, total, grade and every indicator with its formula", async () => {
    const gateway = fakeGateway();
    await renderPane(gateway);

    fireEvent.click(screen.getByRole("button", { name: "评分当前表" }));

    expect(await screen.findByRole("heading", { name: "社区养老服务补助" })).toBeInTheDocument();
    expect(gateway.scoreActiveSheet).toHaveBeenCalledWith({
      profile: "auto",
      promptTextInReasonCells: false,
    });
    // scores always with two decimals (issue 21)
    expect(screen.getByText("总分：87.50")).toBeInTheDocument();
    expect(screen.getByText("等级：良")).toBeInTheDocument();
    expect(screen.getByText("执行率 95 ÷ 100 = 95%，10 × 95% = 9.5")).toBeInTheDocument();
    expect(
      screen.getByText("正向指标 67 ÷ 57 = 117.54%，封顶 100%，10 × 100% = 10")
    ).toBeInTheDocument();
    expect(screen.getByText("数量指标：服务老人人次")).toBeInTheDocument();
    expect(screen.getByText("9.44 / 10")).toBeInTheDocument();
    // Prompts grouped by kind, the sheets that hold no form, and what was not written.
    expect(screen.getByRole("heading", { name: "提示（2）" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "总分不符（1）" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "缺偏差原因（1）" })).toBeInTheDocument();
    // a prompt row: its cell and its message, the sheet once above (not on every row)
    expect(screen.getByText("H20")).toBeInTheDocument();
    expect(screen.queryByText("养老!H20")).not.toBeInTheDocument();
    expect(screen.getAllByText("养老").length).toBeGreaterThan(0);
    expect(screen.getByText("说明：没有找到自评表")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "未写入（1）" })).toBeInTheDocument();
    expect(screen.getByText("养老!J11 已有文字，未写入提示")).toBeInTheDocument();
    // 自动: the profile the run chose and why.
    expect(
      screen.getByText("已选用：全国通用（财预〔2020〕10号）（表头为财预〔2020〕10号格式）")
    ).toBeInTheDocument();
  });

  test("clicking a prompt row selects its cell; an indicator row answers Enter and Space", async () => {
    const gateway = fakeGateway();
    await renderPane(gateway);
    fireEvent.click(screen.getByRole("button", { name: "评分当前表" }));

    const prompts = await screen.findByRole("table", { name: "缺偏差原因" });
    fireEvent.click(within(prompts).getByText("满意度未达目标，偏差原因为空"));
    expect(gateway.selectCell).toHaveBeenLastCalledWith("养老", "J11");

    const indicator = screen.getByText("数量指标：服务老人人次").closest("tr") as HTMLElement;
    expect(indicator).toHaveAttribute("tabindex", "0");
    fireEvent.keyDown(indicator, { key: "Enter" });
    expect(gateway.selectCell).toHaveBeenLastCalledWith("养老", "H10");
    const budget = screen.getByText("预算执行率").closest("tr") as HTMLElement;
    fireEvent.keyDown(budget, { key: " " });
    expect(gateway.selectCell).toHaveBeenLastCalledWith("养老", "H6");
    expect(gateway.selectCell).toHaveBeenCalledTimes(3);
  });

  test("many forms (批量评分) are a list of headers with total and grade; a form's indicators show when it is opened", async () => {
    const gateway = fakeGateway();
    const sheets = Array.from({ length: 5 }, (_, i) => ({
      sheet: `表${i + 1}`,
      status: "scored" as const,
      message: null,
      forms: [{ ...ELDER_CARE, sheet: `表${i + 1}`, project: `项目${i + 1}`, prompts: [] }],
      edits: 2,
      notWritten: [],
    }));
    gateway.scoreAllSheets.mockResolvedValue(
      report({ action: "score-all", sheets, prompts: [], skipped: [], notWritten: [] })
    );
    await renderPane(gateway);
    fireEvent.click(screen.getByRole("button", { name: "批量评分" }));
    const third = await screen.findByRole("button", { name: "项目3：87.50 分，良" });
    expect(screen.getAllByRole("button", { name: /^项目\d：87\.50 分，良$/ })).toHaveLength(5);
    expect(third).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("table", { name: "项目3 指标得分" })).toBeNull();
    fireEvent.click(third);
    const table = await screen.findByRole("table", { name: "项目3 指标得分" });
    expect(third).toHaveAttribute("aria-expanded", "true");
    expect(screen.getAllByRole("table", { name: /指标得分$/ })).toHaveLength(1);
    fireEvent.click(within(table).getByText("数量指标：服务老人人次"));
    expect(gateway.selectCell).toHaveBeenLastCalledWith("表3", "H10");
  });

  test("批量评分 shows its progress, then the results", async () => {
    const gateway = fakeGateway();
    const done = deferred<RunReport>();
    let onProgress: ((p: Progress) => void) | undefined;
    gateway.scoreAllSheets.mockImplementation((_options, progress) => {
      onProgress = progress;
      return done.promise;
    });
    await renderPane(gateway);

    fireEvent.click(screen.getByRole("button", { name: "批量评分" }));
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "批量评分" })).toBeDisabled();

    act(() => onProgress?.({ stage: "score", message: "正在评分：3 个工作表" }));
    expect(screen.getByText("正在评分：3 个工作表")).toBeInTheDocument();

    await act(async () =>
      done.resolve(
        report({
          action: "score-all",
          summary: {
            sheet: "评分汇总",
            forms: 1,
            average: "87.5",
            weightedAverage: "87.5",
            bandSentence: "良 1 张。",
            chart: true,
          },
        })
      )
    );
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.getByText(/^批量评分：1 张自评表，写入 6 个单元格/)).toBeInTheDocument();
    expect(screen.getByText(/已生成“评分汇总”：1 张自评表，平均分 87\.5/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "社区养老服务补助" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "批量评分" })).toBeEnabled();
  });

  test("撤销本次评分 calls undo and says what was restored", async () => {
    const gateway = fakeGateway();
    gateway.undo.mockResolvedValue(
      report({
        action: "undo",
        sheets: [
          { sheet: "养老", status: "restored", message: null, forms: [], edits: 6, notWritten: [] },
        ],
        prompts: [],
        skipped: [],
        notWritten: [],
      })
    );
    await renderPane(gateway);

    fireEvent.click(screen.getByRole("button", { name: "撤销本次评分" }));

    expect(await screen.findByText("撤销本次评分：已恢复 6 个单元格")).toBeInTheDocument();
    expect(gateway.undo).toHaveBeenCalledTimes(1);
    expect(screen.getByText("养老：已恢复（6 个单元格）")).toBeInTheDocument();
  });

  test("撤销's headline counts the cells its sheet lines count (issue 21: 53 beside 221)", async () => {
    const gateway = fakeGateway();
    const sheet = (name: string, edits: number) => ({
      sheet: name,
      status: "restored" as const,
      message: null,
      forms: [],
      edits,
      notWritten: [],
    });
    gateway.undo.mockResolvedValue(
      report({
        action: "undo",
        sheets: [sheet("养老", 150), sheet("丰台报", 71)],
        prompts: [],
        skipped: [],
        notWritten: [],
        written: { cells: 53, notes: 120, fills: 48 },
      })
    );
    await renderPane(gateway);
    fireEvent.click(screen.getByRole("button", { name: "撤销本次评分" }));
    expect(await screen.findByText("撤销本次评分：已恢复 221 个单元格")).toBeInTheDocument();
    expect(screen.getByText("养老：已恢复（150 个单元格）")).toBeInTheDocument();
    expect(screen.getByText("丰台报：已恢复（71 个单元格）")).toBeInTheDocument();
  });

  test("清除标记 is offered where the gateway can, calls it and says what it cleared", async () => {
    const without = await renderPane(fakeGateway());
    expect(screen.queryByRole("button", { name: "清除标记" })).not.toBeInTheDocument();
    without.unmount();
    const gateway = fakeGateway();
    gateway.clearMarks = jest.fn(async () =>
      report({
        action: "clear-marks",
        sheets: [
          { sheet: "养老", status: "cleared", message: null, forms: [], edits: 4, notWritten: [] },
        ],
        prompts: [],
        skipped: [],
        notWritten: [],
      })
    );
    await renderPane(gateway);
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(
      await screen.findByText("清除标记：4 个单元格的批注和填充色已清除，更正的数值保留")
    ).toBeInTheDocument();
    expect(gateway.clearMarks).toHaveBeenCalledTimes(1);
    expect(screen.getByText("养老：已清除标记（4 个单元格）")).toBeInTheDocument();
  });

  test("the 规则 are loaded from the workbook, saved on change and used for scoring", async () => {
    const gateway = fakeGateway({
      profile: "beijing",
      promptTextInReasonCells: false,
      autoScore: false,
    });
    await renderPane(gateway);
    const profile = screen.getByRole("combobox", { name: "评分规则" });
    expect(profile).toHaveTextContent("北京（丰台填报注意事项）");

    fireEvent.click(profile);
    fireEvent.click(await screen.findByRole("option", { name: "湖北（武汉 20/80）" }));
    await waitFor(() =>
      expect(gateway.saveSettings).toHaveBeenLastCalledWith({
        profile: "hubei",
        promptTextInReasonCells: false,
        autoScore: false,
      })
    );

    fireEvent.click(screen.getByRole("checkbox", { name: "在空白的偏差原因单元格中写入提示" }));
    expect(gateway.saveSettings).toHaveBeenLastCalledWith({
      profile: "hubei",
      promptTextInReasonCells: true,
      autoScore: false,
    });

    fireEvent.click(screen.getByRole("button", { name: "评分当前表" }));
    await screen.findByRole("heading", { name: "社区养老服务补助" });
    expect(gateway.scoreActiveSheet).toHaveBeenCalledWith({
      profile: "hubei",
      promptTextInReasonCells: true,
    });
    // A chosen profile is shown only under 自动.
    expect(screen.queryByText(/^已选用：/)).not.toBeInTheDocument();
  });

  test("the profile list offers 自动 and every profile by its Chinese name", async () => {
    await renderPane(fakeGateway());
    fireEvent.click(screen.getByRole("combobox", { name: "评分规则" }));
    const names = (await screen.findAllByRole("option")).map((o) => o.textContent);
    expect(names).toEqual([
      "自动（按表格识别）",
      "全国通用（财预〔2020〕10号）",
      "北京（丰台填报注意事项）",
      "湖北（武汉 20/80）",
      "新疆（昌吉 10/90）",
      "四川（仁和 完成率）",
    ]);
  });

  test("an error in the report shows an error MessageBar in Chinese", async () => {
    const gateway = fakeGateway();
    gateway.scoreActiveSheet.mockResolvedValue({
      ...report(),
      ok: false,
      error: "Excel 拒绝写入：工作表或单元格受保护（或工作簿为只读）",
      sheets: [],
      prompts: [],
      skipped: [],
      notWritten: [],
    });
    await renderPane(gateway);

    fireEvent.click(screen.getByRole("button", { name: "评分当前表" }));

    const message = await screen.findByText(
      "Excel 拒绝写入：工作表或单元格受保护（或工作簿为只读）"
    );
    expect(message.closest('[role="group"]')).toHaveTextContent("出错了");
    expect(screen.getByRole("button", { name: "评分当前表" })).toBeEnabled();
  });

  test("a thrown error shows a MessageBar and the pane keeps working", async () => {
    const gateway = fakeGateway();
    gateway.scoreAllSheets.mockRejectedValueOnce(new Error("工作表“养老”已被删除"));
    await renderPane(gateway);

    fireEvent.click(screen.getByRole("button", { name: "批量评分" }));
    expect(await screen.findByText("批量评分未能完成：工作表“养老”已被删除")).toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "批量评分" }));
    expect(await screen.findByRole("heading", { name: "社区养老服务补助" })).toBeInTheDocument();
    expect(screen.queryByText(/未能完成/)).not.toBeInTheDocument();
  });

  test("a failing selectCell or saveSettings is a message, not a crash", async () => {
    const gateway = fakeGateway();
    gateway.selectCell.mockRejectedValue(new Error("找不到工作表"));
    gateway.saveSettings.mockRejectedValue(new Error("规则未能保存到工作簿："));
    await renderPane(gateway);
    fireEvent.click(screen.getByRole("button", { name: "评分当前表" }));
    fireEvent.click(
      (await screen.findByText("填报总分 90 与计算总分 87.5 不符")).closest("tr") as HTMLElement
    );
    expect(await screen.findByText("选中 养老!H20未能完成：找不到工作表")).toBeInTheDocument();

    fireEvent.click(screen.getByRole("switch", { name: "自动评分" }));
    expect(await screen.findByText(/^保存规则未能完成/)).toBeInTheDocument();
  });

  test("自动评分 subscribes when turned on, re-scores the edited sheet, and unsubscribes", async () => {
    const gateway = fakeGateway();
    const stop = jest.fn(async () => undefined);
    let listener: ((sheet: string) => void) | undefined;
    gateway.onSheetChanged.mockImplementation(async (l) => {
      listener = l;
      return stop;
    });
    const view = await renderPane(gateway);
    const autoScore = screen.getByRole("switch", { name: "自动评分" });
    expect(autoScore).not.toBeChecked();
    expect(gateway.onSheetChanged).not.toHaveBeenCalled();

    fireEvent.click(autoScore);
    await waitFor(() => expect(gateway.onSheetChanged).toHaveBeenCalledTimes(1));
    expect(gateway.saveSettings).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, autoScore: true });

    await act(async () => listener?.("养老"));
    expect(gateway.rescoreSheet).toHaveBeenCalledWith("养老", {
      profile: "auto",
      promptTextInReasonCells: false,
    });
    expect(await screen.findByRole("heading", { name: "社区养老服务补助" })).toBeInTheDocument();

    fireEvent.click(autoScore);
    await waitFor(() => expect(stop).toHaveBeenCalledTimes(1));

    fireEvent.click(autoScore);
    await waitFor(() => expect(gateway.onSheetChanged).toHaveBeenCalledTimes(2));
    view.unmount();
    expect(stop).toHaveBeenCalledTimes(2);
  });

  test("自动评分 saved as on subscribes at once; without change events the pane says so", async () => {
    const gateway = fakeGateway({ ...DEFAULT_SETTINGS, autoScore: true });
    gateway.onSheetChanged.mockResolvedValue(null);
    await renderPane(gateway);

    expect(screen.getByRole("switch", { name: "自动评分" })).toBeChecked();
    expect(await screen.findByText(/此版本的 Excel 不支持自动评分/)).toBeInTheDocument();
    expect(gateway.onSheetChanged).toHaveBeenCalledTimes(1);
  });

  test("an Excel the add-in cannot use is named, and the buttons wait", async () => {
    const gateway = fakeGateway();
    gateway.capabilities.mockReturnValue({
      ...CAPABILITIES,
      supported: false,
      reason: "此版本的 Excel 过旧：需要 ExcelApi 1.4 或更高版本",
    });
    await renderPane(gateway);
    expect(
      screen.getByText("此版本的 Excel 过旧：需要 ExcelApi 1.4 或更高版本")
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "评分当前表" })).toBeDisabled();
  });

  test("a re-score that arrives while another run is under way waits its turn; none is dropped", async () => {
    const gateway = fakeGateway({ ...DEFAULT_SETTINGS, autoScore: true });
    let listener: ((sheet: string) => void) | undefined;
    gateway.onSheetChanged.mockImplementation(async (l) => {
      listener = l;
      return jest.fn(async () => undefined);
    });
    const first = deferred<RunReport>();
    gateway.scoreAllSheets.mockReturnValueOnce(first.promise);
    gateway.rescoreSheet.mockImplementation(async (sheet: string) =>
      report({ action: "score-sheet", warnings: [`re-scored ${sheet}`] })
    );
    await renderPane(gateway);
    await waitFor(() => expect(listener).toBeDefined());

    fireEvent.click(screen.getByRole("button", { name: "批量评分" }));
    await waitFor(() => expect(gateway.scoreAllSheets).toHaveBeenCalledTimes(1));
    // two edits of 养老 and one of 教育 while 批量评分 runs: each sheet waits once
    await act(async () => {
      listener?.("养老");
      listener?.("教育");
      listener?.("养老");
    });
    expect(gateway.rescoreSheet).not.toHaveBeenCalled();

    await act(async () => first.resolve(report({ action: "score-all" })));
    await waitFor(() => expect(gateway.rescoreSheet).toHaveBeenCalledTimes(2));
    expect(gateway.rescoreSheet.mock.calls.map((c) => c[0])).toEqual(["养老", "教育"]);
    await waitFor(() => expect(screen.getByRole("button", { name: "评分当前表" })).toBeEnabled());
  });

  test("a capabilities() that throws is reported, not taken as supported", async () => {
    const gateway = fakeGateway();
    gateway.capabilities.mockImplementation(() => {
      throw new Error("Office.context 尚未就绪");
    });
    await renderPane(gateway);
    expect(
      screen.getByText("检查 Excel 版本未能完成：Office.context 尚未就绪")
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "评分当前表" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "批量评分" })).toBeDisabled();
  });
});
