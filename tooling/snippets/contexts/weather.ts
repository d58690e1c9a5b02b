// Gives a snippet the README's `getWeather` tool.
const getWeather = (await import("@sluice/tools")).defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  input: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  handler: async (input) => ({ city: (input as { city: string }).city, forecast: "21°C and sunny" }),
});
