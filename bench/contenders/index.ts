/** Every contender, in the order tables list them: floors first, then Sluice, then its peers. */
import { aiSdk } from "./ai-sdk.js";
import type { ContenderDefinition } from "./contender.js";
import { langChain } from "./langchain.js";
import { rawHttp2, rawKeepAlive } from "./raw-aws-sdk.js";
import { sluiceConverse, sluiceInvokeModel } from "./sluice.js";
import { strands } from "./strands.js";

export const contenders: readonly ContenderDefinition[] = [rawHttp2, rawKeepAlive, sluiceConverse, sluiceInvokeModel, strands, aiSdk, langChain];

export function findContender(key: string): ContenderDefinition {
  const found = contenders.find((contender) => contender.key === key);
  if (found === undefined) throw new Error(`Unknown contender "${key}"; known: ${contenders.map((contender) => contender.key).join(", ")}`);
  return found;
}

export type { Contender, ContenderDefinition, ConversationTurn } from "./contender.js";
