import {
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Option,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import type { ProfileSpec } from "../../engine";
import type { Settings } from "../../host/contract";
import { PROFILE_OPTIONS, profileText } from "../labels";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  chosen: { color: tokens.colorNeutralForeground2 },
});

export interface ChosenProfile {
  readonly profile: string;
  readonly reason: string;
}

/** 规则: the profile, the 偏差原因 option and 自动评分, saved with the workbook on each change. */
export function RulesPanel(props: {
  readonly settings: Settings;
  readonly disabled: boolean;
  /** When 自动: the profiles the last run chose and why (one line per distinct choice). */
  readonly chosen: readonly ChosenProfile[];
  /** Set when this Excel cannot tell the add-in that a sheet changed. */
  readonly autoScoreNote: string | null;
  readonly onChange: (next: Settings) => void;
}) {
  const styles = useStyles();
  const headingId = useId();
  const { settings, onChange } = props;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        规则
      </Subtitle2>
      <Field label="评分规则">
        <Dropdown
          value={profileText(settings.profile)}
          selectedOptions={[settings.profile]}
          disabled={props.disabled}
          onOptionSelect={(_, data) => {
            const profile = data.optionValue as ProfileSpec | undefined;
            if (profile && profile !== settings.profile) onChange({ ...settings, profile });
          }}
        >
          {PROFILE_OPTIONS.map((o) => (
            <Option key={o.value} value={o.value}>
              {o.text}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {settings.profile === "auto" &&
        props.chosen.map((c) => (
          <Caption1 as="p" key={`${c.profile}|${c.reason}`} className={styles.chosen}>
            已选用：{profileText(c.profile)}（{c.reason}）
          </Caption1>
        ))}
      <Checkbox
        label="在空白的偏差原因单元格中写入提示"
        checked={settings.promptTextInReasonCells}
        disabled={props.disabled}
        onChange={(_, data) =>
          onChange({ ...settings, promptTextInReasonCells: data.checked === true })
        }
      />
      <Switch
        label="自动评分"
        checked={settings.autoScore}
        disabled={props.disabled}
        onChange={(_, data) => onChange({ ...settings, autoScore: data.checked })}
      />
      {props.autoScoreNote && (
        <Caption1 as="p" className={styles.chosen}>
          {props.autoScoreNote}
        </Caption1>
      )}
    </section>
  );
}
