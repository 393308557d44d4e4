import { useEffect } from "react";
import type {
  Capabilities,
  Progress,
  ScoringGateway,
  ScoringOptions,
  Settings,
} from "../host/contract";

/**
 * What the pane's first render needs from Excel, without the scoring code: whether this Excel
 * can run the add-in, and the 规则 kept in the document (no workbook read in either).
 */
export interface GatewayShell {
  capabilities(): Capabilities;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
}

export interface LazyGateway extends ScoringGateway {
  /** Starts loading the scoring code (once); resolves to the gateway every action goes to. */
  preload(): Promise<ScoringGateway>;
}

/**
 * A gateway whose scoring code (engine, recognition, plan, the Office.js gateway and decimal.js:
 * a separate webpack chunk) is loaded after the pane's first render, so that the accountant sees
 * the pane before that code is downloaded, compiled and run (issue 12, firstRenderMs). The shell
 * answers capabilities() and the 规则 at once; every action waits for `load`, which runs once
 * (one gateway, one session, whatever the number of actions). A failed load is reported by the
 * action that needed it and tried again by the next one.
 */
export function lazyGateway(shell: GatewayShell, load: () => Promise<ScoringGateway>): LazyGateway {
  let loading: Promise<ScoringGateway> | null = null;
  const preload = (): Promise<ScoringGateway> => {
    if (!loading) {
      const attempt = load();
      loading = attempt;
      attempt.catch(() => {
        if (loading === attempt) loading = null;
      });
    }
    return loading;
  };
  const full = async (): Promise<ScoringGateway> => preload();
  return {
    preload,
    capabilities: () => shell.capabilities(),
    loadSettings: () => shell.loadSettings(),
    saveSettings: (settings: Settings) => shell.saveSettings(settings),
    scoreActiveSheet: async (options?: ScoringOptions) => (await full()).scoreActiveSheet(options),
    rescoreSheet: async (sheet: string, options?: ScoringOptions) =>
      (await full()).rescoreSheet(sheet, options),
    scoreAllSheets: async (options?: ScoringOptions, onProgress?: (p: Progress) => void) =>
      (await full()).scoreAllSheets(options, onProgress),
    undo: async () => (await full()).undo(),
    clearMarks: async () => {
      const gateway = await full();
      if (!gateway.clearMarks) throw new Error("此网关不能清除标记");
      return gateway.clearMarks();
    },
    writeReport: async (options?: ScoringOptions) => {
      const gateway = await full();
      if (!gateway.writeReport) throw new Error("此网关不能生成自评报告");
      return gateway.writeReport(options);
    },
    selectCell: async (sheet: string, address: string) => (await full()).selectCell(sheet, address),
    onSheetChanged: async (listener, options) => (await full()).onSheetChanged(listener, options),
  };
}

/**
 * Starts loading the scoring code once the pane has committed its first render (a task after
 * the commit's effects, so after the first paint), not before: the first click then finds it
 * loaded, and the first render does not wait for it.
 */
export function usePreload(gateway: LazyGateway): void {
  useEffect(() => {
    const timer = setTimeout(() => void gateway.preload().catch(() => undefined), 0);
    return () => clearTimeout(timer);
  }, [gateway]);
}
