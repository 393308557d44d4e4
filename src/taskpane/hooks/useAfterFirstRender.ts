import { useEffect, useState } from "react";

export interface Loaded<T> {
  /** What `load` gave, or null until then. */
  readonly value: T | null;
  /** Why it could not be loaded (a chunk that failed to download), or null. */
  readonly error: string | null;
}

/**
 * Loads a piece the first render does not show (a webpack chunk: `load` is a dynamic import) in a
 * task after the pane's first commit, so that it is ready before it is needed without weighing on
 * the first render (issue 12, firstRenderMs).
 */
export function useAfterFirstRender<T>(load: () => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ value: null, error: null });
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      load().then(
        (value) => live && setLoaded({ value, error: null }),
        (e: unknown) =>
          live && setLoaded({ value: null, error: e instanceof Error ? e.message : String(e) })
      );
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `load` is a module-level import function: loaded once per pane
  }, []);
  return loaded;
}
