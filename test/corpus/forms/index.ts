import type { CorpusForm } from "../types";
import { form as tianchang } from "./ah-tianchang-2022";

/** The corpus, in the order of the report's table. */
export const CORPUS: readonly CorpusForm[] = [tianchang];
