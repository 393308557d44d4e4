/** The scoring engine: pure functions from recognised Forms and a profile to explained Results. */
import { chooseProfiles } from "./auto";
import { isProfileId, PROFILES, withOverrides, type Profile, type ProfileId } from "./profiles";
import { memoReader } from "./quantity";
import { scoreForm } from "./score";
import { cellText } from "./text";
import type { Form, FormResult } from "./types";

export type ProfileSpec = "auto" | ProfileId;

export interface EngineOptions {
  readonly profile?: ProfileSpec;
  /** Any profile value overridden by the user (规则 panel, CLI). */
  readonly overrides?: Partial<Omit<Profile, "id">>;
  /** Forms of the same workbook that are not scored now but count as evidence for `auto`. */
  readonly evidence?: readonly Form[];
}

/**
 * Score every form of a workbook. With `auto`, the profile of each form is chosen from the
 * evidence of the whole workbook and the reason is reported on each result.
 */
export function scoreWorkbook(forms: readonly Form[], options: EngineOptions = {}): FormResult[] {
  const spec = options.profile ?? "auto";
  if (spec !== "auto" && !isProfileId(spec)) throw new Error(`未知的规则：${String(spec)}`);
  const choices =
    spec === "auto"
      ? chooseProfiles([...forms, ...(options.evidence ?? [])])
      : forms.map(() => ({ profile: spec, reason: `用户指定规则 ${PROFILES[spec].name}` }));
  const read = memoReader();
  // every project name of the workbook, for a reason copied from another project's form
  const workbookProjects = [
    ...new Set(
      [...forms, ...(options.evidence ?? [])]
        .map((f) => cellText(f.project?.value).trim())
        .filter((p) => p !== "")
    ),
  ];
  return forms.map((form, i) => {
    const base = PROFILES[choices[i].profile];
    const profile = options.overrides ? withOverrides(base, options.overrides) : base;
    return scoreForm(form, profile, { profileReason: choices[i].reason, read, workbookProjects });
  });
}

export { chooseProfiles, templateKey } from "./auto";
export { PROFILES, PROFILE_IDS, isProfileId, withOverrides } from "./profiles";
export type { Profile, ProfileId } from "./profiles";
export { scoreForm } from "./score";
export { gradeOf } from "./total";
export { readValue } from "./quantity";
export { KIND_NAMES, SEVERITY } from "./prompts";
export type * from "./types";
