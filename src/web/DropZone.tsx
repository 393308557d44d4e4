import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState, type DragEvent } from "react";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXXL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  input: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
});

/** Where workbooks come in: a file picker (`<input type="file" multiple>`) and a drop area. */
export function DropZone(props: { readonly onFiles: (files: File[]) => void }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    props.onFiles([...e.dataTransfer.files]);
  };
  return (
    <div
      className={over ? `${styles.zone} ${styles.over}` : styles.zone}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <Body1>将一个或多个 .xlsx 工作簿拖放到这里，或</Body1>
      <input
        ref={input}
        id="workbooks"
        className={styles.input}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="选择工作簿"
        onChange={(e) => {
          props.onFiles([...(e.target.files ?? [])]);
          e.target.value = "";
        }}
      />
      <Button appearance="primary" onClick={() => input.current?.click()}>
        选择工作簿…
      </Button>
      <Caption1>文件只在本机浏览器中处理，不会上传到任何地方。</Caption1>
    </div>
  );
}
