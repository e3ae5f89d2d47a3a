import { simpleEntityRoutes } from '../shared/simple-entity-routes';
import { programService } from './program-service';

/** Registers the program routes. */
export const registerProgramRoutes = simpleEntityRoutes(programService);
