/**
 * Every contender, in the order tables list them: floors first, then Sluice, then its peers.
 * Each is loaded only in the process that runs it, so one framework's modules do not weigh on
 * another's memory or garbage collection.
 */
import type { ContenderDefinition } from "./contender.js";

export const contenders: readonly ContenderDefinition[] = [
  {
    key: "raw-http2",
    label: "raw AWS SDK loop (SDK default transport)",
    transport: "HTTP/2, a connection per call",
    isFloor: true,
    create: async (endpoint) => (await import("./raw-aws-sdk.js")).createRawContender(endpoint, "http2"),
  },
  {
    key: "raw-http1",
    label: "raw AWS SDK loop (keep-alive)",
    transport: "HTTP/1.1 keep-alive",
    isFloor: true,
    create: async (endpoint) => (await import("./raw-aws-sdk.js")).createRawContender(endpoint, "http1"),
  },
  {
    key: "raw-http1-control",
    label: "raw AWS SDK loop (keep-alive), A/A control",
    transport: "HTTP/1.1 keep-alive",
    floorKey: "raw-http1",
    isControl: true,
    create: async (endpoint) => (await import("./raw-aws-sdk.js")).createRawContender(endpoint, "http1"),
  },
  {
    key: "sluice",
    label: "Sluice, Converse",
    transport: "HTTP/1.1 keep-alive",
    floorKey: "raw-http1",
    create: async (endpoint) => (await import("./sluice.js")).createSluiceContender(endpoint, "converse"),
  },
  {
    key: "sluice-reused",
    label: "Sluice, Converse, agents reused",
    transport: "HTTP/1.1 keep-alive",
    floorKey: "raw-http1",
    create: async (endpoint) => (await import("./sluice.js")).createSluiceContender(endpoint, "converse", true),
  },
  {
    key: "sluice-invoke",
    label: "Sluice, InvokeModel",
    transport: "HTTP/1.1 keep-alive",
    floorKey: "raw-http1",
    create: async (endpoint) => (await import("./sluice.js")).createSluiceContender(endpoint, "invoke-model"),
  },
  {
    key: "strands",
    label: "Strands Agents 1.16",
    transport: "HTTP/1.1 keep-alive",
    floorKey: "raw-http1",
    create: async (endpoint) => (await import("./strands.js")).createStrandsContender(endpoint),
  },
  {
    key: "ai-sdk",
    label: "Vercel AI SDK 6",
    transport: "HTTP/1.1 keep-alive (fetch)",
    floorKey: "raw-http1",
    create: async (endpoint) => (await import("./ai-sdk.js")).createAiSdkContender(endpoint),
  },
  {
    key: "langchain",
    label: "LangChain 1.5 createAgent",
    transport: "HTTP/1.1 keep-alive",
    floorKey: "raw-http1",
    create: async (endpoint) => (await import("./langchain.js")).createLangChainContender(endpoint),
  },
];

/** The contender with this key; throws a readable error listing the known keys. */
export function findContender(key: string): ContenderDefinition {
  const found = contenders.find((contender) => contender.key === key);
  if (found === undefined) throw new Error(`Unknown contender "${key}"; known: ${contenders.map((contender) => contender.key).join(", ")}`);
  return found;
}

export type { Contender, ContenderDefinition, ConversationTurn } from "./contender.js";
