import type { Scenario } from '../engine/journal.ts';

/** What the Presets menu lists: a name for links (`#preset=<name>`), and what to watch. */
export interface PresetInfo {
  name: string;
  title: string;
  /** One line for the menu. */
  summary: string;
  /** What to watch once it plays, in a few sentences. */
  watch: string;
  /** The S2S-FACTS rules it shows. */
  facts: string[];
  /** The tab each org's workspace opens on (org id → tab id), where the action shows. */
  tabs?: Record<string, string>;
  /** The walkthrough that goes with it, if any. */
  tour?: string;
}

/** A preset on disk: its description and a scenario in the documented format. */
export interface PresetFile extends PresetInfo {
  scenario: Scenario;
}
