import { contenders } from "/work/main/bench/contenders/index.js";
import { EmulatorProcess } from "/work/main/bench/emulator/emulator-process.js";
import { median } from "/work/main/bench/stats.js";
const [keysText = "raw-http1,sluice", batchesText = "30", mode = ""] = process.argv.slice(2);
const streaming = mode === "stream";
const emulator = await EmulatorProcess.start();
const mk = (cfg: any) => async (url: string) => { const raw = await import("/work/main/bench/contenders/raw-aws-sdk.js") as any; const { BedrockRuntimeClient } = await import("@aws-sdk/client-bedrock-runtime"); return raw.rawContenderFor(new BedrockRuntimeClient({ endpoint: url, region: "us-east-1", credentials: { accessKeyId: "bench", secretAccessKey: "bench" }, maxAttempts: 1, requestHandler: raw.keepAliveHandler(), ...cfg })); };
const extra: Record<string, (url: string) => Promise<any>> = {
  "raw-sigv4pref": mk({ authSchemePreference: ["sigv4"] }),
  "raw-same": mk({}),
  "raw-sluiceclient": async (url) => {
    const { createBedrockClient } = await import("@sluice/core");
    const raw = await import("/work/main/bench/contenders/raw-aws-sdk.js") as any;
    return raw.rawContenderFor(createBedrockClient({ endpoint: url, region: "us-east-1", credentials: { accessKeyId: "bench", secretAccessKey: "bench" }, maxAttempts: 1 }));
  },
};
try {
  const keys = keysText.split(",");
  const pair = await Promise.all(keys.map(async (key) => extra[key] ? extra[key](emulator.url) : contenders.find((c) => c.key === key)!.create(emulator.url)));
  const cpu = keys.map(() => [] as number[]); const wall = keys.map(() => [] as number[]);
  const q = "What is the weather in Lisbon right now?";
  for (const c of pair) for (let i = 0; i < 300; i++) await c.weatherRun(q, streaming);
  for (let b = 0; b < Number(batchesText); b++) {
    const order = keys.map((_, i) => i); if (b % 2) order.reverse();
    for (const side of order) {
      const before = process.cpuUsage(); const started = process.hrtime.bigint();
      for (let i = 0; i < 100; i++) await pair[side]!.weatherRun(q, streaming);
      const used = process.cpuUsage(before);
      wall[side]!.push(Number(process.hrtime.bigint() - started) / 1e8);
      cpu[side]!.push((used.user + used.system) / 100 / 1000);
    }
  }
  keys.forEach((k, i) => console.log(`${k.padEnd(18)} CPU ${median(cpu[i]!).toFixed(3)} ms/run (${(median(cpu[i]!) / median(cpu[0]!)).toFixed(3)}x), wall ${median(wall[i]!).toFixed(3)} (${(median(wall[i]!) / median(wall[0]!)).toFixed(3)}x)`));
} finally { await emulator.close(); }
