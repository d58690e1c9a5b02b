// A CommonJS module of the same app: require() of the ESM-only packages (Node 20.19+, 22.12+).
const core = require("@sluice/core");
const testing = require("@sluice/core/testing");
const tools = require("@sluice/tools");
const providers = require("@sluice/providers");
const middleware = require("@sluice/middleware");
const emulator = require("@sluice/emulator");

console.log(
  JSON.stringify({
    Agent: typeof core.Agent,
    ScriptedModel: typeof testing.ScriptedModel,
    defineTool: typeof tools.defineTool,
    invokeModel: typeof providers.invokeModel,
    retryMiddleware: typeof middleware.retryMiddleware,
    startEmulator: typeof emulator.startEmulator,
  }),
);
