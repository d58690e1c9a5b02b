import type { Message } from "@sluice/core";

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
    for (const problem of refusedAnswers(messages[index - 1] as Message, message, toolName)) {
      count += 1;
      if (lastProblem === "") lastProblem = problem;
    }
    if ((message.content ?? []).some((block) => block.toolResult === undefined)) break;
  }
  return { count, lastProblem };
}

/** The texts of the error results in `user` that answer a call of the answer tool in `assistant`. */
function refusedAnswers(assistant: Message, user: Message, toolName: string): string[] {
  if (assistant.role !== "assistant") return [];
  const answerIds = new Set<string>();
  for (const block of assistant.content ?? []) {
    if (block.toolUse?.name === toolName && block.toolUse.toolUseId) answerIds.add(block.toolUse.toolUseId);
  }
  const problems: string[] = [];
  for (const block of user.content ?? []) {
    const result = block.toolResult;
    if (result?.status !== "error" || !result.toolUseId || !answerIds.has(result.toolUseId)) continue;
    problems.push((result.content ?? []).map((part) => part.text ?? "").join(" ").trim());
  }
  return problems;
}
