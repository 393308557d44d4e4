// first: the built-ins the old Edge engine lacks, before any module that calls one
import "./legacyBuiltins";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { capabilities } from "../host/excel/capabilities";
import { DEFAULT_SETTINGS } from "../host/excel/contract";
import { loadSettings, saveSettings } from "../host/excel/settings";
import { lazyGateway, usePreload, type LazyGateway } from "./lazyGateway";
import { detectOfficeLoad, officeLoadMessage, type OfficePage, type ReadyInfo } from "./officeLoad";
import { TaskPane } from "./TaskPane";
import { paneTheme } from "./theme";

/**
 * The Office.js gateway with its scoring code in a chunk of its own ("scoring": engine, form,
 * decimal.js, host/excel), loaded after the first render; the shell's parts are small. Where
 * Office.js did not reach Excel, the shell says why (officeLoad.ts) and nothing asks Excel.
 */
function paneGateway(problem: string | null): LazyGateway {
  const shell = problem
    ? {
        capabilities: () => ({ ...capabilities(), supported: false, reason: problem }),
        loadSettings: () => Promise.resolve(DEFAULT_SETTINGS),
        saveSettings: () => Promise.resolve(),
      }
    : { capabilities, loadSettings, saveSettings };
  return lazyGateway(shell, () =>
    import(/* webpackChunkName: "scoring" */ "../host/excel/gateway").then((m) =>
      m.createExcelGateway()
    )
  );
}

/** The page as the browser has it: the #office-js script's address and the Office global. */
function browserOfficePage(): OfficePage {
  const script = document.getElementById("office-js");
  const officeJsSrc = script instanceof HTMLScriptElement ? script.src : "office.js";
  const onReady =
    typeof Office === "undefined"
      ? null
      : (timeoutMs: number) =>
          new Promise<ReadyInfo | null>((resolve) => {
            const timer = setTimeout(() => resolve(null), timeoutMs);
            Office.onReady().then(
              (info) => {
                clearTimeout(timer);
                resolve({ host: info.host === null ? null : String(info.host) });
              },
              () => resolve(null) // told as "no answer", with the script's address
            );
          });
  return { officeJsSrc, pageOrigin: window.location.href, onReady };
}

function Pane(props: { readonly gateway: LazyGateway }) {
  usePreload(props.gateway);
  return <TaskPane gateway={props.gateway} />;
}

function render(gateway: LazyGateway): void {
  const container = document.getElementById("container");
  if (!container) {
    throw new Error("taskpane.html has no #container element");
  }
  createRoot(container).render(
    <FluentProvider theme={paneTheme}>
      <Pane gateway={gateway} />
    </FluentProvider>
  );
}

// Office.js not loaded (no network to its CDN), loaded in a plain browser, or in Excel: the pane
// renders in every case, saying what is wrong in the first two. Where taskpane.html's ES5 check
// found an engine too old (its message is shown), the pane does not replace that message.
if (!(window as { selfevalOldWebview?: boolean }).selfevalOldWebview) {
  const page = browserOfficePage();
  void detectOfficeLoad(page).then((load) =>
    render(paneGateway(officeLoadMessage(load, page.pageOrigin)))
  );
}
