// Gives a snippet a `getForecast` tool and `tools`, a list holding it.
const getForecast = (await import("@sluice/tools")).defineTool({
  name: "get_forecast",
  description: "Daily forecast (°C) for a city, starting today.",
  input: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  handler: async (input) => ({ city: (input as { city: string }).city, celsius: 18 }),
});
const tools = [getForecast];
