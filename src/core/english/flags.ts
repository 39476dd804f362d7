/**
 * Flag emoji -> the name of what they stand for: every country's regional-indicator pair (from
 * `world-countries`), the EU and UN pairs, and the tag-sequence flags of England, Scotland and
 * Wales (data/world.json). Replaces the few hand-picked flag rows text.ts had.
 */
import { readWorldFile, type WorldFile, worldCountries } from './gazetteer.ts';

/** Emoji -> name ("🇫🇯" -> "Fiji"). A plain Map: structured-cloneable. */
export type FlagNames = Map<string, string>;

export function loadFlagNames(world: WorldFile = readWorldFile()): FlagNames {
  const flags: FlagNames = new Map();
  for (const country of worldCountries()) flags.set(country.flag, country.name.common);
  for (const [emoji, name] of Object.entries(world.flags)) flags.set(emoji, name);
  return flags;
}

/** A regional-indicator pair, or a black flag followed by tag letters and the cancel tag. */
const FLAG = /[\u{1F1E6}-\u{1F1FF}]{2}|\u{1F3F4}[\u{E0061}-\u{E007A}]+\u{E007F}/gu;

/**
 * Every flag in the text replaced by its name between spaces ("🇺🇦 aid" -> " Ukraine  aid"); a
 * pair that is no flag is left as it is.
 */
export function replaceFlags(text: string, flags: FlagNames): string {
  return text.replace(FLAG, (emoji) => {
    const name = flags.get(emoji);
    return name === undefined ? emoji : ` ${name} `;
  });
}
