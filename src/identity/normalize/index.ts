/** Identity normalization: names, nicknames, companies, dates of birth, streets, contacts, placeholders, features. */
export { normalizePersonName } from './person-name.js';
export { NICKNAME_GROUPS, areNicknameEquivalent, canonicalFirstName, nicknameGroups } from './nicknames.js';
export { normalizeCompanyName } from './company.js';
export type { CompanyName } from './company.js';
export { daysSinceEpoch, normalizeDob } from './dob.js';
export type { DateParts, DobOptions } from './dob.js';
export { addressTokens, normalizeStreet } from './street.js';
export { emailKeys, phoneKeys } from './contact.js';
export type { EmailKeys, PhoneKeys } from './contact.js';
export { DEFAULT_PLACEHOLDERS, createPlaceholderDetector, isPlaceholder } from './placeholder.js';
export type { PlaceholderDetector, PlaceholderKind, PlaceholderLists } from './placeholder.js';
export { buildOrganizationFeatures, buildPersonFeatures, websiteHost } from './features.js';
export type {
  FeatureOptions,
  OrganizationAttributes,
  OrganizationFeatures,
  PersonAttributes,
  PersonFeatures,
} from './features.js';
