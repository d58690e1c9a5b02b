import fs from "node:fs";
const [file, runs, filter = "packages/"] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
const byFn = new Map();
for (const [id, t] of self) { const cf = nodes.get(id).callFrame; if (!cf.url.includes(filter)) continue;
  const k = `${cf.functionName || "(anon)"} ${cf.url.replace(/.*\/packages\//, "")}:${cf.lineNumber + 1}`; byFn.set(k, (byFn.get(k) ?? 0) + t); }
console.log([...byFn].sort((a, b) => b[1] - a[1]).slice(0, 70).map(([k, v]) => `${(v / runs).toFixed(1).padStart(6)} ${k}`).join("\n"));
