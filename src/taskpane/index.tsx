import { createRoot } from "react-dom/client";
import { Body1, FluentProvider, Title2, webLightTheme } from "@fluentui/react-components";

function TaskPane() {
  return (
    <main style={{ padding: "16px" }}>
      <Title2 as="h1">绩效自评</Title2>
      <Body1 as="p">评分引擎已就绪，任务窗格将随加载项功能一同提供。</Body1>
    </main>
  );
}

function render(): void {
  const container = document.getElementById("container");
  if (!container) {
    throw new Error("taskpane.html has no #container element");
  }
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane />
    </FluentProvider>
  );
}

// Outside Office (a plain browser, a test page) there is no office.js: render at once.
if (typeof Office === "undefined") {
  render();
} else {
  Office.onReady(() => render());
}
