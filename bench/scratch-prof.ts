import { EmulatorProcess } from "./emulator/emulator-process.js";
import { createSluiceContender } from "./contenders/sluice.js";
const emulator = await EmulatorProcess.start();
const c = createSluiceContender(emulator.url, "converse", process.argv[2] === "reused");
for (let i = 0; i < 4000; i++) await c.weatherRun("What is the weather in Lisbon right now?", process.argv[3] === "stream");
await emulator.close();
