// Gives a snippet an `agent` that has held one turn of conversation.
const agent = new (await import("@sluice/core")).Agent({ modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0" });
await agent.send("Hello");
