// Writes src/presets/<name>.json from the builders: `npx tsx tools/writePresets.ts`.
import { writeFileSync } from 'node:fs';
import { BUILDERS } from '../src/presets/builders.ts';

for (const [name, build] of Object.entries(BUILDERS)) {
  const preset = build();
  writeFileSync(`src/presets/${name}.json`, JSON.stringify(preset, null, 1) + '\n');
  console.log(name, preset.scenario.commands.length, 'commands');
}
