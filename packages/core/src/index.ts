export * from './clocks';
export * from './petition';
export * from './protection';
