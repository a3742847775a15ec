/**
 * Public entry of the artifact format: the union of all artifact kinds, and helpers to parse
 * one file with an error message that names the file and the field.
 * See schema.ts for the format and its rules.
 */
import { z } from 'zod';
import { groupArtifactSchema, READABLE_SCHEMA_VERSIONS, runArtifactSchema } from './schema';
import { formatZodError } from '../../shared/zod-error';
import {
  referenceCellsArtifactSchema,
  referencePerFoldArtifactSchema,
  referenceRawTrialsArtifactSchema,
  referenceUnlabeledArtifactSchema,
} from './reference-schema';

export * from './schema';
export * from './reference-schema';

export const artifactSchema = z.discriminatedUnion('kind', [
  runArtifactSchema,
  groupArtifactSchema,
  referenceCellsArtifactSchema,
  referencePerFoldArtifactSchema,
  referenceRawTrialsArtifactSchema,
  referenceUnlabeledArtifactSchema,
]);
export type Artifact = z.infer<typeof artifactSchema>;

/** One line per issue: `<file>: field <path>: <message>`. */
function formatArtifactError(file: string, error: z.ZodError): string {
  return formatZodError(error, { file, separator: '\n' });
}

export class ArtifactError extends Error {
  override name = 'ArtifactError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Parse JSON text of one artifact file; throws ArtifactError naming file + field. */
export function parseArtifactText(file: string, text: string): Artifact {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ArtifactError(file, `${file}: not valid JSON: ${(e as Error).message}`);
  }
  return parseArtifact(file, json);
}

export function parseArtifact(file: string, json: unknown): Artifact {
  if (
    typeof json === 'object' &&
    json !== null &&
    'schemaVersion' in json &&
    !READABLE_SCHEMA_VERSIONS.includes(json.schemaVersion as number)
  ) {
    throw new ArtifactError(
      file,
      `${file}: field schemaVersion: version ${String(json.schemaVersion)} is not supported (this build reads ${READABLE_SCHEMA_VERSIONS.join(', ')})`,
    );
  }
  const r = artifactSchema.safeParse(json);
  if (!r.success) throw new ArtifactError(file, formatArtifactError(file, r.error));
  return r.data;
}
