import type { ContentBlock, StopReason } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { ModelFamilyAdapter, NativeBody, NativeStreamDecoder, NativeTurn } from "../../adapter.js";
import { NativeResponseError } from "../../errors/native-response-error.js";
import { NO_FEATURES } from "../../features/family-features.js";
import type { ConverseStreamWriter } from "../../shared/converse-stream-writer.js";
import { additionalFields, blocksText, inferenceSettings, systemText } from "../../shared/converse-content.js";
import { asArray, asRecord, asString, compact } from "../../shared/native-values.js";
import { mapStopReason } from "../../shared/stop-reason.js";
import { TaggedTextSplitter } from "../../shared/tagged-text-splitter.js";

const FAMILY = "deepseek";
const DEEPSEEK_STOP_REASONS: Readonly<Record<string, StopReason>> = { stop: "end_turn", length: "max_tokens" };
const BEGIN = "<｜begin▁of▁sentence｜>";
const END = "<｜end▁of▁sentence｜>";

/**
 * A conversation in DeepSeek R1's chat template, open for the assistant's answer. The think
 * block is not pre-opened: R1 then writes `<think>` itself, so output with and without
 * reasoning can be told apart. Earlier reasoning is not replayed.
 *
 * @example
 * deepSeekPrompt({ modelId, messages: [{ role: "user", content: [{ text: "Hi" }] }] });
 * // "<｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜>"
 */
export function deepSeekPrompt(request: ModelRequest): string {
  let prompt = `${BEGIN}${systemText(request)}`;
  for (const message of request.messages ?? []) {
    const text = blocksText(message.content);
    prompt += message.role === "assistant" ? `<｜Assistant｜>${text}${END}` : `<｜User｜>${text}`;
  }
  return `${prompt}<｜Assistant｜>`;
}

function buildDeepSeekRequest(request: ModelRequest): NativeBody {
  const settings = inferenceSettings(request);
  return compact({
    prompt: deepSeekPrompt(request),
    max_tokens: settings.maxTokens,
    temperature: settings.temperature,
    top_p: settings.topP,
    stop: settings.stopSequences,
    ...additionalFields(request),
  });
}

const OPEN = "<think>";

function opensThinking(text: string): boolean {
  return text.trimStart().startsWith(OPEN);
}

/**
 * R1 output → content: from `<think>` (or the start, when the prompt opened the block) up to
 * `</think>` is reasoning, the rest the answer. Output that opens `<think>` and never closes it
 * was cut off while thinking and is all reasoning; output with neither tag is all answer.
 *
 * @example
 * deepSeekContent("<think>Think.</think>\n\nAnswer."); // [{ reasoningContent: { reasoningText: { text: "Think." } } }, { text: "Answer." }]
 */
export function deepSeekContent(output: string): ContentBlock[] {
  const opened = opensThinking(output);
  const body = opened ? output.trimStart().slice(OPEN.length) : output;
  const at = body.indexOf("</think>");
  const reasoning = (at >= 0 ? body.slice(0, at) : opened ? body : "").trim();
  const answer = (at >= 0 ? body.slice(at + "</think>".length) : opened ? "" : body).trim();
  const content: ContentBlock[] = [];
  if (reasoning !== "") content.push({ reasoningContent: { reasoningText: { text: reasoning } } });
  if (answer !== "") content.push({ text: answer });
  return content;
}

function firstChoice(body: NativeBody): Record<string, unknown> | undefined {
  return asRecord(asArray(body.choices)?.[0]);
}

function parseDeepSeekResponse(body: NativeBody): NativeTurn {
  const choice = firstChoice(body);
  if (!choice) throw new NativeResponseError(FAMILY, "the body has no choices[0]", body);
  return {
    content: deepSeekContent(asString(choice.text) ?? ""),
    stopReason: mapStopReason(DEEPSEEK_STOP_REASONS, choice.stop_reason ?? choice.finish_reason, "end_turn"),
  };
}

function createDeepSeekStreamDecoder(writer: ConverseStreamWriter): NativeStreamDecoder {
  let splitter = new TaggedTextSplitter(OPEN, "</think>", "text");
  let prelude = "";
  let started = false;
  let answerStarted = false;
  const write = (segments: ReturnType<TaggedTextSplitter["push"]>) => {
    for (const segment of segments) {
      if (segment.kind === "reasoning") writer.reasoningText(segment.text);
      else {
        // The answer follows "</think>" after blank lines; drop them.
        const text = answerStarted ? segment.text : segment.text.trimStart();
        answerStarted ||= text !== "";
        writer.text(text);
      }
    }
  };
  // Hold the first characters until it is clear whether the output opens with "<think>".
  const begin = () => {
    started = true;
    if (opensThinking(prelude)) {
      splitter = new TaggedTextSplitter(OPEN, "</think>", "reasoning");
      write(splitter.push(prelude.trimStart().slice(OPEN.length).trimStart()));
    } else write(splitter.push(prelude));
  };
  const feed = (text: string) => {
    if (started) return write(splitter.push(text));
    prelude += text;
    const trimmed = prelude.trimStart();
    if (trimmed.length < OPEN.length && OPEN.startsWith(trimmed)) return;
    begin();
  };
  return {
    push(chunk: NativeBody): void {
      writer.start();
      const choice = firstChoice(chunk);
      feed(asString(choice?.text) ?? "");
      const reason = choice?.stop_reason ?? choice?.finish_reason;
      if (typeof reason === "string") writer.stop(mapStopReason(DEEPSEEK_STOP_REASONS, reason, "end_turn"));
    },
    end(): void {
      if (!started) begin();
      write(splitter.end());
    },
  };
}

/**
 * DeepSeek R1 (`us.deepseek.r1-v1:0`): its chat template in `prompt`, answered with
 * `choices[].text` holding `<think>` reasoning `</think>` then the answer; the reasoning comes
 * back as a reasoning block (streamed as reasoning deltas). No tools or images.
 *
 * @example
 * deepseekAdapter.parseResponse({ choices: [{ text: "<think>Hmm.</think>\n\n4", stop_reason: "stop" }] }, context).content;
 */
export const deepseekAdapter: ModelFamilyAdapter = {
  family: FAMILY,
  displayName: "DeepSeek R1",
  exampleModelIds: ["us.deepseek.r1-v1:0"],
  features: { ...NO_FEATURES, text: true, systemPrompt: true, multiTurn: true, streaming: true, reasoning: true, stopSequences: true },
  matches: (id) => /^deepseek\.r1/.test(id),
  buildRequest: (request) => buildDeepSeekRequest(request),
  parseResponse: (body) => parseDeepSeekResponse(body),
  createStreamDecoder: (writer) => createDeepSeekStreamDecoder(writer),
};
