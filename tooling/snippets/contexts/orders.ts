// Gives a snippet `payments` (a stand-in payment service) and a `lookupOrder` tool.
const payments = {
  refund: async (orderId: string, cents: number) => ({ orderId, refundedCents: cents }),
};
const lookupOrder = (await import("@sluice/tools")).defineTool({
  name: "lookup_order",
  description: "Finds an order by its number.",
  input: { type: "object", properties: { orderId: { type: "string" } }, required: ["orderId"] },
  handler: async (input) => ({ orderId: (input as { orderId: string }).orderId, totalCents: 25_000 }),
});
