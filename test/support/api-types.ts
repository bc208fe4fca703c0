/** The spec's schemas the tests read and build, by name (generated/openapi.ts, from openapi.yaml). */
import type { components } from '../../generated/openapi';

export type Item = components['schemas']['Item'];
export type ItemInput = components['schemas']['ItemInput'];
export type ItemPage = components['schemas']['ItemPage'];
export type Problem = components['schemas']['Problem'];
