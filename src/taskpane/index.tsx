import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { capabilities } from "../host/excel/capabilities";
import { loadSettings, saveSettings } from "../host/excel/settings";
import { lazyGateway, usePreload, type LazyGateway } from "./lazyGateway";
import { TaskPane } from "./TaskPane";
import { paneTheme } from "./theme";

/**
 * The Office.js gateway with its scoring code in a chunk of its own ("scoring": engine, form,
 * decimal.js, host/excel), loaded after the first render; the shell's parts are small.
 */
const gateway = lazyGateway({ capabilities, loadSettings, saveSettings }, () =>
  import(/* webpackChunkName: "scoring" */ "../host/excel/gateway").then((m) =>
    m.createExcelGateway()
  )
);

function Pane(props: { readonly gateway: LazyGateway }) {
  usePreload(props.gateway);
  return <TaskPane gateway={props.gateway} />;
}

function render(): void {
  const container = document.getElementById("container");
  if (!container) {
    throw new Error("taskpane.html has no #container element");
  }
  // Outside Office the gateway reports itself unsupported (capabilities), and the pane says so.
  createRoot(container).render(
    <FluentProvider theme={paneTheme}>
      <Pane gateway={gateway} />
    </FluentProvider>
  );
}

// Outside Office (a plain browser, a test page) there is no office.js: render at once.
if (typeof Office === "undefined") {
  render();
} else {
  Office.onReady(() => render());
}
