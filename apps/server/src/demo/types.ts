// Plain-data shapes of the demo world. Names follow docs/GLOSSARY (petition, respondent, jurisdiction, unit ...).

export const channels = ['letter', 'visit', 'online', 'hotline', 'proxy', 'transfer'] as const;
export type Channel = (typeof channels)[number];

export const categories = ['suggestion', 'accusation', 'claim'] as const;
export type Category = (typeof categories)[number];

export const domains = [
  'housing',
  'labor',
  'land',
  'legal',
  'education',
  'health',
  'propertyManagement',
  'environment',
  'urbanConstruction',
  'socialSecurity',
  'agriculture',
  'other',
] as const;
export type Domain = (typeof domains)[number];

export type JurisdictionLevel = 'city' | 'county' | 'town' | 'village';
/** The kind of division, which decides its name's suffix (区/县/市, 街道/镇/乡, 社区/村). */
export type JurisdictionKind =
  'city' | 'district' | 'county' | 'countyCity' | 'street' | 'town' | 'township' | 'community' | 'village';

export interface Jurisdiction {
  /** GB/T 2260-style code: 6 digits (city, county), 9 (town/street), 12 (village/community). */
  code: string;
  name: string;
  level: JurisdictionLevel;
  kind: JurisdictionKind;
  parentCode: string | null;
}

export type UnitKind = 'petitionOffice' | 'department' | 'townGovernment' | 'discipline';

export interface Unit {
  /** Stable slug, e.g. 'u-city-office'. */
  id: string;
  name: string;
  jurisdictionCode: string;
  kind: UnitKind;
  /** Subject fields the unit handles (empty for the discipline commission, which takes accusations). */
  domains: Domain[];
}

export type Role = 'clerk' | 'handler' | 'unitHead' | 'leader' | 'supervisor' | 'admin' | 'proxyAgent';

export interface User {
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  jurisdictionCode: string;
}

export interface World {
  city: Jurisdiction;
  /** Every division, parents before children. */
  jurisdictions: Jurisdiction[];
  units: Unit[];
  users: User[];
}

export interface Respondent {
  name: string;
  /** Set when the respondent is (or belongs to) one of the world's units. */
  unitId: string | null;
}

export interface Petitioner {
  name: string;
  phone: string | null;
  idCard: string | null;
  address: string | null;
}

export interface PetitionFacts {
  channel: Channel;
  category: Category;
  litigationRelated: boolean;
  domain: Domain;
  /** A clerk's 事由, at most 40 characters. */
  title: string;
  /** The petitioner's account (or the transcript of a call / visit), 80-400 characters. */
  text: string;
  /** 诉求, one or two sentences. */
  demands: string;
  respondent: Respondent | null;
  /** Where the matter happened: a town (9 digits) or village/community (12 digits) code. */
  jurisdictionCode: string;
  /** A description of the place of the matter. */
  address: string;
  collective: boolean;
  headcount: number;
  /** At least one; at most 5 representatives for a collective petition. */
  petitioners: Petitioner[];
  /** The unit that should handle it (by subject and territory); never the accused unit of an accusation. */
  suggestedUnitId: string;
}

/** One petition of a generated demo timeline (see generateDemoPetitions). */
export interface DemoPetition {
  /** Stable key within the timeline, e.g. 'demo-0001'. */
  key: string;
  /** YYYY-MM-DD */
  receivedOn: string;
  facts: PetitionFacts;
  /** The key of the earlier petition about the same matter, when this is a repeat. */
  repeatOf: string | null;
  /** Petitions raised about the same respondent within a short time share a cluster key. */
  clusterKey: string | null;
  /**
   * Set on the households' separate petitions about one compensation dispute that the petition office merges
   * into one collective petition: `into` is the key of the petition they are merged into (null on that one
   * itself), `on` the day of merging (after the last of them was received).
   */
  merge?: { into: string | null; on: string };
}
