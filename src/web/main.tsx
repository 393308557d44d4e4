import { createRoot } from "react-dom/client";
import { App } from "./App";

/** The 网页版's entry: a classic script (index.html), so the page runs opened from file:// too. */
createRoot(document.getElementById("root") as HTMLElement).render(<App />);
