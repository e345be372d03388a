/** Ajv for draft 2020-12 (OpenAPI 3.1's dialect) with formats and the document's `x-` marks. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export const newAjv = (): Ajv2020 => {
  const ajv = new Ajv2020({ strict: true, strictTuples: false, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-personal-data' });
  ajv.addKeyword({ keyword: 'x-codec' });
  return ajv;
};

/** A validator of one schema. */
export const schemaValidator = (schema: object): ValidateFunction => newAjv().compile(schema);
