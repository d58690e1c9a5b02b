import type { Message } from "@sluice/core";

/** A call to the answer tool found in the history, with how its result went. */
export interface AnswerCall {
  readonly toolUseId: string;
  readonly input: unknown;
  readonly status: "success" | "error";
  /** The text the model was sent as the result. */
  readonly resultText: string;
}

/**
 * How many answers in a row the schema refused, counted back from the end of the history to the
 * last user message that holds more than tool results (the input of the current run).
 */
export function refusedAnswersInRun(messages: readonly Message[], toolName: string): { count: number; lastProblem: string } {
  let count = 0;
  let lastProblem = "";
  for (let index = messages.length - 1; index >= 1; index -= 1) {
    const message = messages[index] as Message;
    if (message.role !== "user") continue;
    const content = message.content ?? [];
    const calls = answerCalls(messages[index - 1] as Message, message, toolName);
    for (const call of calls) {
      if (call.status !== "error") continue;
      count += 1;
      if (lastProblem === "") lastProblem = call.resultText;
    }
    if (content.some((block) => block.toolResult === undefined)) break;
  }
  return { count, lastProblem };
}

function answerCalls(assistant: Message, user: Message, toolName: string): AnswerCall[] {
  if (assistant.role !== "assistant") return [];
  const inputs = new Map<string, unknown>();
  for (const block of assistant.content ?? []) {
    if (block.toolUse?.name === toolName && block.toolUse.toolUseId) inputs.set(block.toolUse.toolUseId, block.toolUse.input);
  }
  const calls: AnswerCall[] = [];
  for (const block of user.content ?? []) {
    const result = block.toolResult;
    if (!result?.toolUseId || !inputs.has(result.toolUseId)) continue;
    calls.push({
      toolUseId: result.toolUseId,
      input: inputs.get(result.toolUseId),
      status: result.status === "error" ? "error" : "success",
      resultText: (result.content ?? []).map((part) => part.text ?? "").join(" ").trim(),
    });
  }
  return calls;
}
