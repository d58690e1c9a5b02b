/** The tool of scenario (j): as a plain Sluice tool, and served over MCP by `add-tool-server.ts`. */
import { defineTool } from "@sluice/tools";
import { z } from "zod";

export const addTool = defineTool({
  name: "add",
  description: "Adds two numbers",
  input: z.object({ a: z.number(), b: z.number() }),
  handler: ({ a, b }) => ({ sum: a + b }),
});
