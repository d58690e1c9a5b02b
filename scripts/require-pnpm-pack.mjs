// Each public package's `prepack` runs this. Only `pnpm pack` / `pnpm publish` turn `workspace:^`
// ranges into versions and replace `exports` with `publishConfig.exports` (which drops the
// `development` condition pointing at TypeScript sources); npm would publish both as they are.
const agent = process.env.npm_config_user_agent ?? "";
if (!agent.startsWith("pnpm/")) {
  const tool = agent.split(" ")[0] || "this tool";
  console.error(
    `Refusing to pack ${process.env.npm_package_name ?? "this package"} with ${tool}: ` +
      "use `pnpm pack` or `pnpm publish` (see CONTRIBUTING.md, \"Releasing\"). " +
      "npm would publish `workspace:` ranges and the `development` export condition.",
  );
  process.exit(1);
}
