/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { DEFAULT_SETTINGS, type ScoringGateway } from "../../src/host/excel/gateway";
import type { ReportSheetRun } from "../../src/host/contract";
import type { ReportModel } from "../../src/report";
import { TaskPane } from "../../src/taskpane/TaskPane";
import { TextDecoder, TextEncoder } from "util";

/** 生成自评报告 in the pane over a fake gateway: the sheet's message and the .docx link. */
const MODEL: ReportModel = {
  title: "某单位2020年度项目支出绩效自评报告",
  unit: [{ text: "某单位对2020年度项目支出开展绩效自评，评价项目1个。" }],
  projects: [
    {
      sheet: "表1",
      anchor: "A1",
      project: "社区养老服务补助",
      title: "社区养老服务补助项目绩效自评报告",
      blocks: [{ kind: "heading", runs: [{ text: "一、项目基本情况" }] }],
      checks: [],
    },
  ],
};

function gateway(run: ReportSheetRun | null): ScoringGateway {
  const g = {
    scoreActiveSheet: jest.fn(),
    rescoreSheet: jest.fn(),
    scoreAllSheets: jest.fn(),
    undo: jest.fn(),
    selectCell: jest.fn(),
    loadSettings: jest.fn(async () => DEFAULT_SETTINGS),
    saveSettings: jest.fn(),
    onSheetChanged: jest.fn(async () => null),
    capabilities: jest.fn(() => ({
      supported: true,
      reason: null,
      merges: true,
      notes: "notes" as const,
      cellProperties: true,
      events: true,
      triggerSource: true,
    })),
    ...(run ? { writeReport: jest.fn(async () => run) } : {}),
  };
  return g as unknown as ScoringGateway;
}

function renderPane(g: ScoringGateway): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane gateway={g} />
    </FluentProvider>
  );
}

beforeAll(() => {
  // jsdom lacks what a browser has and the docx library uses
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  // jsdom has no ResizeObserver (Fluent's MessageBar watches its width)
  window.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  URL.createObjectURL = jest.fn(() => "blob:report");
  URL.revokeObjectURL = jest.fn();
});

test("writes the sheet, then offers the same report as a .docx link", async () => {
  const g = gateway({ ok: true, error: null, sheet: "自评报告", forms: 1, syncs: 3, model: MODEL });
  renderPane(g);
  fireEvent.click(screen.getByRole("button", { name: "生成自评报告" }));
  await screen.findByText("已写入工作表“自评报告”（1 张自评表）");
  const link = await screen.findByRole("link", { name: "下载自评报告（Word）" }, { timeout: 20_000 });
  expect(link).toHaveAttribute("href", "blob:report");
  expect(link).toHaveAttribute("download", "某单位2020年度项目支出绩效自评报告.docx");
  expect(g.writeReport).toHaveBeenCalledWith(expect.objectContaining({ profile: "auto" }));
  const blob = (URL.createObjectURL as jest.Mock).mock.calls[0][0] as Blob;
  expect(blob.size).toBeGreaterThan(1000);
});

test("a workbook without a form: the message, and no link", async () => {
  const error = "工作簿中没有找到项目支出绩效自评表，未生成自评报告";
  renderPane(gateway({ ok: false, error, sheet: null, forms: 0, syncs: 2, model: null }));
  fireEvent.click(screen.getByRole("button", { name: "生成自评报告" }));
  await screen.findByText(error);
  await waitFor(() => expect(screen.getByRole("button", { name: "生成自评报告" })).toBeEnabled());
  expect(screen.queryByRole("link", { name: "下载自评报告（Word）" })).toBeNull();
});

test("a gateway without reports shows no button", async () => {
  renderPane(gateway(null));
  await screen.findByRole("button", { name: "批量评分" });
  expect(screen.queryByRole("button", { name: "生成自评报告" })).toBeNull();
});
