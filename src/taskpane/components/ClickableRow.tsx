import { TableRow } from "@fluentui/react-components";
import type { KeyboardEvent, ReactNode } from "react";

/** A table row a person can click, or reach with Tab and activate with Enter or Space. */
export function ClickableRow(props: {
  readonly onActivate: (() => void) | null;
  readonly label?: string;
  readonly children: ReactNode;
}) {
  const { onActivate } = props;
  if (!onActivate) return <TableRow aria-label={props.label}>{props.children}</TableRow>;
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>): void => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onActivate();
    }
  };
  return (
    <TableRow
      tabIndex={0}
      aria-label={props.label}
      style={{ cursor: "pointer" }}
      onClick={onActivate}
      onKeyDown={onKeyDown}
    >
      {props.children}
    </TableRow>
  );
}
