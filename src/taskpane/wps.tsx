/**
 * The task pane's entry in WPS Spreadsheets (a WPS 加载项's task pane, opened by the ribbon's
 * 绩效自评 button, wps/main.js): the same React pane as in Excel, over the WPS gateway. WPS gives
 * the page its `wps` global before any script runs; outside WPS the gateway reports itself
 * unsupported and the pane says so.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { createWpsGateway } from "../host/wps/gateway";
import { TaskPane } from "./TaskPane";
import { paneTheme } from "./theme";

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container element");
createRoot(container).render(
  <FluentProvider theme={paneTheme}>
    <TaskPane gateway={createWpsGateway()} />
  </FluentProvider>
);
