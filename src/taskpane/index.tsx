import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { createExcelGateway } from "../host/excel/gateway";
import { TaskPane } from "./TaskPane";
import { paneTheme } from "./theme";

function render(): void {
  const container = document.getElementById("container");
  if (!container) {
    throw new Error("taskpane.html has no #container element");
  }
  // Outside Office the gateway reports itself unsupported (capabilities), and the pane says so.
  createRoot(container).render(
    <FluentProvider theme={paneTheme}>
      <TaskPane gateway={createExcelGateway()} />
    </FluentProvider>
  );
}

// Outside Office (a plain browser, a test page) there is no office.js: render at once.
if (typeof Office === "undefined") {
  render();
} else {
  Office.onReady(() => render());
}
