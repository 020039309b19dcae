/**
 * The coder whose file holds the codings two coders settled on (`codings/consensus.yaml`): what
 * `codage reconcile` writes by default, and whose coding the thesis exports and the saturation
 * analysis take when it exists.
 */
export const CONSENSUS_CODER = 'consensus';
