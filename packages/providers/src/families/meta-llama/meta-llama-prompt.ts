import type { ContentBlock, Message } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import { systemText, toBase64, toolResultText } from "../../shared/converse-content.js";
import { toolCallLine, toolInstructions } from "../../shared/prompt-tool-calls.js";

/** Which chat template a Llama model was trained on. */
export type LlamaTemplate = "llama2" | "llama3" | "llama4";

/**
 * The chat template for a base model ID (Llama 3 when the ID names none, e.g. an imported model).
 *
 * @example
 * llamaTemplate("meta.llama4-scout-17b-instruct-v1:0"); // "llama4"
 */
export function llamaTemplate(baseModelId: string | undefined): LlamaTemplate {
  if (baseModelId?.includes("llama2")) return "llama2";
  if (baseModelId?.includes("llama4")) return "llama4";
  return "llama3";
}

interface Turn {
  role: "system" | "user" | "assistant" | "ipython";
  text: string;
}

const MARKERS = {
  llama3: { start: "<|start_header_id|>", end: "<|end_header_id|>", eot: "<|eot_id|>" },
  llama4: { start: "<|header_start|>", end: "<|header_end|>", eot: "<|eot|>" },
} as const;

function turnsOf(message: Message, images: string[]): Turn[] {
  const turns: Turn[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") turns.push({ role: message.role === "assistant" ? "assistant" : "user", text });
    text = "";
  };
  const calls: string[] = [];
  for (const block of message.content ?? ([] as ContentBlock[])) {
    if (block.text !== undefined) text += block.text;
    else if (block.image?.source?.bytes !== undefined) {
      images.push(toBase64(block.image.source.bytes));
      text += "<|image|>";
    } else if (block.toolUse) calls.push(toolCallLine(block.toolUse));
    else if (block.toolResult) {
      flush();
      turns.push({ role: "ipython", text: toolResultText(block.toolResult) });
    }
  }
  if (calls.length > 0) text = text === "" ? calls.join("\n") : `${text}\n${calls.join("\n")}`;
  flush();
  return turns;
}

function headerPrompt(turns: Turn[], template: "llama3" | "llama4"): string {
  const { start, end, eot } = MARKERS[template];
  const body = turns.map((turn) => `${start}${turn.role}${end}\n\n${turn.text.trim()}${eot}`).join("");
  return `<|begin_of_text|>${body}${start}assistant${end}\n\n`;
}

function llama2Prompt(turns: Turn[]): string {
  let prompt = "";
  let system = "";
  let open = false;
  for (const turn of turns) {
    if (turn.role === "system") system = turn.text;
    else if (turn.role === "assistant") {
      prompt += ` ${turn.text.trim()} </s>`;
      open = false;
    } else {
      const instruction = system === "" ? turn.text.trim() : `<<SYS>>\n${system}\n<</SYS>>\n\n${turn.text.trim()}`;
      system = "";
      prompt += `${open ? "\n" : "<s>"}[INST] ${instruction} [/INST]`;
      open = true;
    }
  }
  return prompt;
}

/**
 * A Converse conversation written in a Llama chat template: system prompt (with tool
 * instructions when tools are offered), user, assistant and tool-result (`ipython`) turns,
 * ending with an open assistant header. Images become `<|image|>` markers and are returned
 * separately as base64 for the `images` field.
 *
 * @example
 * llamaPrompt({ modelId, system: [{ text: "Be brief." }], messages: [{ role: "user", content: [{ text: "Hi" }] }] }, "llama3").prompt;
 * // "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n"
 */
export function llamaPrompt(request: ModelRequest, template: LlamaTemplate): { prompt: string; images: string[] } {
  const images: string[] = [];
  const system = [systemText(request), toolInstructions(request)].filter((part) => part !== "").join("\n\n");
  const turns: Turn[] = system === "" ? [] : [{ role: "system", text: system }];
  for (const message of request.messages ?? []) turns.push(...turnsOf(message, images));
  const prompt = template === "llama2" ? llama2Prompt(turns) : headerPrompt(turns, template);
  return { prompt, images };
}
