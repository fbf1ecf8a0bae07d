export * from './clocks';
export * from './petition';
export * from './protection';
export * from './metrics';
