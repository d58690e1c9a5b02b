/** Child process of scenario (j): serves `add` over MCP on stdio until its client disconnects. */
import { SluiceMcpServer } from "@sluice/mcp";
import { addTool } from "./add-tool.js";

await new SluiceMcpServer({ name: "bench-add", tools: [addTool] }).serveStdio();
