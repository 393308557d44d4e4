/** @jest-environment jsdom */
/**
 * A piece the first render does not show (the result view) is loaded in a task after the first
 * commit, not during it; a failed load is a message, not a blank.
 */
import "@testing-library/jest-dom";
import { render, screen } from "@testing-library/react";
import { useAfterFirstRender } from "../../src/taskpane/hooks/useAfterFirstRender";

function Probe(props: { readonly load: () => Promise<string>; readonly onRender: () => void }) {
  props.onRender();
  const loaded = useAfterFirstRender(props.load);
  return <p>{loaded.value ?? (loaded.error ? `出错：${loaded.error}` : "加载中")}</p>;
}

test("loads after the first commit and shows what it loaded", async () => {
  const load = jest.fn(async () => "结果视图");
  const callsAtRender: number[] = [];
  render(<Probe load={load} onRender={() => callsAtRender.push(load.mock.calls.length)} />);
  expect(callsAtRender[0]).toBe(0);
  expect(screen.getByText("加载中")).toBeInTheDocument();
  expect(await screen.findByText("结果视图")).toBeInTheDocument();
  expect(load).toHaveBeenCalledTimes(1);
});

test("a chunk that fails to load is reported", async () => {
  const load = jest.fn(async (): Promise<string> => {
    throw new Error("Loading chunk result-view failed.");
  });
  render(<Probe load={load} onRender={() => undefined} />);
  expect(await screen.findByText("出错：Loading chunk result-view failed.")).toBeInTheDocument();
});
