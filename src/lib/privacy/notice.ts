/**
 * The version of the privacy notice shown at sign-up (messages privacy_notice_*). Change it whenever the
 * notice's text changes in any language: the version is what is recorded with each agreement.
 */
export const PRIVACY_NOTICE_VERSION = '2026-11-24';

/** The longest a center may keep a departed worker's record (months); each center sets its own period. */
export const MAX_RETENTION_MONTHS = 60;
