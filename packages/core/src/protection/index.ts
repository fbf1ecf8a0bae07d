// `CommandType` is deliberately not re-exported here: the core barrel also exports the petition module's
// `CommandType` (which includes 'register'), and two different types of one name would clash. Protection's
// `CommandType` equals the petition module's `ProcessCommandType` (a test checks it); import it from
// './protection/types' when needed.
export { ACTIONS, COMMAND_TYPES, ROLES } from './types';
export type { Action, Actor, DenialReason, LocalisedMessage, PetitionScope, Permission, Role } from './types';
export * from './jurisdiction';
export * from './can';
export * from './mask';
export * from './validate';
