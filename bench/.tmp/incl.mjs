import fs from "node:fs";
const [file, runs, filter = "packages/"] = process.argv.slice(2);
const p = JSON.parse(fs.readFileSync(file, "utf8"));
const nodes = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(); for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const incl = new Map();
for (const [id, t] of self) { const seen = new Set(); let cur = id; while (cur !== undefined) { const cf = nodes.get(cur).callFrame; if (cf.url.includes(filter)) { const k = `${cf.functionName || "(anon)"} ${cf.url.replace(/.*\/packages\//, "")}:${cf.lineNumber + 1}`; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); } } cur = parent.get(cur); } }
console.log([...incl].sort((a, b) => b[1] - a[1]).slice(0, 80).map(([k, v]) => `${(v / runs).toFixed(1).padStart(7)} ${k}`).join("\n"));
