import { programs } from '../../db/schema/programs';
import { type SimpleEntityView, simpleEntityService } from '../shared/simple-entity-service';

/** A program as the API shows it: related projects grouped under its objective. */
export type ProgramView = SimpleEntityView<'objective'>;

/** The rules of programs: a program's own text is its objective. */
export const programService = simpleEntityService({
  kind: 'program',
  table: programs,
  idPrefix: 'prg',
  field: 'objective',
});
