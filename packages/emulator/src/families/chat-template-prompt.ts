import type { WireMessage } from "../wire/converse-types.js";

/**
 * A prompt read back into a system prompt and alternating messages.
 *
 * @example
 * const parsed: ParsedPrompt = { system: "Be brief.", messages: [{ role: "user", content: [{ text: "Hi" }] }] };
 */
export interface ParsedPrompt {
  system: string;
  messages: WireMessage[];
}

type Role = "system" | "user" | "assistant";

function collect(turns: Array<{ role: Role; text: string }>): ParsedPrompt {
  const systemParts: string[] = [];
  const messages: WireMessage[] = [];
  for (const { role, text } of turns) {
    const trimmed = text.trim();
    if (trimmed === "") continue;
    if (role === "system") {
      systemParts.push(trimmed);
      continue;
    }
    const previous = messages[messages.length - 1];
    if (previous?.role === role) previous.content.push({ text: trimmed });
    else messages.push({ role, content: [{ text: trimmed }] });
  }
  return { system: systemParts.join("\n"), messages };
}

// Tool output roles (Llama 3.1 `ipython`, `tool`) come back to the model as user input.
function roleOf(header: string): Role {
  const role = header.trim();
  if (role === "system" || role === "assistant") return role;
  return "user";
}

// Llama 3 `<|start_header_id|>role<|end_header_id|>` and Llama 4 `<|header_start|>role<|header_end|>`.
function parseHeaderTemplate(prompt: string, start: string, end: string, endOfTurn: RegExp): ParsedPrompt {
  const turns: Array<{ role: Role; text: string }> = [];
  const segments = prompt.split(start).slice(1);
  for (const segment of segments) {
    const headerEnd = segment.indexOf(end);
    if (headerEnd < 0) continue;
    const text = segment.slice(headerEnd + end.length).replace(endOfTurn, "");
    turns.push({ role: roleOf(segment.slice(0, headerEnd)), text });
  }
  return collect(turns);
}

// Llama 2 / Mistral: `<s>[INST] <<SYS>>\nsystem\n<</SYS>>\n\nuser [/INST] answer </s><s>[INST] …`.
function parseInstructionTemplate(prompt: string): ParsedPrompt {
  const turns: Array<{ role: Role; text: string }> = [];
  const cleaned = prompt.replaceAll("<s>", "").replaceAll("</s>", "");
  const parts = cleaned.split("[INST]").slice(1);
  for (const part of parts) {
    const [instruction = "", answer = ""] = part.split("[/INST]");
    const system = /<<SYS>>([\s\S]*?)<<\/SYS>>/.exec(instruction);
    if (system) turns.push({ role: "system", text: system[1] ?? "" });
    turns.push({ role: "user", text: instruction.replace(/<<SYS>>[\s\S]*?<<\/SYS>>/, "") });
    turns.push({ role: "assistant", text: answer });
  }
  return collect(turns);
}

// DeepSeek: `<｜begin▁of▁sentence｜>system<｜User｜>question<｜Assistant｜>answer<｜end▁of▁sentence｜>…`.
function parseDeepSeekTemplate(prompt: string): ParsedPrompt {
  const turns: Array<{ role: Role; text: string }> = [];
  const body = prompt.replace("<｜begin▁of▁sentence｜>", "");
  const pieces = body.split(/(<｜User｜>|<｜Assistant｜>)/);
  turns.push({ role: "system", text: pieces[0] ?? "" });
  for (let index = 1; index < pieces.length; index += 2) {
    const text = (pieces[index + 1] ?? "").replaceAll("<｜end▁of▁sentence｜>", "").replace(/<think>[\s\S]*?(<\/think>|$)/, "");
    turns.push({ role: pieces[index] === "<｜User｜>" ? "user" : "assistant", text });
  }
  return collect(turns);
}

/**
 * Reads a prompt written in a model's chat template back into messages, recognising Llama 3
 * (`<|start_header_id|>`), Llama 4 (`<|header_start|>`), Llama 2 / Mistral (`[INST]`, `<<SYS>>`)
 * and DeepSeek (`<｜User｜>`) templates. A prompt in none of them is one user message.
 *
 * @example
 * parseChatTemplatePrompt("<s>[INST] Hi [/INST]").messages; // [{ role: "user", content: [{ text: "Hi" }] }]
 */
export function parseChatTemplatePrompt(prompt: string): ParsedPrompt {
  if (prompt.includes("<|start_header_id|>")) return parseHeaderTemplate(prompt, "<|start_header_id|>", "<|end_header_id|>", /<\|eot_id\|>|<\|eom_id\|>/g);
  if (prompt.includes("<|header_start|>")) return parseHeaderTemplate(prompt, "<|header_start|>", "<|header_end|>", /<\|eot\|>|<\|eom\|>/g);
  if (prompt.includes("[INST]")) return parseInstructionTemplate(prompt);
  if (prompt.includes("<｜User｜>")) return parseDeepSeekTemplate(prompt);
  return collect([{ role: "user", text: prompt }]);
}
