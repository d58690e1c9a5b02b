// Gives a snippet a running emulator as `emulator` and its placeholder `credentials`.
const emulator = await (await import("@sluice/emulator")).startEmulator();
const credentials = emulator.clientOptions.credentials;
// --- after the snippet ---
if (emulator.listening) await emulator.close();
