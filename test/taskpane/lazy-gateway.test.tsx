/** @jest-environment jsdom */
/**
 * The gateway whose scoring code is a chunk loaded after the pane's first render (issue 12,
 * firstRenderMs): what the first render needs comes from the shell without loading it; actions
 * load it once and go to one gateway; a failed load is an error and the next action tries again;
 * the pane starts loading it only after its first commit.
 */
import { render } from "@testing-library/react";
import {
  DEFAULT_SETTINGS,
  type Capabilities,
  type RunReport,
  type ScoringGateway,
  type ScoringOptions,
  type Settings,
} from "../../src/host/contract";
import { lazyGateway, usePreload, type LazyGateway } from "../../src/taskpane/lazyGateway";

const CAPS: Capabilities = {
  supported: true,
  reason: null,
  merges: true,
  notes: "notes",
  cellProperties: true,
  events: true,
  triggerSource: true,
};

const REPORT: RunReport = {
  action: "score-all",
  ok: true,
  error: null,
  sheets: [],
  prompts: [],
  skipped: [],
  notWritten: [],
  written: { cells: 0, notes: 0, fills: 0 },
  summary: null,
  notes: "notes",
  mergesRead: true,
  warnings: [],
  syncs: 4,
};

function shell() {
  return {
    capabilities: jest.fn(() => CAPS),
    loadSettings: jest.fn(async (): Promise<Settings> => ({ ...DEFAULT_SETTINGS, autoScore: true })),
    saveSettings: jest.fn(async () => undefined),
  };
}

function fullGateway(): jest.Mocked<ScoringGateway> {
  return {
    scoreActiveSheet: jest.fn(async () => REPORT),
    rescoreSheet: jest.fn(async (_sheet: string, _options?: ScoringOptions) => REPORT),
    scoreAllSheets: jest.fn(async () => REPORT),
    undo: jest.fn(async () => REPORT),
    writeReport: jest.fn(async () => ({ ok: true }) as never),
    selectCell: jest.fn(async (_sheet: string, _address: string) => undefined),
    loadSettings: jest.fn(async () => DEFAULT_SETTINGS),
    saveSettings: jest.fn(async (_settings: Settings) => undefined),
    onSheetChanged: jest.fn(
      async (_listener: (sheet: string) => void, _options?: { readonly debounceMs?: number }) =>
        null
    ),
    capabilities: jest.fn(() => CAPS),
  };
}

test("capabilities and the 规则 come from the shell, without loading the scoring code", async () => {
  const parts = shell();
  const load = jest.fn(async () => fullGateway());
  const g = lazyGateway(parts, load);
  expect(g.capabilities()).toBe(CAPS);
  expect((await g.loadSettings()).autoScore).toBe(true);
  await g.saveSettings(DEFAULT_SETTINGS);
  expect(parts.saveSettings).toHaveBeenCalledWith(DEFAULT_SETTINGS);
  expect(load).not.toHaveBeenCalled();
});

test("actions load the scoring code once and all go to the one gateway it gives", async () => {
  const full = fullGateway();
  const load = jest.fn(async () => full);
  const g = lazyGateway(shell(), load);
  const progress = jest.fn();
  const listener = jest.fn();
  const [a, b] = await Promise.all([
    g.scoreAllSheets({ profile: "hubei" }, progress),
    g.scoreActiveSheet({ profile: "national" }),
  ]);
  expect(a).toBe(REPORT);
  expect(b).toBe(REPORT);
  await g.rescoreSheet("养老", { profile: "auto" });
  await g.undo();
  await g.selectCell("养老", "H10");
  await g.writeReport?.({ profile: "auto" });
  await g.onSheetChanged(listener, { debounceMs: 10 });
  expect(load).toHaveBeenCalledTimes(1);
  expect(full.scoreAllSheets).toHaveBeenCalledWith({ profile: "hubei" }, progress);
  expect(full.scoreActiveSheet).toHaveBeenCalledWith({ profile: "national" });
  expect(full.rescoreSheet).toHaveBeenCalledWith("养老", { profile: "auto" });
  expect(full.undo).toHaveBeenCalledTimes(1);
  expect(full.selectCell).toHaveBeenCalledWith("养老", "H10");
  expect(full.writeReport).toHaveBeenCalledWith({ profile: "auto" });
  expect(full.onSheetChanged).toHaveBeenCalledWith(listener, { debounceMs: 10 });
  expect(await g.preload()).toBe(full);
  expect(load).toHaveBeenCalledTimes(1);
});

test("a failed load fails the action that needed it, and the next action loads again", async () => {
  const full = fullGateway();
  const load = jest
    .fn<Promise<ScoringGateway>, []>()
    .mockRejectedValueOnce(new Error("ChunkLoadError: Loading chunk scoring failed."))
    .mockResolvedValue(full);
  const g = lazyGateway(shell(), load);
  await expect(g.scoreActiveSheet()).rejects.toThrow("Loading chunk scoring failed");
  await expect(g.scoreActiveSheet()).resolves.toBe(REPORT);
  expect(load).toHaveBeenCalledTimes(2);
});

test("the pane starts loading the scoring code after its first commit, not during it", () => {
  jest.useFakeTimers();
  try {
    const load = jest.fn(async () => fullGateway());
    const g = lazyGateway(shell(), load);
    let loadsDuringRender = -1;
    function Pane(props: { readonly gateway: LazyGateway }) {
      usePreload(props.gateway);
      loadsDuringRender = load.mock.calls.length;
      return <p>绩效自评</p>;
    }
    render(<Pane gateway={g} />);
    expect(loadsDuringRender).toBe(0);
    expect(load).not.toHaveBeenCalled();
    jest.runOnlyPendingTimers();
    expect(load).toHaveBeenCalledTimes(1);
  } finally {
    jest.useRealTimers();
  }
});
