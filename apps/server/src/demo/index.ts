// The demo world and petitions of 青川市, an invented city: deterministic plain data for seeding a database.

export { createRng } from './random';
export type { Rng } from './random';
export { buildWorld, CITY_CODE, CITY_NAME } from './world';
export {
  allScenarios,
  generateCluster,
  generateMergeGroup,
  generatePetitionFacts,
  generateRepeat,
  generateScenario,
  TEXT_MAX,
  TEXT_MIN,
  TITLE_MAX,
} from './text';
export { generateDemoPetitions } from './timeline';
export type { TimelineOptions } from './timeline';
export type { RepeatOptions } from './text';
export { idCardCheckChar, maskPhone } from './identity';
export { toTraditional } from './traditional';
export { channels, categories, domains } from './types';
export type {
  Category,
  Channel,
  DemoPetition,
  Domain,
  Jurisdiction,
  JurisdictionKind,
  JurisdictionLevel,
  PetitionFacts,
  Petitioner,
  Respondent,
  Role,
  Unit,
  UnitKind,
  User,
  World,
} from './types';
