/**
 * The workbench page: the real task pane (TaskPane over the Office.js gateway, its scoring code
 * loaded after the first render, exactly what Excel loads) beside a view of the sheets, over the
 * strict fake Excel API holding the workbook the server loaded. `window.workbench` lets tests read the workbook as Excel would show it.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { capabilities } from "../src/host/excel/capabilities";
import { loadSettings, saveSettings } from "../src/host/excel/settings";
import { lazyGateway, usePreload } from "../src/taskpane/lazyGateway";
import { TaskPane } from "../src/taskpane/TaskPane";
import { paneTheme } from "../src/taskpane/theme";
import { FakeExcel, installFakeExcel } from "../fake-excel/fake";
import { DocumentModel, type DocumentData } from "../fake-excel/model";
import { useAfterFirstRender } from "../src/taskpane/hooks/useAfterFirstRender";
import type { WorkbookPayload } from "./protocol";

export interface WorkbenchApi {
  /** Every sheet's name in workbook order (hidden ones too, as the Excel API lists them). */
  sheets(): string[];
  /** A cell as Excel would hand it to the add-in: its value (null when empty), number format and note. */
  cell(
    sheet: string,
    address: string
  ): { value: string | number | boolean | null; numberFormat: string; note: string | null };
  /** A person types a value into a cell (Excel's change event fires, as for typing). */
  edit(sheet: string, address: string, value: string | number | boolean): void;
  /** Makes a sheet the active one, as clicking its tab does. */
  activate(sheet: string): void;
  /** The name of the active sheet. */
  activeSheet(): string | null;
  /** The cell the add-in last selected (a clicked result row), or null. */
  selection(): { sheet: string; address: string } | null;
  /** context.sync() round trips so far. */
  syncs(): number;
  /** A sheet's merged areas as A1 ranges (the 自评报告 sheet, issue 13). */
  merges(sheet: string): string[];
  /** Milliseconds from navigation start to the task pane's first render. */
  firstRenderMs: number | null;
}

declare global {
  interface Window {
    workbench?: WorkbenchApi;
    /** The workbook, requested by index.html before the bundle runs. */
    workbookRequest?: Promise<unknown>;
  }
}

const useStyles = makeStyles({
  page: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 360px",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  sheets: { minWidth: 0, overflow: "hidden", backgroundColor: tokens.colorNeutralBackground1 },
  pane: {
    overflowY: "auto",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  banner: { padding: tokens.spacingHorizontalL },
});

const loadSheetView = () =>
  import(/* webpackChunkName: "sheet-view" */ "./SheetView").then((m) => m.SheetView);

function Workbench(props: { readonly fake: FakeExcel; readonly title: string }) {
  const styles = useStyles();
  const { fake } = props;
  const [version, setVersion] = useState(0);
  const [gateway] = useState(() =>
    lazyGateway({ capabilities, loadSettings, saveSettings }, () =>
      import(/* webpackChunkName: "scoring" */ "../src/host/excel/gateway").then((m) =>
        m.createExcelGateway()
      )
    )
  );
  usePreload(gateway);
  // The sheet view (a table of every cell, mostly Chinese text) is a chunk loaded after the
  // pane's first render: in Excel the grid is not the pane's to draw, so the pane does not wait.
  const sheetView = useAfterFirstRender(loadSheetView);
  const SheetView = sheetView.value;
  useEffect(() => {
    const bump = (): void => setVersion((v) => v + 1);
    changed.add(bump);
    return () => {
      changed.delete(bump);
    };
  }, [fake]);
  return (
    <div className={styles.page}>
      <div className={styles.sheets}>
        {sheetView.error && (
          <MessageBar intent="error">
            <MessageBarBody>无法显示工作表：{sheetView.error}</MessageBarBody>
          </MessageBar>
        )}
        {SheetView && (
          <SheetView
            fake={fake}
            version={version}
            onActivate={(s) => window.workbench?.activate(s)}
            onEdit={(s, a, v) => window.workbench?.edit(s, a, v)}
          />
        )}
      </div>
      <aside className={styles.pane} aria-label={`任务窗格 · ${props.title}`} id="pane">
        <FirstRender />
        <TaskPane gateway={gateway} />
      </aside>
    </div>
  );
}

/** Records the time of the pane's first commit (bench: firstRenderMs). */
function FirstRender() {
  useEffect(() => {
    if (window.workbench && window.workbench.firstRenderMs === null)
      window.workbench.firstRenderMs = performance.now();
  }, []);
  return null;
}

function LoadError(props: { readonly message: string }) {
  const styles = useStyles();
  return (
    <main className={styles.banner}>
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>工作簿无法打开</MessageBarTitle>
          {props.message}
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}

/** Redraws of the sheet view: after every sync of the fake, and when a tab is activated. */
const changed = new Set<() => void>();
const notify = (): void => changed.forEach((f) => f());

function api(fake: FakeExcel): WorkbenchApi {
  return {
    sheets: () => fake.sheetNames(),
    cell: (sheet, address) => {
      const c = fake.cell(sheet, address);
      return { value: c.value, numberFormat: c.numberFormat, note: c.note ?? c.comment };
    },
    edit: (sheet, address, value) => {
      fake.userEdit(sheet, address, [[value]]);
      notify();
    },
    activate: (sheet) => {
      fake.activate(sheet);
      notify();
    },
    activeSheet: () => fake.activeSheet,
    selection: () => fake.selection,
    syncs: () => fake.syncs,
    merges: (sheet) => fake.grid(sheet).merges.slice(),
    firstRenderMs: null,
  };
}

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) throw new Error("workbench.html has no #container element");
  const root = createRoot(container);
  const render = (node: React.ReactNode): void =>
    root.render(<FluentProvider theme={paneTheme}>{node}</FluentProvider>);
  let payload: WorkbookPayload;
  try {
    payload = (await (window.workbookRequest ??
      fetch("workbook.json", { cache: "no-store" }).then((r) => r.json()))) as WorkbookPayload;
  } catch (e) {
    render(<LoadError message={`无法从工作台服务读取工作簿：${String(e)}`} />);
    return;
  }
  if ("error" in payload) {
    render(<LoadError message={payload.error} />);
    return;
  }
  const fake = new FakeExcel(DocumentModel.fromData(payload.document as DocumentData), {
    excelApi: payload.excelApi,
  });
  fake.afterSync = notify;
  installFakeExcel(fake);
  window.workbench = api(fake);
  document.title = `绩效自评工作台 · ${payload.name}`;
  render(<Workbench fake={fake} title={payload.name} />);
}

void main();
