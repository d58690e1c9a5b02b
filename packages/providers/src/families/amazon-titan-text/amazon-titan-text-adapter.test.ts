import { describe, expect, it } from "vitest";
import { titanPrompt } from "./amazon-titan-text-adapter.js";

describe("titanPrompt", () => {
  it("sends one user message as it is and a conversation as a User/Bot transcript", () => {
    expect(titanPrompt([{ role: "user", content: [{ text: "Hi" }] }])).toBe("Hi");
    expect(
      titanPrompt([
        { role: "user", content: [{ text: "My name is Ada." }] },
        { role: "assistant", content: [{ text: "Hello Ada." }] },
        { role: "user", content: [{ text: "My name?" }] },
      ]),
    ).toBe("User: My name is Ada.\nBot: Hello Ada.\nUser: My name?\nBot:");
  });
});
