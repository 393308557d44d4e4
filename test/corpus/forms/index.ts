import type { CorpusForm } from "../types";
import { form as chizhou } from "./ah-chizhou-2022";
import { form as ezhou } from "./hb-ezhou-2021";
import { form as archives } from "./hb-huanggang-archives-2020";
import { form as tianchang } from "./ah-tianchang-2022";
import { form as huanggang } from "./hb-huanggang-2020";
import { form as jinbu } from "./hb-jinbu-2020";
import { form as langfang } from "./hb-langfang-2019";
import { form as hengshan } from "./hn-hengshan-2020";
import { form as bayannur } from "./nm-bayannur-2024";
import { form as daying } from "./sc-daying-2023";
import { form as dayingCost } from "./sc-daying-cost-2023";
import { form as qingshen } from "./sc-qingshen-2023";
import { form as zhongjiang } from "./sc-zhongjiang-2022";
import { form as lijiang } from "./yn-lijiang-2020";

/** The corpus, in the order of the report's table. */
export const CORPUS: readonly CorpusForm[] = [
  tianchang,
  chizhou,
  lijiang,
  langfang,
  bayannur,
  hengshan,
  zhongjiang,
  qingshen,
  huanggang,
  jinbu,
  daying,
  dayingCost,
  ezhou,
  archives,
];
