/** The request types of the privacy policy, with no dependencies, for the contract and the renderer. */
export const REQUEST_TYPES = ['inzage', 'correctie', 'verzet', 'dataportabiliteit', 'klacht'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
