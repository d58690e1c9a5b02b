import { type Message } from "@sluice/core";
import { checkMessage } from "@sluice/core/internal";

export const user = (text: string): Message => ({ role: "user", content: [{ text }] });
export const assistant = (text: string): Message => ({ role: "assistant", content: [{ text }] });
export const callsTools = (...ids: string[]): Message => ({
  role: "assistant",
  content: [{ text: "Let me check." }, ...ids.map((id) => ({ toolUse: { toolUseId: id, name: "lookup", input: { id } } }))],
});
export const toolResults = (...ids: string[]): Message => ({
  role: "user",
  content: ids.map((id) => ({ toolResult: { toolUseId: id, content: [{ text: `result ${id}` }] } })),
});

/** A conversation with a single and a parallel tool round. */
export const conversation: Message[] = [
  user("hi"), // 0
  assistant("hello"), // 1
  user("weather?"), // 2
  callsTools("t1"), // 3
  toolResults("t1"), // 4
  assistant("sunny"), // 5
  user("and tomorrow?"), // 6
  callsTools("t2", "t3"), // 7
  toolResults("t2", "t3"), // 8
  assistant("rainy"), // 9
  user("thanks"), // 10
];

/** Bedrock's rules, as core checks them: the problem, or undefined when valid. */
export function problemIn(messages: readonly Message[]): string | undefined {
  for (let index = 0; index < messages.length; index += 1) {
    const problem = checkMessage(messages[index] as Message, messages[index - 1], index);
    if (problem) return problem;
  }
  return undefined;
}
