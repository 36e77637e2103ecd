export * from './plan-impact';
export * from './plan-impact-of';
export * from './count-members';
export { ASPECT_TITLES } from './outcome-aspects';
export * from './impact-schema';
