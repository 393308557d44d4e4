import { PROFILES, type ProfileId } from "./profiles";
import { once } from "./memo";
import { normalizeHeader } from "./text";
import type { Form } from "./types";

export interface ProfileChoice {
  readonly profile: ProfileId;
  readonly reason: string;
}

interface Evidence {
  readonly profile: ProfileId;
  readonly strength: number; // 3 rule text, 2 template marks, 1 columns
  readonly reason: string;
}

/** The set of header words that identifies a template. */
export function templateKey(form: Form): string {
  return keyOf(form.headers.map(normalizeHeader));
}

function keyOf(normalizedHeaders: readonly string[]): string {
  return [...new Set(normalizedHeaders)].sort().join("|");
}

function ruleTextEvidence(form: Form): Evidence | null {
  const t = normalizeHeader(form.ruleText ?? "");
  if (!t) return null;
  if (/200%/.test(t) && /300%/.test(t) && /500%/.test(t)) {
    return {
      profile: "beijing",
      strength: 3,
      reason: `${form.sheet} 的填报注意事项列明超额 200%/300%/500% 扣分档`,
    };
  }
  if (/80-50%|80%-50%/.test(t) || (/备注/.test(t) && /\(20分\)/.test(t))) {
    return {
      profile: "hubei",
      strength: 3,
      reason: `${form.sheet} 的备注列明定性指标 100-80%、80-50%、50-0% 三档`,
    };
  }
  return null;
}

function templateEvidence(form: Form, h: readonly string[]): Evidence | null {
  const mark = h.find((x) => /\(20分\)/.test(x) || /20分\*执行率/.test(x) || x === "年初目标值(A)");
  if (mark)
    return {
      profile: "hubei",
      strength: 2,
      reason: `${form.sheet} 的表头“${mark}”是湖北 20/80 模板`,
    };
  const xj = h.find((x) => x === "赋分规则" || x === "业绩值");
  if (xj)
    return {
      profile: "xinjiang",
      strength: 2,
      reason: `${form.sheet} 的表头“${xj}”是新疆（昌吉）模板`,
    };
  const scored = h.some(
    (x) => /^(分值|权重|分值权重|得分|指标得分)/.test(x) || /\(\d+分\)/.test(x)
  );
  const completion = h.some((x) => /^完成率/.test(x));
  if (!scored) {
    const what = completion ? "只有完成率列" : "只有目标值与实际值";
    return {
      profile: "sichuan",
      strength: 1,
      reason: `${form.sheet} 没有分值、权重、得分列，${what}（四川模板）`,
    };
  }
  return null;
}

/**
 * `auto`: pick a profile per form by evidence pooled per workbook (domain §5). A rule note
 * printed on any tab applies to every tab of the same template. Precedence: rule text >
 * template marks > columns > national.
 */
export function chooseProfiles(forms: readonly Form[]): ProfileChoice[] {
  const byTemplate = new Map<string, Evidence>();
  const normalize = once(normalizeHeader); // the forms of a workbook share their headers
  const headers = forms.map((form) => form.headers.map(normalize));
  const key = once((joined: string) => keyOf(joined.split("\u0001")));
  const keys = headers.map((h) => key(h.join("\u0001")));
  for (const [i, form] of forms.entries()) {
    const key = keys[i];
    for (const e of [ruleTextEvidence(form), templateEvidence(form, headers[i])]) {
      if (!e) continue;
      const had = byTemplate.get(key);
      if (!had || e.strength > had.strength) byTemplate.set(key, e);
    }
  }
  return forms.map((form, i) => {
    const e = byTemplate.get(keys[i]);
    if (e) return { profile: e.profile, reason: e.reason };
    return { profile: "national", reason: `未发现地方模板或规则说明，按${PROFILES.national.name}` };
  });
}
