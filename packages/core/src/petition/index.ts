export * from './types';
export * from './refusals';
export * from './decide';
export * from './evolve';
export * from './clocks';
export * from './wording';
export * from './joint-conference';
export * from './names';
