import { contenders } from "/work/main/bench/contenders/index.js";
import { EmulatorProcess } from "/work/main/bench/emulator/emulator-process.js";
const [key = "sluice", runsText = "4000", mode = ""] = process.argv.slice(2);
const emulator = await EmulatorProcess.start();
try {
  const c = key === "raw-sluiceclient" ? (await import("/work/main/bench/contenders/raw-aws-sdk.js") as any).rawContenderFor((await import("@sluice/core")).createBedrockClient({ endpoint: emulator.url, region: "us-east-1", credentials: { accessKeyId: "bench", secretAccessKey: "bench" }, maxAttempts: 1 })) : await contenders.find((d) => d.key === key)!.create(emulator.url);
  const q = "What is the weather in Lisbon right now?";
  for (let i = 0; i < 500; i++) await c.weatherRun(q, mode === "stream");
  const { Session } = await import("node:inspector/promises");
  const s = new Session(); s.connect();
  await s.post("Profiler.enable"); await s.post("Profiler.setSamplingInterval", { interval: 50 });
  await s.post("Profiler.start");
  const before = process.cpuUsage();
  for (let i = 0; i < Number(runsText); i++) await c.weatherRun(q, mode === "stream");
  const used = process.cpuUsage(before);
  const { profile } = await s.post("Profiler.stop") as any;
  console.log(key, "cpu/run µs", ((used.user + used.system) / Number(runsText)).toFixed(0));
  // self time per function
  const nodes = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  const self = new Map<number, number>();
  const dts = profile.timeDeltas; 
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dts[i] ?? 0));
  const byFn = new Map<string, number>(); const byFile = new Map<string, number>();
  for (const [id, t] of self) { const n = nodes.get(id); const cf = n.callFrame; 
    let file = cf.url.replace(/^file:\/\//, "").replace(/.*node_modules\/\.pnpm\/([^/]+)\/.*/, "dep:$1").replace("/work/main/", "");
    const fn = `${cf.functionName || "(anon)"} ${file}:${cf.lineNumber}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + t); byFile.set(file, (byFile.get(file) ?? 0) + t); }
  const runs = Number(runsText);
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / runs).toFixed(1).padStart(7)} µs  ${k}`).join("\n");
  console.log("== by file\n" + top(byFile, 45)); console.log("== by fn\n" + top(byFn, 60));
  const fs = await import("node:fs"); fs.writeFileSync(`/tmp/prof/${key}${mode}.cpuprofile`, JSON.stringify(profile));
} finally { await emulator.close(); }
