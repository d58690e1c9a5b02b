import { createClient } from "redis";
import type { ConnectionDrop } from "@sluice/store-conformance";
import { redisUrl } from "@sluice/test-services";

/** A connected client of the test Redis; `name` shows in CLIENT LIST, so a test can kill its connections. */
export async function connectRedis(name: string) {
  const client = createClient({ url: redisUrl, name });
  client.on("error", () => undefined); // a killed connection reconnects by itself
  await client.connect();
  return client;
}

/** The connections named `name`, as CLIENT LIST shows them. */
async function clientsNamed(admin: { sendCommand(args: string[]): Promise<unknown> }, name: string): Promise<Array<Record<string, string>>> {
  const list = String(await admin.sendCommand(["CLIENT", "LIST"]));
  return list
    .split("\n")
    .filter(Boolean)
    .map((line) => Object.fromEntries(line.trim().split(" ").map((field) => field.split("=", 2) as [string, string])))
    .filter((client) => client["name"] === name);
}

/**
 * Real connection drops for the clients named `name`: the server pauses writes (CLIENT PAUSE
 * WRITE; pausing all commands would pause this admin connection too), the test waits until one of
 * them is blocked on a command, kills them all (CLIENT KILL), and unpauses. The pause lasts a few
 * milliseconds; other test files' writes only wait that long.
 */
export function redisConnectionDrop(adminClient: () => Awaited<ReturnType<typeof connectRedis>>, name: string): ConnectionDrop {
  const admin = { sendCommand: (args: string[]) => adminClient().sendCommand(args) };
  return {
    hold: async () => void (await admin.sendCommand(["CLIENT", "PAUSE", "5000", "WRITE"])),
    drop: async () => {
      for (let attempt = 0; ; attempt += 1) {
        const clients = await clientsNamed(admin, name);
        if (clients.some((client) => client["flags"]?.includes("b"))) {
          for (const client of clients) await admin.sendCommand(["CLIENT", "KILL", "ID", client["id"] as string]);
          return;
        }
        if (attempt > 500) throw new Error(`no client named ${name} got blocked on a command`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },
    release: async () => void (await admin.sendCommand(["CLIENT", "UNPAUSE"])),
    holdsReads: false,
  };
}
