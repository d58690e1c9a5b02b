import type { StopReason } from "@aws-sdk/client-bedrock-runtime";
import {
  type ModelFamilyAdapter,
  NO_FEATURES,
  NativeResponseError,
  type NativeStreamDecoder,
} from "../../src/index.js";

// 1. How the family's stop reasons map onto Bedrock's.
const ACME_STOP_REASONS: Record<string, StopReason> = { done: "end_turn", limit: "max_tokens" };

export const acmeTextAdapter: ModelFamilyAdapter = {
  // 2. Name, label, example IDs and what the family can do (this drives the feature table
  //    and the checks that refuse unsupported requests before the call).
  family: "acme-text",
  displayName: "Acme Text",
  exampleModelIds: ["acme.text-v1:0"],
  features: { ...NO_FEATURES, text: true, multiTurn: true, streaming: true },
  matches: (baseModelId) => baseModelId.startsWith("acme.text"),

  // 3. Converse request → native body.
  buildRequest(request) {
    const prompt = (request.messages ?? [])
      .map((message) => `${message.role}: ${(message.content ?? []).map((block) => block.text ?? "").join("")}`)
      .join("\n");
    return { prompt, max_length: request.inferenceConfig?.maxTokens ?? 512 };
  },

  // 4. Native body → Converse turn (content, stop reason, usage when the body has it).
  parseResponse(body) {
    if (typeof body.completion !== "string") throw new NativeResponseError("acme-text", "no completion", body);
    return {
      content: [{ text: body.completion }],
      stopReason: ACME_STOP_REASONS[String(body.finish)] ?? "end_turn",
      usage: { outputTokens: Number(body.tokens ?? 0) },
    };
  },

  // 5. Native stream chunks → ConverseStream events, through the writer.
  createStreamDecoder(writer): NativeStreamDecoder {
    return {
      push(chunk) {
        writer.text(String(chunk.delta ?? ""));
        if (typeof chunk.finish === "string") writer.stop(ACME_STOP_REASONS[chunk.finish] ?? "end_turn");
      },
      end() {},
    };
  },
};
