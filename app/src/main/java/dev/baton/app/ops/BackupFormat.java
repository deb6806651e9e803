package dev.baton.app.ops;

import java.util.List;

/**
 * Baton's backup file (docs/api.md, "Backups"): gzip'd JSON lines, version 1.
 * <pre>
 * {"format":"baton-backup","version":1,"createdAt":"2026-12-06T03:30:00.123456Z","schema":"5","baton":"0.1.0"}
 * {"type":"modelVersion","number":1,"source":"...","sha256":"...","uploadedAt":"...","uploadedBy":"..."}
 * {"type":"user","username":"maya","passwordHash":"{bcrypt}...","role":"member","person":"maya.chen","createdAt":"..."}
 * {"type":"token","tokenHash":"(SHA-256 hex)","username":"nora","name":"ci","createdAt":"..."}
 * {"type":"command","commandId":"...","stream":"...","recordedAt":"..."}
 * {"type":"fingerprint","commandId":"...","fingerprint":"...","method":"POST","path":"...","recordedAt":"..."}
 * {"type":"event","position":1,"stream":"...","version":1,"eventType":"ItemCreated","actor":"...","at":"...",
 *  "workType":"...","modelVersion":1,"commandId":null,"eventId":null,"batchId":null,"payload":{...}}
 * {"type":"end","counts":{"modelVersion":1,"user":15,"token":0,"command":9,"fingerprint":3,"event":8513}}
 * </pre>
 * Records come in this order (events by position); times are ISO-8601 instants in UTC with
 * microseconds. No projection is in the file: a restore rebuilds them from the events. The
 * {@code end} line's counts tell a complete file from one cut short.
 */
public final class BackupFormat {

    public static final String FORMAT = "baton-backup";
    public static final int VERSION = 1;
    /** The record types, in the order they are written. */
    public static final List<String> TYPES = List.of("modelVersion", "user", "token", "command", "fingerprint", "event");

    private BackupFormat() {
    }

    /** A backup file that cannot be restored: where and what. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String where, String what) {
            super(where + ": " + what, null, false, false);
        }
    }
}
