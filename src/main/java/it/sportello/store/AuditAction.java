package it.sportello.store;

/** What a moderator or staff member did, as the audit log records it. */
public enum AuditAction {
    LOGIN, LOGIN_FAILED, LOGOUT, CLAIM, REPLY, DISMISS, RESTORE, BAN_CONFIRM, BAN_REJECT, BAN_LIFT, PURGE
}
