export * from './objects';
export * from './server';
export * from './util';
